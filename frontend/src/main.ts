import { createApp } from 'vue'
import { createPinia } from 'pinia'
import './styles.css'
import './theme.css'
import App from './App.vue'
import { router } from './router'
import { i18n, t } from './i18n'
import { setUnauthorizedHandler } from './api/client'
import { useAuthStore } from './stores/auth'
import { watchStaleChunks } from './utils/staleChunks'
import { watchDropdowns } from './utils/focusableDropdowns'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(router)

// A 401 on any call (other than a login) means the session is gone.
function onUnauthorized(scope: 'tenant' | 'platform') {
  const current = router.currentRoute.value
  if (scope === 'platform') {
    if (current.name !== 'platform-login') router.replace({ name: 'platform-login' })
    return
  }
  const auth = useAuthStore(pinia)
  const wasSignedIn = !!auth.me
  auth.clear()
  // During the first navigation the guard handles the redirect itself.
  if (current.matched.length === 0 || current.meta.public) return
  if (wasSignedIn) ElMessage.warning(t('common.sessionExpired'))
  router.replace({ name: 'login', query: current.fullPath === '/' ? {} : { redirect: current.fullPath } })
}
setUnauthorizedHandler(onUnauthorized)

watchStaleChunks(
  router,
  () =>
    ElMessageBox.confirm(t('a11y.staleBody'), t('a11y.staleTitle'), {
      confirmButtonText: t('a11y.reload'),
      cancelButtonText: t('a11y.later'),
      type: 'warning',
    }).then(
      () => true,
      () => false,
    ),
  () => window.location.reload(),
)

app.mount('#app')
watchDropdowns()
