import { csrfHeaders } from './csrf'
import { ApiError, toProblem } from './errors'
import { languageHeaders } from './language'
import type { ImportResult } from './types'

export type ImportKind = 'users' | 'branches'

/**
 * Uploads a spreadsheet with XMLHttpRequest (fetch cannot report upload progress).
 * Resolves with the import report for 200 and 422 (a 422 carries the same body with
 * ok=false); rejects with an ApiError otherwise.
 */
export function uploadImport(
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  onProgress?: (percent: number) => void,
): Promise<ImportResult> {
  const path = `/api/v1/${kind}/import`
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${path}?dry_run=${dryRun ? 'true' : 'false'}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    for (const [k, v] of Object.entries(csrfHeaders('POST', path))) xhr.setRequestHeader(k, v)
    for (const [k, v] of Object.entries(languageHeaders())) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable && onProgress) onProgress(Math.round((ev.loaded / ev.total) * 100))
    }
    xhr.onload = () => {
      let body: unknown = xhr.responseText
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        /* not JSON: keep the text */
      }
      const isReport = body !== null && typeof body === 'object' && 'rows' in (body as object)
      if ((xhr.status === 200 || xhr.status === 422) && isReport) {
        onProgress?.(100)
        resolve(body as ImportResult)
      } else {
        if (xhr.status === 401) window.dispatchEvent(new CustomEvent('ss:unauthorized'))
        reject(new ApiError(xhr.status, toProblem(body, xhr.status)))
      }
    }
    xhr.onerror = () => reject(new ApiError(0, { detail: 'network error' }))
    const form = new FormData()
    form.append('file', file)
    xhr.send(form)
  })
}
