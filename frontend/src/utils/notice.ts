import type { ElMessageBoxOptions } from 'element-plus/es/components/message-box/index'

// The start-up code's rare notices (session expired, no permission, a newer build) fetch Element
// Plus's message and message box, each with its styles, when first shown: imported statically
// they, their colour library and every icon were in the entry's preloads on every first visit.

const messageBox = () =>
  Promise.all([import('element-plus/es/components/message-box/index'), import('element-plus/es/components/message-box/style/css')]).then(
    ([m]) => m.ElMessageBox,
  )

/** A warning toast. */
export async function warn(message: string): Promise<void> {
  const [{ ElMessage }] = await Promise.all([import('element-plus/es/components/message/index'), import('element-plus/es/components/message/style/css')])
  ElMessage.warning(message)
}

/** A confirmation dialog: resolves true when confirmed, false when cancelled or closed. */
export async function confirmBox(message: string, title: string, options: ElMessageBoxOptions): Promise<boolean> {
  const box = await messageBox()
  return box.confirm(message, title, options).then(
    () => true,
    () => false,
  )
}

/**
 * Fetches the message box once the first page is shown, so that the offer of a reload after an
 * upgrade has it at hand (by then the old build's chunks, its own among them, are gone).
 */
export function warmConfirmBox(): void {
  messageBox().catch(() => {})
}
