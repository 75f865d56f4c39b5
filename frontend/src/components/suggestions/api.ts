// Calls of the suggestions area. Lists the API may send as null become empty arrays.
import { call, list, page, type Page } from '@/components/awards/http'
import type { Bonus, Contributor, Payout, Project, Suggestion, SuggestionInput } from './types'

type Items<T> = { items?: T[] | null; total?: number }

function norm(s: Suggestion): Suggestion {
  return { ...s, decisions: list(s.decisions), project: s.project ? { ...s.project, contributors: list(s.project.contributors) } : null }
}

export const submit = async (body: SuggestionInput) => norm(await call<Suggestion>('POST', '/suggestions', { body }))
export const listSuggestions = async (q: { state?: string; mine?: boolean; page?: number; page_size?: number }): Promise<Page<Suggestion>> => {
  const p = page(await call<Items<Suggestion>>('GET', '/suggestions', { query: q }))
  return { ...p, items: p.items.map(norm) }
}
export const getSuggestion = async (id: number) => norm(await call<Suggestion>('GET', '/suggestions/{id}', { path: { id } }))
export const updateSuggestion = async (id: number, body: SuggestionInput) => norm(await call<Suggestion>('PUT', '/suggestions/{id}', { path: { id }, body }))
export const decide = async (id: number, decision: 'return' | 'reject' | 'adopt', comment: string) =>
  norm(await call<Suggestion>('POST', '/suggestions/{id}/decision', { path: { id }, body: { decision, comment } }))
export const saveProject = (id: number, body: { pool_cents: number; contributors: Pick<Contributor, 'user_id' | 'share_bp'>[] }) =>
  call<Project>('PUT', '/suggestions/{id}/project', { path: { id }, body })
export const payoutPreview = async (id: number) => {
  const p = await call<Payout>('GET', '/suggestions/{id}/payout', { path: { id } })
  return { ...p, items: list(p.items) }
}
export const approvePayout = (id: number) => call<unknown>('POST', '/suggestions/{id}/payout/approve', { path: { id } })
export const myBonuses = async () => list((await call<Items<Bonus>>('GET', '/me/bonuses')).items)
