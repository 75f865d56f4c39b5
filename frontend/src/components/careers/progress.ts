// How a requirement's progress reads (unit-tested in progress.spec.ts). A KPI composite
// requirement counts in thousandths of a point; every other kind counts whole things.
import type { Progress } from './types'

/** A value of a requirement as shown: composites as points with one decimal, counts as they are. */
export function requirementValue(kind: string, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  return kind === 'kpi_composite' ? (v / 1000).toFixed(1) : String(v)
}

/** How far along a requirement is, 0–100 (100 once met; 0 when it cannot be told). */
export function progressPercent(p: Pick<Progress, 'current' | 'target' | 'met'>): number {
  if (p.met) return 100
  if (p.current === null || p.current === undefined || !(p.target > 0)) return 0
  return Math.max(0, Math.min(99, Math.floor((p.current / p.target) * 100)))
}

/** Met of all, for "3 / 5 requirements met". */
export function metCount(ps: readonly Pick<Progress, 'met'>[]): { met: number; of: number } {
  return { met: ps.filter((p) => p.met).length, of: ps.length }
}
