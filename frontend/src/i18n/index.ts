import { computed, ref } from 'vue'
import { createI18n } from 'vue-i18n'
import elZhCn from 'element-plus/es/locale/lang/zh-cn'
import elEn from 'element-plus/es/locale/lang/en'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const LOCALE_STORAGE_KEY = 'ss_locale'

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

function storedLocale(): Locale | undefined {
  try {
    const v = localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(v) ? v : undefined
  } catch {
    return undefined
  }
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: storedLocale() ?? 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

const current = ref<Locale>(i18n.global.locale.value as Locale)

export const currentLocale = computed(() => current.value)
export const elementLocale = computed(() => (current.value === 'en' ? elEn : elZhCn))

/** Switches the UI (and Element Plus) language and remembers the choice. */
export function setLocale(l: Locale) {
  current.value = l
  i18n.global.locale.value = l
  document.documentElement.lang = l
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, l)
  } catch {
    /* private mode: not remembered */
  }
}

/** Adopt the tenant's default language only when the user never chose one. */
export function adoptDefaultLocale(l: string | undefined) {
  if (!storedLocale() && isLocale(l) && l !== current.value) {
    current.value = l
    i18n.global.locale.value = l
    document.documentElement.lang = l
  }
}

export const t = i18n.global.t
