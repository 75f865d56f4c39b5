// Calls of the suggestions area. Lists the API may send as null become empty arrays.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import type { Payout, Suggestion, SuggestionInput, SuggestionItem, SuggestionState } from './types'

type S = components['schemas']
const list = <T>(v: T[] | null | undefined): T[] => v ?? []

function norm(s: S['SuggestionDetail']): Suggestion {
  // The project exists once the suggestion is adopted; before that the API sends null.
  const project = s.project ? { ...s.project, contributors: list(s.project.contributors) } : null
  return { ...s, events: list(s.events), project }
}
function normPayout(p: S['SuggestionPayout']): Payout {
  return { ...p, items: list(p.items) }
}

export interface SuggestionQuery {
  state?: SuggestionState | ''
  mine?: boolean
  page: number
  page_size: number
}
export async function listSuggestions(q: SuggestionQuery): Promise<{ items: SuggestionItem[]; total: number }> {
  const r = unwrap(await api.GET('/api/v1/suggestions', { params: { query: { ...q, state: q.state || undefined } } }))
  return { items: list(r.items), total: r.total }
}
export const submit = async (body: SuggestionInput) => norm(unwrap(await api.POST('/api/v1/suggestions', { body })))
export const getSuggestion = async (id: number) => norm(unwrap(await api.GET('/api/v1/suggestions/{id}', { params: { path: { id } } })))
export const updateSuggestion = async (id: number, body: SuggestionInput) => norm(unwrap(await api.PUT('/api/v1/suggestions/{id}', { params: { path: { id } }, body })))
export const decide = async (id: number, decision: 'return' | 'reject' | 'adopt', comment: string) =>
  norm(unwrap(await api.POST('/api/v1/suggestions/{id}/decision', { params: { path: { id } }, body: { decision, comment } })))
export const saveProject = async (id: number, body: S['SuggestionProjectIn']) => norm(unwrap(await api.PUT('/api/v1/suggestions/{id}/project', { params: { path: { id } }, body })))
export const payoutPreview = async (id: number) => normPayout(unwrap(await api.GET('/api/v1/suggestions/{id}/payout', { params: { path: { id } } })))
export const approvePayout = async (id: number) => normPayout(unwrap(await api.POST('/api/v1/suggestions/{id}/payout/approve', { params: { path: { id } } })))
export async function myBonuses() {
  const r = unwrap(await api.GET('/api/v1/me/bonuses'))
  return { items: list(r.items), total_cents: r.total_cents }
}
