// Calls of the case library. Answers are normalised here: lists the API may send as null
// become empty arrays.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import type { CaseDetail, CaseInput, CaseOptions, CaseQuery, CaseSession, CaseSummary, FieldDiff, Page, PiiFinding, Rating, Revision, Saved, SessionInput, Visibility } from './types'

type S = components['schemas']
const list = <T>(v: T[] | null | undefined): T[] => v ?? []

function normItem(c: S['Item']): CaseSummary {
  return { ...c, tags: list(c.tags) }
}
function normDetail(c: S['Detail']): CaseDetail {
  return { ...c, tags: list(c.tags), scenario_keys: list(c.scenario_keys), comments: list(c.comments) }
}
function normPage(p: { items: S['Item'][] | null; total: number }): Page<CaseSummary> {
  return { items: list(p.items).map(normItem), total: p.total }
}
const path = (id: number) => ({ params: { path: { id } } })

export async function searchCases(query: CaseQuery): Promise<Page<CaseSummary>> {
  return normPage(unwrap(await api.GET('/api/v1/cases', { params: { query } })))
}
export async function myCases(status: string, page: number, page_size: number): Promise<Page<CaseSummary>> {
  const query = { page, page_size, ...(status ? { status: status as CaseSummary['status'] } : {}) }
  return normPage(unwrap(await api.GET('/api/v1/cases/mine', { params: { query } })))
}
export async function reviewQueue(page: number, page_size: number): Promise<Page<CaseSummary>> {
  return normPage(unwrap(await api.GET('/api/v1/cases/review-queue', { params: { query: { page, page_size } } })))
}
export async function dueForReview(page: number, page_size: number): Promise<Page<CaseSummary>> {
  return normPage(unwrap(await api.GET('/api/v1/cases/due-review', { params: { query: { page, page_size } } })))
}
export async function featuredCases(): Promise<CaseSummary[]> {
  return normPage(unwrap(await api.GET('/api/v1/cases/featured', { params: { query: { page: 1, page_size: 50 } } }))).items
}
/** This month's most useful cases, best first (at most 10). */
export async function usefulCases(month: string): Promise<CaseSummary[]> {
  return list(unwrap(await api.GET('/api/v1/cases/useful', { params: { query: { month } } })).items).map(normItem)
}
export async function caseOptions(): Promise<CaseOptions> {
  const o = unwrap(await api.GET('/api/v1/cases/options'))
  return { business_lines: list(o.business_lines), customer_types: list(o.customer_types), tags: list(o.tags) }
}

export async function getCase(id: number): Promise<CaseDetail> {
  return normDetail(unwrap(await api.GET('/api/v1/cases/{id}', path(id))))
}
export async function countView(id: number): Promise<void> {
  unwrap(await api.POST('/api/v1/cases/{id}/views', path(id)))
}

function normSaved(c: S['Saved']): Saved {
  return { ...normDetail(c), masked: list(c.masked) }
}
export async function createCase(body: CaseInput): Promise<Saved> {
  return normSaved(unwrap(await api.POST('/api/v1/cases', { body })))
}
export async function updateCase(id: number, revision: number, body: CaseInput): Promise<Saved> {
  return normSaved(unwrap(await api.PUT('/api/v1/cases/{id}', { ...path(id), body: { ...body, revision } })))
}
/** The sections rendered as the case page will show them (masked, sanitized by the server). */
export async function previewSections(body: { situation: string; actions: string; outcome: string; lesson: string }): Promise<Record<string, string>> {
  return unwrap(await api.POST('/api/v1/cases/preview', { body })).html ?? {}
}
export async function piiCheck(text: string): Promise<PiiFinding[]> {
  return list(unwrap(await api.POST('/api/v1/cases/pii-check', { body: { text } })).findings)
}

export async function submitCase(id: number): Promise<void> {
  unwrap(await api.POST('/api/v1/cases/{id}/submit', path(id)))
}
export async function approveCase(id: number, comment: string): Promise<void> {
  unwrap(await api.POST('/api/v1/cases/{id}/approve', { ...path(id), body: comment ? { comment } : {} }))
}
export async function returnCase(id: number, comment: string): Promise<void> {
  unwrap(await api.POST('/api/v1/cases/{id}/return', { ...path(id), body: { comment } }))
}
export async function featureCase(id: number, featured: boolean): Promise<void> {
  unwrap(await api.POST('/api/v1/cases/{id}/feature', { ...path(id), body: { featured } }))
}
export async function archiveCase(id: number): Promise<void> {
  unwrap(await api.POST('/api/v1/cases/{id}/archive', path(id)))
}
export async function reverifyCase(id: number, review_by: string): Promise<void> {
  unwrap(await api.POST('/api/v1/cases/{id}/reverify', { ...path(id), body: { review_by } }))
}
export async function setVisibility(id: number, body: Visibility): Promise<void> {
  unwrap(await api.PUT('/api/v1/cases/{id}/visibility', { ...path(id), body }))
}
/** Makes a draft scenario of the case; its validator speaks the UI language. */
export async function toScenario(id: number, locale: string): Promise<string> {
  const query = { locale: locale.startsWith('en') ? ('en' as const) : ('zh-CN' as const) }
  return unwrap(await api.POST('/api/v1/cases/{id}/to-scenario', { params: { path: { id }, query } })).scenario_key
}

export async function rateCase(id: number, stars: number): Promise<Rating> {
  return unwrap(await api.PUT('/api/v1/cases/{id}/rating', { ...path(id), body: { stars } }))
}

export async function revisions(id: number): Promise<Revision[]> {
  return list(unwrap(await api.GET('/api/v1/cases/{id}/revisions', path(id))).items)
}
export async function diff(id: number, from: number, to: number): Promise<FieldDiff[]> {
  const r = unwrap(await api.GET('/api/v1/cases/{id}/diff', { params: { path: { id }, query: { from, to } } }))
  return list(r.fields).map((f) => ({ field: f.field, ops: list(f.ops) }))
}

function normSession(s: S['SessionView']): CaseSession {
  return { ...s, cases: list(s.cases), attendees: list(s.attendees), notes: s.notes ?? '' }
}
export async function listSessions(page: number, page_size: number): Promise<Page<CaseSession>> {
  const r = unwrap(await api.GET('/api/v1/case-sessions', { params: { query: { page, page_size } } }))
  return { items: list(r.items).map(normSession), total: r.total }
}
export async function getSession(id: number): Promise<CaseSession> {
  return normSession(unwrap(await api.GET('/api/v1/case-sessions/{id}', path(id))))
}
export async function createSession(body: SessionInput): Promise<CaseSession> {
  return normSession(unwrap(await api.POST('/api/v1/case-sessions', { body })))
}
export async function recordSession(id: number, attended_ids: number[], notes: string): Promise<CaseSession> {
  return normSession(unwrap(await api.PUT('/api/v1/case-sessions/{id}/record', { ...path(id), body: { attended_ids, notes } })))
}

/** People of a branch subtree, for a session's attendees (GET /users, managers and HR may). */
export async function branchPeople(branch_id: number): Promise<{ id: number; name: string }[]> {
  const r = unwrap(await api.GET('/api/v1/users', { params: { query: { branch_id, status: 'active', page_size: 200 } } }))
  return list(r.items).map((u) => ({ id: u.id, name: u.display_name || u.username }))
}
