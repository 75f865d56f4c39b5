// How an import reads while it runs and once it is done (unit-tested in tests/feedback.spec.ts).
import type { RowError } from './types'

export type Outcome = 'running' | 'imported' | 'rejected' | 'failed'

/**
 * What became of an import: rejected when the file had row errors (nothing stored), failed when
 * its job failed without a report, imported when it finished clean, else still running.
 */
export function importOutcome(i: { state: string; errors?: RowError[] | null }, jobState?: string): Outcome {
  if ((i.errors?.length ?? 0) > 0) return 'rejected'
  if (i.state === 'failed' || jobState === 'failed') return 'failed'
  if (i.state === 'done') return 'imported'
  return 'running'
}

/** The file's kind from its name: csv or xlsx, else null (refused before sending). */
export function fileKind(name: string): 'csv' | 'xlsx' | null {
  const n = name.toLowerCase()
  if (n.endsWith('.csv')) return 'csv'
  if (n.endsWith('.xlsx')) return 'xlsx'
  return null
}

/** A source's mapping with the empty entries dropped (an unmapped field uses its own name). */
export function cleanMapping(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(m)) if (v && v.trim() !== '') out[k] = v.trim()
  return out
}

/** Whether an appeal may be filed now: within the window, the record counting, none open. */
export function canAppeal(r: { appealable_until?: string | null; appeal?: { state: string } | null; excluded?: boolean }, now: Date): boolean {
  if (r.excluded) return false
  if (r.appeal && r.appeal.state === 'pending') return false
  if (!r.appealable_until) return false
  const until = Date.parse(r.appealable_until)
  return Number.isFinite(until) && until > now.getTime()
}
