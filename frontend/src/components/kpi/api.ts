// Calls of the KPI area (dashboards, schemes, periods). Answers are normalised here: lists the
// API may send as null become empty arrays.
import { looseApi } from '@/api/loose'
import { unwrap } from '@/api/errors'
import type {
  BranchDashboard,
  ChildBranch,
  MetricKey,
  PeoplePage,
  Period,
  PeriodKind,
  PersonRow,
  Scheme,
  SchemeInput,
  Scorecard,
  TrendPoint,
} from './types'

const list = <T>(v: T[] | null | undefined): T[] => v ?? []

function normPerson(p: PersonRow): PersonRow {
  return { ...p, metrics: list(p.metrics) }
}
function normScorecard(s: Scorecard): Scorecard {
  return { ...s, metrics: list(s.metrics) }
}
function normChild(c: ChildBranch): ChildBranch {
  return { ...c, metrics: list(c.metrics) }
}

export async function getMyScorecard(period: string): Promise<Scorecard> {
  return normScorecard(unwrap(await looseApi.GET('/api/v1/kpi/me', { params: { query: { period } } })) as Scorecard)
}

/** A trend answer's points. */
function points(v: unknown): TrendPoint[] {
  return list((v as { points?: TrendPoint[] | null } | null)?.points)
}

export async function getMyTrend(kind: PeriodKind): Promise<TrendPoint[]> {
  return points(unwrap(await looseApi.GET('/api/v1/kpi/me/trend', { params: { query: { kind } } })))
}

export async function getPersonScorecard(id: number, period: string): Promise<Scorecard> {
  return normScorecard(unwrap(await looseApi.GET('/api/v1/kpi/people/{id}', { params: { path: { id }, query: { period } } })) as Scorecard)
}

export async function getPersonTrend(id: number, kind: PeriodKind): Promise<TrendPoint[]> {
  return points(unwrap(await looseApi.GET('/api/v1/kpi/people/{id}/trend', { params: { path: { id }, query: { kind } } })))
}

export async function getBranchDashboard(id: number, period: string): Promise<BranchDashboard> {
  const d = unwrap(await looseApi.GET('/api/v1/kpi/branches/{id}', { params: { path: { id }, query: { period } } })) as BranchDashboard
  return {
    ...d,
    metrics: list(d.metrics),
    children: list(d.children).map(normChild),
    distribution: list(d.distribution),
    top: list(d.top).map(normPerson),
    bottom: list(d.bottom).map(normPerson),
  }
}

export interface PeopleQuery {
  period: string
  sort: string
  order: 'asc' | 'desc'
  page: number
  page_size: number
}

export async function getBranchPeople(id: number, q: PeopleQuery): Promise<PeoplePage> {
  const r = unwrap(await looseApi.GET('/api/v1/kpi/branches/{id}/people', { params: { path: { id }, query: { ...q } } })) as PeoplePage
  return { items: list(r.items).map(normPerson), total: r.total ?? 0 }
}

export async function getBranchTrend(id: number, kind: PeriodKind): Promise<TrendPoint[]> {
  return points(unwrap(await looseApi.GET('/api/v1/kpi/branches/{id}/trend', { params: { path: { id }, query: { kind } } })))
}

/** Same-origin download link of a branch export (the session cookie goes with the GET). */
export function exportHref(branchId: number, period: string, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ period, format })
  return `/api/v1/kpi/branches/${branchId}/export?${q.toString()}`
}

export async function getMetricKeys(): Promise<MetricKey[]> {
  const r = unwrap(await looseApi.GET('/api/v1/kpi/metrics')) as { items?: MetricKey[] | null }
  return list(r.items)
}

export async function listSchemes(): Promise<Scheme[]> {
  const r = unwrap(await looseApi.GET('/api/v1/kpi/schemes')) as { items?: Scheme[] | null }
  return list(r.items).map((s) => ({ ...s, metrics: list(s.metrics) }))
}

export async function createScheme(body: SchemeInput): Promise<Scheme> {
  return unwrap(await looseApi.POST('/api/v1/kpi/schemes', { body })) as Scheme
}

export async function listPeriods(kind: PeriodKind): Promise<Period[]> {
  const r = unwrap(await looseApi.GET('/api/v1/kpi/periods', { params: { query: { kind } } })) as { items?: Period[] | null }
  return list(r.items)
}

export async function closePeriod(key: string): Promise<void> {
  unwrap(await looseApi.POST('/api/v1/kpi/periods/{key}/close', { params: { path: { key } } }))
}

export async function reopenPeriod(key: string, reason: string): Promise<void> {
  unwrap(await looseApi.POST('/api/v1/kpi/periods/{key}/reopen', { params: { path: { key } }, body: { reason } }))
}

export async function recompute(period: string): Promise<{ job_id: number }> {
  return unwrap(await looseApi.POST('/api/v1/kpi/recompute', { body: { period } })) as { job_id: number }
}
