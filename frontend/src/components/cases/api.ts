// Calls of the case library. Answers are normalised here: lists the API may send as null
// become empty arrays.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type {
  CaseDetail,
  CaseInput,
  CaseOptions,
  CaseQuery,
  CaseSession,
  CaseSummary,
  FieldDiff,
  Masked,
  Page,
  PiiFinding,
  Rating,
  Revision,
  SessionInput,
  Visibility,
} from './types'

// The cases routes are not yet in the generated schema on this branch, so the typed client is
// reached through this loose view of it (same middleware: CSRF, language, 401 handling).
type Result = { data?: unknown; error?: unknown; response: Response }
type Init = { params?: { path?: Record<string, unknown>; query?: Record<string, unknown> }; body?: unknown }
interface LooseClient {
  GET(path: string, init?: Init): Promise<Result>
  POST(path: string, init?: Init): Promise<Result>
  PUT(path: string, init?: Init): Promise<Result>
}
const http = api as unknown as LooseClient

const list = <T>(v: T[] | null | undefined): T[] => v ?? []
const data = <T>(r: Result) => unwrap(r) as T

function normSummary(c: CaseSummary): CaseSummary {
  return { ...c, tags: list(c.tags) }
}
function normDetail(c: CaseDetail): CaseDetail {
  return { ...c, tags: list(c.tags), scenario_keys: list(c.scenario_keys), comments: list(c.comments) }
}
function normPage(p: Page<CaseSummary> | { items: CaseSummary[] | null; total?: number }): Page<CaseSummary> {
  const items = list(p.items).map(normSummary)
  return { items, total: p.total ?? items.length }
}
/** Drops empty filters, so the URL carries only what was picked. */
function compact(q: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null))
}

export async function searchCases(q: CaseQuery): Promise<Page<CaseSummary>> {
  return normPage(data(await http.GET('/api/v1/cases', { params: { query: compact(q) } })))
}
export async function myCases(status: string, page: number, page_size: number): Promise<Page<CaseSummary>> {
  return normPage(data(await http.GET('/api/v1/cases/mine', { params: { query: compact({ status, page, page_size }) } })))
}
export async function reviewQueue(page: number, page_size: number): Promise<Page<CaseSummary>> {
  return normPage(data(await http.GET('/api/v1/cases/review-queue', { params: { query: { page, page_size } } })))
}
export async function dueForReview(page: number, page_size: number): Promise<Page<CaseSummary>> {
  return normPage(data(await http.GET('/api/v1/cases/due-review', { params: { query: { page, page_size } } })))
}
export async function featuredCases(): Promise<CaseSummary[]> {
  return normPage(data(await http.GET('/api/v1/cases/featured'))).items
}
/** This month's most useful cases, best first (at most 10). */
export async function usefulCases(month: string): Promise<CaseSummary[]> {
  return normPage(data(await http.GET('/api/v1/cases/useful', { params: { query: { month } } }))).items
}
export async function caseOptions(): Promise<CaseOptions> {
  const o = data<CaseOptions>(await http.GET('/api/v1/cases/options'))
  return { business_lines: list(o.business_lines), customer_types: list(o.customer_types), tags: list(o.tags) }
}

export async function getCase(id: number): Promise<CaseDetail> {
  return normDetail(data(await http.GET('/api/v1/cases/{id}', { params: { path: { id } } })))
}
export async function countView(id: number): Promise<void> {
  unwrap(await http.POST('/api/v1/cases/{id}/views', { params: { path: { id } } }))
}

export type Saved = CaseDetail & { masked: Masked[] }
function normSaved(c: Saved): Saved {
  return { ...normDetail(c), masked: list(c.masked) }
}
export async function createCase(body: CaseInput): Promise<Saved> {
  return normSaved(data(await http.POST('/api/v1/cases', { body })))
}
export async function updateCase(id: number, revision: number, body: CaseInput): Promise<Saved> {
  return normSaved(data(await http.PUT('/api/v1/cases/{id}', { params: { path: { id } }, body: { ...body, revision } })))
}
export async function piiCheck(text: string): Promise<PiiFinding[]> {
  return list(data<{ findings: PiiFinding[] | null }>(await http.POST('/api/v1/cases/pii-check', { body: { text } })).findings)
}

const act = async (path: string, id: number, body?: unknown) => {
  unwrap(await http.POST(path, { params: { path: { id } }, body }))
}
export const submitCase = (id: number) => act('/api/v1/cases/{id}/submit', id)
export const approveCase = (id: number, comment: string) => act('/api/v1/cases/{id}/approve', id, compact({ comment }))
export const returnCase = (id: number, comment: string) => act('/api/v1/cases/{id}/return', id, { comment })
export const featureCase = (id: number, featured: boolean) => act('/api/v1/cases/{id}/feature', id, { featured })
export const archiveCase = (id: number) => act('/api/v1/cases/{id}/archive', id)
export const reverifyCase = (id: number, review_by: string) => act('/api/v1/cases/{id}/reverify', id, { review_by })
export async function setVisibility(id: number, v: Visibility): Promise<void> {
  unwrap(await http.PUT('/api/v1/cases/{id}/visibility', { params: { path: { id } }, body: compact(v) }))
}
export async function toScenario(id: number): Promise<string> {
  return data<{ scenario_key: string }>(await http.POST('/api/v1/cases/{id}/to-scenario', { params: { path: { id } } })).scenario_key
}

export async function rateCase(id: number, stars: number): Promise<Rating> {
  return data(await http.PUT('/api/v1/cases/{id}/rating', { params: { path: { id } }, body: { stars } }))
}

export async function revisions(id: number): Promise<Revision[]> {
  return list(data<{ items: Revision[] | null }>(await http.GET('/api/v1/cases/{id}/revisions', { params: { path: { id } } })).items)
}
export async function diff(id: number, from: number, to: number): Promise<FieldDiff[]> {
  const r = data<{ fields: FieldDiff[] | null }>(await http.GET('/api/v1/cases/{id}/diff', { params: { path: { id }, query: { from, to } } }))
  return list(r.fields).map((f) => ({ ...f, ops: list(f.ops) }))
}

function normSession(s: CaseSession): CaseSession {
  return { ...s, cases: list(s.cases), attendees: list(s.attendees), notes: s.notes ?? '' }
}
export async function listSessions(page: number, page_size: number): Promise<Page<CaseSession>> {
  const r = data<{ items: CaseSession[] | null; total: number }>(await http.GET('/api/v1/case-sessions', { params: { query: { page, page_size } } }))
  return { items: list(r.items).map(normSession), total: r.total }
}
export async function getSession(id: number): Promise<CaseSession> {
  return normSession(data(await http.GET('/api/v1/case-sessions/{id}', { params: { path: { id } } })))
}
export async function createSession(body: SessionInput): Promise<CaseSession> {
  return normSession(data(await http.POST('/api/v1/case-sessions', { body })))
}
export async function recordSession(id: number, attended_ids: number[], notes: string): Promise<CaseSession> {
  return normSession(data(await http.PUT('/api/v1/case-sessions/{id}/record', { params: { path: { id } }, body: { attended_ids, notes } })))
}

/** People of a branch subtree, for a session's attendees (GET /users, managers and HR may). */
export async function branchPeople(branch_id: number): Promise<{ id: number; name: string }[]> {
  const r = unwrap(await api.GET('/api/v1/users', { params: { query: { branch_id, status: 'active', page_size: 200 } } }))
  return list(r.items).map((u) => ({ id: u.id, name: u.display_name || u.username }))
}
