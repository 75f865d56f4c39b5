// Calls of the personal-data read log: the auditor's whole-bank list and a person's own.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'

export type ReadView = components['schemas']['ReadView']
export type ReadKind = ReadView['kind']
export const READ_KINDS: readonly ReadKind[] = ['attempt', 'transcript', 'feedback', 'kpi', 'profile']

export interface ReadFilters {
  viewer_id?: number
  subject_id?: number
  kind?: ReadKind | ''
  from?: string
  to?: string
}

export async function listReads(f: ReadFilters, page: number, page_size: number) {
  const query = { ...f, kind: f.kind || undefined, page, page_size }
  return unwrap(await api.GET('/api/v1/readlog', { params: { query } }))
}

export async function listMyReads(page: number, page_size: number) {
  return unwrap(await api.GET('/api/v1/readlog/mine', { params: { query: { page, page_size } } }))
}
