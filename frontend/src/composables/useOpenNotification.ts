import { useRoute, useRouter } from 'vue-router'
import { markRead, type Notification } from '@/components/training/assignments/api'
import { COMMENTED, INBOX_REFRESH_EVENT, notificationTab } from '@/components/training/assignments/helpers'

/**
 * Opening a notification: it is marked read (onRead lets the caller lower its unread count
 * at once), then the inbox opens at the tab the notification is about, or, for a coaching
 * comment, the attempt's coaching page at the turn commented on.
 */
export function useOpenNotification() {
  const route = useRoute()
  const router = useRouter()
  return async function openNotification(n: Notification, onRead?: () => void) {
    if (!n.read_at) {
      n.read_at = new Date().toISOString()
      onRead?.()
      // Before navigating: the navigation refreshes the count, which must already see it read.
      await markRead(n.id).catch(() => undefined)
    }
    if (n.kind === COMMENTED) {
      const turn = (n.data as { turn?: unknown } | null)?.turn
      await router.push({ name: 'training-coaching', params: { id: String(n.subject_id) }, query: typeof turn === 'string' && turn ? { turn } : {} })
      return
    }
    const tab = notificationTab(n.kind)
    if (route.name === 'training-inbox') window.dispatchEvent(new Event(INBOX_REFRESH_EVENT))
    await router.push({ name: 'training-inbox', query: tab ? { tab } : {} })
  }
}
