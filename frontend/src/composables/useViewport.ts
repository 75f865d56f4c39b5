import { onBeforeUnmount, onMounted, ref, computed } from 'vue'

export const PHONE_MAX = 767
export const TABLET_MAX = 1199

/** Phone (< 768 px), tablet (< 1200 px) or desktop, kept up to date on resize. */
export function useViewport() {
  const width = ref(typeof window === 'undefined' ? 1280 : window.innerWidth)
  const onResize = () => (width.value = window.innerWidth)
  onMounted(() => window.addEventListener('resize', onResize))
  onBeforeUnmount(() => window.removeEventListener('resize', onResize))
  const isPhone = computed(() => width.value <= PHONE_MAX)
  const isTablet = computed(() => width.value > PHONE_MAX && width.value <= TABLET_MAX)
  return { width, isPhone, isTablet }
}
