// The scheme editor's rules that the form checks as the user types (the server checks them
// again and answers 422 naming the field; unit-tested in tests/kpi.spec.ts).
import type { SchemeMetric } from './types'

/** Sum of the weights, non-numbers counting 0. */
export function weightsTotal(rows: readonly Pick<SchemeMetric, 'weight_pct'>[]): number {
  return rows.reduce((n, r) => n + (Number.isFinite(r.weight_pct) ? r.weight_pct : 0), 0)
}

/** 'ok' at exactly 100, else how far off: under or over. */
export function weightsState(total: number): 'ok' | 'under' | 'over' {
  if (total === 100) return 'ok'
  return total < 100 ? 'under' : 'over'
}

/** Metrics chosen more than once (each counted once). */
export function duplicateMetrics(rows: readonly Pick<SchemeMetric, 'metric'>[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const r of rows) {
    if (!r.metric) continue
    if (seen.has(r.metric)) dup.add(r.metric)
    seen.add(r.metric)
  }
  return [...dup]
}

/** A fresh row for `metric`, with the defaults the contract names for its direction. */
export function blankMetric(metric = ''): SchemeMetric {
  const lower = metric === 'complaint_rate'
  return { metric, weight_pct: 0, normalisation: 'linear', floor: lower ? 0.1 : 0, target: lower ? 0 : 100, direction: lower ? 'lower' : 'higher', min_sample: 10 }
}

/**
 * The field of a 422 error location within the form: "metrics[2].weight_pct" stays, so the
 * row's input can show it; "body." is dropped by fieldOf already.
 */
export function metricField(index: number, field: keyof SchemeMetric): string {
  return `metrics[${index}].${field}`
}
