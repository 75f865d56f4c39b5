import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '@/i18n'
import { LANGUAGE_HEADER } from '@/api/language'

/** The app's own client, over a fetch that records every request. */
async function recordingApi() {
  const seen: Request[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      seen.push(input)
      return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  vi.resetModules() // the client takes fetch when it is created
  const { api } = await import('@/api/client')
  const i18n = await import('@/i18n')
  return { api, setLocale: i18n.setLocale, seen }
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLocale('zh-CN')
})

describe('Accept-Language', () => {
  it('follows the UI language on every request', async () => {
    const { api, setLocale, seen } = await recordingApi()
    setLocale('zh-CN')
    await api.GET('/api/v1/branches')
    setLocale('en')
    await api.POST('/api/v1/branches', { body: { parent_id: 1, name: 'n', code: 'c' } })
    setLocale('zh-CN')
    await api.GET('/api/v1/branches')
    expect(seen.map((r) => r.headers.get(LANGUAGE_HEADER))).toEqual(['zh-CN', 'en', 'zh-CN'])
  })
})

describe('uploads', () => {
  it('send the UI language too', async () => {
    const sent: Record<string, string> = {}
    class RecordingXHR {
      upload = {}
      status = 200
      responseText = '{"rows": []}'
      onload?: () => void
      getAllResponseHeaders() {
        return 'content-type: application/json\r\n'
      }
      open() {}
      setRequestHeader(k: string, v: string) {
        sent[k] = v
      }
      send() {
        this.onload?.()
      }
    }
    vi.stubGlobal('XMLHttpRequest', RecordingXHR)
    vi.resetModules()
    const { uploadImport } = await import('@/api/upload')
    const i18n = await import('@/i18n')
    i18n.setLocale('en')
    await uploadImport('users', new File(['x'], 'users.csv'), true)
    expect(sent[LANGUAGE_HEADER]).toBe('en')
  })
})
