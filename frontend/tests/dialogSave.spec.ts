import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { ApiError } from '@/api/errors'

const messages: { type: string; message: string }[] = []
vi.mock('element-plus', () => ({ ElMessage: (m: { type: string; message: string }) => messages.push(m) }))

const { useDialogSave } = await import('@/composables/useDialogSave')

describe('useDialogSave', () => {
  it('says done, closes the dialog and reloads after a success', async () => {
    messages.length = 0
    const { saving, save } = useDialogSave()
    const open = ref(true)
    const errors = ref<Record<string, string>>({ name: 'old error' })
    let reloads = 0
    let busyDuring = false
    const out = await save(
      async () => {
        busyDuring = saving.value
        return { id: 7 }
      },
      { done: 'Saved', open, reload: async () => reloads++, errors },
    )
    expect(out).toEqual({ id: 7 })
    expect(busyDuring).toBe(true)
    expect(saving.value).toBe(false)
    expect(open.value).toBe(false)
    expect(reloads).toBe(1)
    expect(errors.value).toEqual({})
    expect(messages).toEqual([expect.objectContaining({ type: 'success', message: 'Saved' })])
  })

  it('keeps the dialog open with each field’s error beside it after a refusal', async () => {
    messages.length = 0
    const { saving, save } = useDialogSave()
    const open = ref(true)
    const errors = ref<Record<string, string>>({})
    let reloads = 0
    const refusal = new ApiError(422, { detail: 'validation failed', errors: [{ location: 'body.code', message: 'already used' }] })
    const out = await save(
      async () => {
        throw refusal
      },
      { done: 'Saved', open, reload: async () => reloads++, errors },
    )
    expect(out).toBeUndefined()
    expect(saving.value).toBe(false)
    expect(open.value).toBe(true)
    expect(reloads).toBe(0)
    expect(errors.value).toEqual({ code: 'already used' })
    expect(messages).toHaveLength(1)
    expect(messages[0].type).toBe('error')
    expect(messages[0].message).toContain('code: already used')
  })
})
