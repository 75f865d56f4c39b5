// Spreadsheet imports go through the shared client like every other call (so the CSRF,
// language and 401 middleware apply), over XMLHttpRequest: fetch cannot report how much of
// an upload has been sent.
import { api } from './client'
import { ApiError, unwrap } from './errors'
import type { ImportResult } from './types'

export type ImportKind = 'users' | 'branches'

function responseHeaders(xhr: XMLHttpRequest): Headers {
  const h = new Headers()
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':')
    if (colon > 0) h.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
  }
  return h
}

/** A fetch for the client that sends through XMLHttpRequest, reporting upload progress. */
export function fetchWithProgress(onProgress?: (percent: number) => void) {
  return async (request: Request): Promise<Response> => {
    const body = await request.blob()
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open(request.method, request.url)
      xhr.withCredentials = true
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value))
      xhr.upload.onprogress = (ev) => {
        if (ev.lengthComputable && onProgress) onProgress(Math.round((ev.loaded / ev.total) * 100))
      }
      xhr.onload = () => {
        const empty = xhr.status === 204 || xhr.status === 304
        resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr) }))
      }
      xhr.onerror = () => reject(new TypeError('network error'))
      xhr.send(body)
    })
  }
}

function isReport(v: unknown): v is ImportResult {
  return v !== null && typeof v === 'object' && 'rows' in v
}

/**
 * Uploads a spreadsheet. Resolves with the import report for 200 and 422 (a 422 carries the
 * same body with ok=false); rejects with an ApiError otherwise.
 */
export async function uploadImport(
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  onProgress?: (percent: number) => void,
): Promise<ImportResult> {
  const init = {
    params: { query: { dry_run: dryRun } },
    body: { file },
    bodySerializer(b?: { file: Blob }) {
      const form = new FormData()
      if (b) form.append('file', b.file)
      return form
    },
    fetch: fetchWithProgress(onProgress),
  }
  let r
  try {
    r = kind === 'users' ? await api.POST('/api/v1/users/import', init) : await api.POST('/api/v1/branches/import', init)
  } catch {
    throw new ApiError(0, { detail: 'network error' })
  }
  const report = r.response.status === 422 && isReport(r.error) ? r.error : unwrap(r)
  onProgress?.(100)
  return report
}
