// Calls of the feedback area: settings, sources, business metrics, file imports, the
// employee's own records and appeals.
import { looseApi } from '@/api/loose'
import { ApiError, toProblem, unwrap } from '@/api/errors'
import { api } from '@/api/client'
import { fetchWithProgress } from '@/api/upload'
import type { components } from '@/api/schema'
import type { Appeal, AppealPage, BusinessMetric, Encoding, Import, ImportKind, ImportPage, ReasonKind, RecordPage, Source, SourceInput } from './types'

const list = <T>(v: T[] | null | undefined): T[] => v ?? []

export async function getSettings(): Promise<{ appeal_window_days: number }> {
  return unwrap(await looseApi.GET('/api/v1/feedback/settings')) as { appeal_window_days: number }
}
export async function putSettings(appeal_window_days: number): Promise<{ appeal_window_days: number }> {
  return unwrap(await looseApi.PUT('/api/v1/feedback/settings', { body: { appeal_window_days } })) as { appeal_window_days: number }
}

export async function listSources(): Promise<Source[]> {
  const r = unwrap(await looseApi.GET('/api/v1/feedback/sources')) as { items?: Source[] | null }
  return list(r.items)
}
export async function createSource(body: SourceInput): Promise<Source> {
  return unwrap(await looseApi.POST('/api/v1/feedback/sources', { body })) as Source
}
export async function updateSource(id: number, body: SourceInput): Promise<Source> {
  return unwrap(await looseApi.PUT('/api/v1/feedback/sources/{id}', { params: { path: { id } }, body })) as Source
}

export async function listMetrics(): Promise<BusinessMetric[]> {
  const r = unwrap(await looseApi.GET('/api/v1/feedback/metrics')) as { items?: BusinessMetric[] | null }
  return list(r.items)
}
export async function createMetric(body: BusinessMetric): Promise<BusinessMetric> {
  return unwrap(await looseApi.POST('/api/v1/feedback/metrics', { body })) as BusinessMetric
}

function normImport(i: Import): Import {
  return { ...i, errors: list(i.errors) }
}

export async function listImports(paging: { page: number; page_size: number }): Promise<ImportPage> {
  const r = unwrap(await looseApi.GET('/api/v1/feedback/imports', { params: { query: paging } })) as ImportPage
  return { items: list(r.items).map(normImport), total: r.total ?? 0 }
}
export async function getImport(id: number): Promise<Import> {
  return normImport(unwrap(await looseApi.GET('/api/v1/feedback/imports/{id}', { params: { path: { id } } })) as Import)
}

export type JobRun = components['schemas']['JobRun']
export async function getJob(id: number): Promise<JobRun> {
  return unwrap(await api.GET('/api/v1/jobs/{id}', { params: { path: { id } } }))
}

/**
 * Sends a file to be imported in the background (202 with the import and its job). Through
 * the shared client, so CSRF and language go with it; over XMLHttpRequest for the progress.
 */
export async function uploadFeedbackFile(
  file: File,
  q: { kind: ImportKind; source: string; encoding: Encoding },
  onProgress?: (percent: number) => void,
): Promise<{ import: Import; job_id: number }> {
  let r
  try {
    r = await looseApi.POST('/api/v1/feedback/imports', {
      params: { query: q },
      body: { file },
      bodySerializer(b: { file: Blob }) {
        const form = new FormData()
        form.append('file', b.file, file.name)
        return form
      },
      fetch: fetchWithProgress(onProgress),
    })
  } catch {
    throw new ApiError(0, { detail: 'network error' })
  }
  if (!r.response.ok) throw new ApiError(r.response.status, toProblem(r.error, r.response.status))
  const d = r.data as { import: Import; job_id: number }
  return { import: normImport(d.import), job_id: d.job_id }
}

export async function listMine(paging: { page: number; page_size: number }): Promise<RecordPage> {
  const r = unwrap(await looseApi.GET('/api/v1/feedback/mine', { params: { query: paging } })) as RecordPage
  return { items: list(r.items), total: r.total ?? 0 }
}

export async function fileAppeal(recordId: number, reason_kind: ReasonKind, reason: string): Promise<Appeal> {
  return unwrap(await looseApi.POST('/api/v1/feedback/records/{id}/appeals', { params: { path: { id: recordId } }, body: { reason_kind, reason } })) as Appeal
}

export async function listAppeals(state: string, paging: { page: number; page_size: number }): Promise<AppealPage> {
  const r = unwrap(await looseApi.GET('/api/v1/feedback/appeals', { params: { query: { state, ...paging } } })) as AppealPage
  return { items: list(r.items), total: r.total ?? list(r.items).length }
}

export async function decideAppeal(id: number, uphold: boolean, reason: string): Promise<Appeal> {
  return unwrap(await looseApi.POST('/api/v1/feedback/appeals/{id}/decision', { params: { path: { id } }, body: { uphold, reason } })) as Appeal
}
