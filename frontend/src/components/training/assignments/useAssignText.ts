import { useI18n } from 'vue-i18n'
import { useAuthStore } from '@/stores/auth'
import { formatInZone } from '@/utils/datetime'
import { pickText } from '@/components/training/helpers'
import { notificationMessage, relativeTime, type NotificationLike } from './helpers'

/** Locale- and time-zone-aware labels shared by the assignment pages, the inbox and the bell. */
export function useAssignText() {
  const { t, te, locale } = useI18n()
  const auth = useAuthStore()
  const text = (v: Partial<Record<string, string>> | null | undefined) => pickText(v, locale.value)
  /** "2026-12-05 18:00" in the tenant's time zone. */
  const when = (v: string | null | undefined) => (v ? formatInZone(v, auth.timeZone).slice(0, 16) : '')
  const relative = (v: string | null | undefined, now = Date.now()) => (v ? relativeTime(v, now, locale.value) : '')
  const role = (r: string) => (r && te(`roles.${r}`) ? t(`roles.${r}`) : r)
  const audience = (a: { audience: string; role: string }) => {
    switch (a.audience) {
      case 'subtree':
        return t('assign.audienceShort.subtree')
      case 'role':
        return t('assign.audienceShort.role', { role: role(a.role) })
      case 'users':
        return t('assign.audienceShort.users')
    }
    return a.audience
  }
  const status = (s: string) => (te(`assign.status.${s}`) ? t(`assign.status.${s}`) : s)
  const notification = (n: NotificationLike) => {
    const m = notificationMessage(n, locale.value, when)
    return t(m.key, m.params)
  }
  return { t, locale, text, when, relative, role, audience, status, notification }
}
