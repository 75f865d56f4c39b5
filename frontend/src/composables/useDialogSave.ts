import { ref, type Ref } from 'vue'
import { fieldErrors } from '@/api/errors'
import { notifyError, notifyOk } from './notify'

export interface DialogSaveOptions {
  /** The success message. */
  done: string
  /** The dialog's open flag: closed once the request succeeds. */
  open: Ref<boolean>
  /** Reloads the page's data after a success. */
  reload: () => Promise<unknown>
  /** Where the server's field errors go, for the form items to show beside each field. */
  errors?: Ref<Record<string, string>>
}

/**
 * A dialog's save, the same on every admin page: the button is busy while the request runs, the
 * server's field errors land beside their fields, and success or failure is said the same way.
 * One `saving` flag serves all dialogs of a page: only one can be open at a time.
 */
export function useDialogSave() {
  const saving = ref(false)
  /** Runs the request; answers its result, or undefined when it failed (already reported). */
  async function save<T>(request: () => Promise<T>, o: DialogSaveOptions): Promise<T | undefined> {
    saving.value = true
    if (o.errors) o.errors.value = {}
    try {
      const out = await request()
      notifyOk(o.done)
      o.open.value = false
      await o.reload()
      return out
    } catch (e) {
      if (o.errors) o.errors.value = fieldErrors(e)
      notifyError(e)
      return undefined
    } finally {
      saving.value = false
    }
  }
  return { saving, save }
}
