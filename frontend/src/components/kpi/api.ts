// Calls of the KPI area (dashboards, schemes, periods). Answers are normalised here: lists the
// API may send as null become empty arrays.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import type { BranchDashboard, MetricKey, PeoplePage, Period, PeriodKind, PersonRow, Scheme, SchemeInput, SchemeMetric, Scorecard, TrendPoint } from './types'

type S = components['schemas']
const list = <T>(v: T[] | null | undefined): T[] => v ?? []

function normPerson(p: S['PersonRow']): PersonRow {
  return { ...p, metrics: list(p.metrics) }
}
function normScorecard(s: S['Scorecard']): Scorecard {
  return { ...s, scheme: s.scheme ?? null, metrics: list(s.metrics) }
}

export async function getMyScorecard(period: string): Promise<Scorecard> {
  return normScorecard(unwrap(await api.GET('/api/v1/kpi/me', { params: { query: { period } } })))
}

export async function getMyTrend(kind: PeriodKind): Promise<TrendPoint[]> {
  return list(unwrap(await api.GET('/api/v1/kpi/me/trend', { params: { query: { kind } } })).points)
}

export async function getPersonScorecard(id: number, period: string): Promise<Scorecard> {
  return normScorecard(unwrap(await api.GET('/api/v1/kpi/people/{id}', { params: { path: { id }, query: { period } } })))
}

export async function getPersonTrend(id: number, kind: PeriodKind): Promise<TrendPoint[]> {
  return list(unwrap(await api.GET('/api/v1/kpi/people/{id}/trend', { params: { path: { id }, query: { kind } } })).points)
}

export async function getBranchDashboard(id: number, period: string): Promise<BranchDashboard> {
  const d = unwrap(await api.GET('/api/v1/kpi/branches/{id}', { params: { path: { id }, query: { period } } }))
  return {
    ...d,
    metrics: list(d.metrics),
    children: list(d.children).map((c) => ({ ...c, metrics: list(c.metrics) })),
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

export async function getBranchPeople(id: number, query: PeopleQuery): Promise<PeoplePage> {
  const r = unwrap(await api.GET('/api/v1/kpi/branches/{id}/people', { params: { path: { id }, query } }))
  return { items: list(r.items).map(normPerson), total: r.total }
}

export async function getBranchTrend(id: number, kind: PeriodKind): Promise<TrendPoint[]> {
  return list(unwrap(await api.GET('/api/v1/kpi/branches/{id}/trend', { params: { path: { id }, query: { kind } } })).points)
}

/** Same-origin download link of a branch export (the session cookie goes with the GET). */
export function exportHref(branchId: number, period: string, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ period, format })
  return `/api/v1/kpi/branches/${branchId}/export?${q.toString()}`
}

export async function getMetricKeys(): Promise<MetricKey[]> {
  return list(unwrap(await api.GET('/api/v1/kpi/metrics')).items)
}

function normMetric(m: S['MetricSpec']): SchemeMetric {
  return {
    ...m,
    normalisation: m.normalisation === 'percentile' ? 'percentile' : 'linear',
    direction: m.direction === 'lower' ? 'lower' : 'higher',
  }
}
function normScheme(s: S['SchemeView']): Scheme {
  return { ...s, metrics: list(s.metrics).map(normMetric) }
}

export async function listSchemes(): Promise<Scheme[]> {
  return list(unwrap(await api.GET('/api/v1/kpi/schemes')).items).map(normScheme)
}

export async function createScheme(body: SchemeInput): Promise<Scheme> {
  return normScheme(unwrap(await api.POST('/api/v1/kpi/schemes', { body })))
}

export async function listPeriods(kind: PeriodKind): Promise<Period[]> {
  return list(unwrap(await api.GET('/api/v1/kpi/periods', { params: { query: { kind } } })).items)
}

export async function closePeriod(key: string): Promise<void> {
  unwrap(await api.POST('/api/v1/kpi/periods/{key}/close', { params: { path: { key } } }))
}

export async function reopenPeriod(key: string, reason: string): Promise<void> {
  unwrap(await api.POST('/api/v1/kpi/periods/{key}/reopen', { params: { path: { key } }, body: { reason } }))
}

export async function recompute(period: string): Promise<{ job_id: number }> {
  return unwrap(await api.POST('/api/v1/kpi/recompute', { body: { period } }))
}
