import { ApiError, problemText } from '@/api/errors'
import { t } from '@/i18n'

/** Shows an API failure: the problem's detail plus each error's location and message. */
export function notifyError(e: unknown) {
  if (e instanceof ApiError && e.status === 401) return // the 401 handler has taken over
  let text = e instanceof ApiError && e.status === 0 ? t('common.networkError') : problemText(e)
  if (e instanceof ApiError && e.status === 429 && e.retryAfter !== undefined) {
    text += '\n' + t('common.retryAfter', { seconds: e.retryAfter })
  }
  ElMessage({ type: 'error', message: text, duration: 6000, showClose: true, customClass: 'ss-error-message', grouping: true })
}

export function notifyOk(text: string) {
  ElMessage({ type: 'success', message: text, grouping: true })
}
