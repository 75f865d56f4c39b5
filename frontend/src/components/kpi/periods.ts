// Period keys of the KPI area: month "2026-11", quarter "2026-Q4", year "2026", in the
// tenant's time zone (unit-tested in tests/kpi.spec.ts).
import { zonedParts } from '@/utils/datetime'
import type { PeriodKind } from './types'

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const QUARTER = /^(\d{4})-Q([1-4])$/
const YEAR = /^(\d{4})$/

/** The kind of a period key, or null when it is not one. */
export function periodKind(key: string): PeriodKind | null {
  if (MONTH.test(key)) return 'month'
  if (QUARTER.test(key)) return 'quarter'
  if (YEAR.test(key)) return 'year'
  return null
}

/** Year and month (1–12) of an instant in `timeZone` (the browser's when unknown). */
export function yearMonthIn(d: Date, timeZone?: string): { year: number; month: number } {
  const { year, month } = zonedParts(d, timeZone)
  return { year: Number(year), month: Number(month) }
}

/** The key of the period of `kind` that holds the instant `d` in `timeZone`. */
export function periodKeyOf(d: Date, kind: PeriodKind, timeZone?: string): string {
  const { year, month } = yearMonthIn(d, timeZone)
  if (kind === 'year') return String(year)
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`
  return `${year}-${String(month).padStart(2, '0')}`
}

/** The period of the same kind `n` before `key` (n may be negative). */
export function shiftPeriod(key: string, n: number): string {
  let m = MONTH.exec(key)
  if (m) {
    const idx = Number(m[1]) * 12 + Number(m[2]) - 1 - n
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`
  }
  m = QUARTER.exec(key)
  if (m) {
    const idx = Number(m[1]) * 4 + Number(m[2]) - 1 - n
    return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`
  }
  m = YEAR.exec(key)
  if (m) return String(Number(m[1]) - n)
  return key
}

/** The last `count` periods of `kind` up to the one holding `d`, newest first. */
export function recentPeriods(d: Date, kind: PeriodKind, count: number, timeZone?: string): string[] {
  const now = periodKeyOf(d, kind, timeZone)
  return Array.from({ length: count }, (_, i) => shiftPeriod(now, i))
}

/** A period key from the URL, or `fallback` when it is missing or malformed. */
export function parsePeriodQuery(v: unknown, fallback: string): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && periodKind(s) ? s : fallback
}
