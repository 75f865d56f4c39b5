// Calls of the feedback area: settings, sources, business metrics, file imports, the
// employee's own records and appeals. Null lists become empty ones here.
import { api } from '@/api/client'
import { ApiError, toProblem, unwrap } from '@/api/errors'
import { fetchWithProgress } from '@/api/upload'
import type { components } from '@/api/schema'
import type { Appeal, AppealView, BusinessMetric, Encoding, FeedbackRecord, Import, ImportKind, Page, ReasonKind, RowError, Source, SourceInput } from './types'

type S = components['schemas']
type Paging = { page: number; page_size: number }
const list = <T>(v: T[] | null | undefined): T[] => v ?? []

export async function getSettings(): Promise<number> {
  return unwrap(await api.GET('/api/v1/feedback/settings')).appeal_window_days
}
export async function putSettings(appeal_window_days: number): Promise<number> {
  return unwrap(await api.PUT('/api/v1/feedback/settings', { body: { appeal_window_days } })).appeal_window_days
}

function normSource(s: S['Source']): Source {
  const m = s.mapping
  return { ...s, mapping: m && typeof m === 'object' ? (m as Record<string, string>) : null }
}
export async function listSources(): Promise<Source[]> {
  return list(unwrap(await api.GET('/api/v1/feedback/sources')).items).map(normSource)
}
export async function createSource(body: SourceInput): Promise<Source> {
  return normSource(unwrap(await api.POST('/api/v1/feedback/sources', { body })))
}
export async function updateSource(id: number, body: SourceInput): Promise<Source> {
  return normSource(unwrap(await api.PUT('/api/v1/feedback/sources/{id}', { params: { path: { id } }, body })))
}

export async function listMetrics(): Promise<BusinessMetric[]> {
  return list(unwrap(await api.GET('/api/v1/feedback/metrics')).items)
}
export async function createMetric(body: { code: string; name: string; unit: string }): Promise<BusinessMetric> {
  return unwrap(await api.POST('/api/v1/feedback/metrics', { body }))
}

function normImport(i: S['Import']): Import {
  return { ...i, errors: Array.isArray(i.errors) ? (i.errors as RowError[]) : [] }
}
export async function listImports(paging: Paging): Promise<Page<Import>> {
  const r = unwrap(await api.GET('/api/v1/feedback/imports', { params: { query: paging } }))
  return { items: list(r.items).map(normImport), total: r.total }
}
export async function getImport(id: number): Promise<Import> {
  return normImport(unwrap(await api.GET('/api/v1/feedback/imports/{id}', { params: { path: { id } } })))
}

export type JobRun = S['JobRun']
export async function getJob(id: number): Promise<JobRun> {
  return unwrap(await api.GET('/api/v1/jobs/{id}', { params: { path: { id } } }))
}

/**
 * Sends a file to be imported in the background (202 with the import and its job). Through
 * the shared client, so CSRF and language go with it; over XMLHttpRequest for the progress.
 */
export async function uploadFeedbackFile(
  file: File,
  query: { kind: ImportKind; source: string; encoding: Encoding },
  onProgress?: (percent: number) => void,
): Promise<{ import: Import; job_id: number }> {
  let r
  try {
    r = await api.POST('/api/v1/feedback/imports', {
      params: { query },
      body: { file },
      bodySerializer(b?: { file: Blob }) {
        const form = new FormData()
        if (b) form.append('file', b.file, file.name)
        return form
      },
      fetch: fetchWithProgress(onProgress),
    })
  } catch {
    throw new ApiError(0, { detail: 'network error' })
  }
  if (!r.response.ok || !r.data) throw new ApiError(r.response.status, toProblem(r.error, r.response.status))
  return { import: normImport(r.data.import), job_id: r.data.job_id }
}

export async function listMine(paging: Paging): Promise<Page<FeedbackRecord>> {
  const r = unwrap(await api.GET('/api/v1/feedback/mine', { params: { query: paging } }))
  return { items: list(r.items), total: r.total }
}

export async function fileAppeal(recordId: number, reason_kind: ReasonKind, reason: string): Promise<Appeal> {
  return unwrap(await api.POST('/api/v1/feedback/records/{id}/appeals', { params: { path: { id: recordId } }, body: { reason_kind, reason } }))
}

export async function listAppeals(state: '' | 'pending' | 'upheld' | 'rejected', paging: Paging): Promise<Page<AppealView>> {
  const r = unwrap(await api.GET('/api/v1/feedback/appeals', { params: { query: { state, ...paging } } }))
  return { items: list(r.items), total: r.total }
}

export async function decideAppeal(id: number, uphold: boolean, reason: string): Promise<Appeal> {
  return unwrap(await api.POST('/api/v1/feedback/appeals/{id}/decision', { params: { path: { id } }, body: { uphold, reason } }))
}
