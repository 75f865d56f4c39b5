import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { CaseQuery, CaseSort } from './types'

/** The library's search and filters, as the URL carries them (shared links open the same list). */
export interface LibraryFilters {
  q: string
  tag: string
  business_line: string
  customer_type: string
  branch_id: number | null
  featured: boolean
  from: string
  to: string
  sort: CaseSort
}

export const SORTS: readonly CaseSort[] = ['relevance', 'newest', 'useful']

export function blankFilters(): LibraryFilters {
  return { q: '', tag: '', business_line: '', customer_type: '', branch_id: null, featured: false, from: '', to: '', sort: 'relevance' }
}

const one = (v: LocationQuery[string]): string => {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

export function parseFilters(query: LocationQuery): LibraryFilters {
  const f = blankFilters()
  f.q = one(query.q)
  f.tag = one(query.tag)
  f.business_line = one(query.business_line)
  f.customer_type = one(query.customer_type)
  const b = Number(one(query.branch_id))
  f.branch_id = Number.isInteger(b) && b > 0 ? b : null
  f.featured = one(query.featured) === '1'
  f.from = isDate(one(query.from)) ? one(query.from) : ''
  f.to = isDate(one(query.to)) ? one(query.to) : ''
  const s = one(query.sort) as CaseSort
  // Relevance means nothing without words to match: the newest first then.
  f.sort = SORTS.includes(s) ? s : f.q ? 'relevance' : 'newest'
  return f
}

export function formatFilters(f: LibraryFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  if (f.q.trim()) out.q = f.q.trim()
  if (f.tag) out.tag = f.tag
  if (f.business_line) out.business_line = f.business_line
  if (f.customer_type) out.customer_type = f.customer_type
  if (f.branch_id) out.branch_id = String(f.branch_id)
  if (f.featured) out.featured = '1'
  if (f.from) out.from = f.from
  if (f.to) out.to = f.to
  out.sort = f.sort
  return out
}

/** How many filters (beyond the words and the sort) are set: shown on the phone's filter button. */
export function activeFilterCount(f: LibraryFilters): number {
  return [f.tag, f.business_line, f.customer_type, f.branch_id, f.featured, f.from || f.to].filter(Boolean).length
}

/** The calendar day after "YYYY-MM-DD". */
export function dayAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/**
 * The API's query for the filters: the end day of the date range is included (the API's `to`
 * is exclusive, so it is the next day).
 */
export function apiQuery(f: LibraryFilters, page: number, page_size: number): CaseQuery {
  const q: CaseQuery = { sort: f.sort, page, page_size }
  if (f.q.trim()) q.q = f.q.trim()
  if (f.tag) q.tag = f.tag
  if (f.business_line) q.business_line = f.business_line
  if (f.customer_type) q.customer_type = f.customer_type
  if (f.branch_id) q.branch_id = f.branch_id
  if (f.featured) q.featured = 'true'
  if (f.from) q.from = f.from
  if (f.to) q.to = dayAfter(f.to)
  return q
}
