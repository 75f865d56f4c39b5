import { zonedParts } from '@/utils/datetime'
import type { CaseSummary, DiffOp, FieldDiff, Option, PiiFinding } from './types'

/** An average rating in thousandths as "4.3"; "" when nobody rated yet. */
export function ratingText(milli: number | null | undefined, count: number): string {
  if (!count || milli === null || milli === undefined) return ''
  return (Math.round(milli / 100) / 10).toFixed(1)
}

/** The case's title and summary in the UI language: English ones when asked for and present. */
export function localText(c: Pick<CaseSummary, 'title' | 'title_en' | 'summary' | 'summary_en'>, locale: string) {
  const en = locale.startsWith('en')
  return {
    title: en && c.title_en ? c.title_en : c.title,
    summary: en && c.summary_en ? c.summary_en : c.summary,
  }
}

/** An option's name in the UI language; the code itself for an option the list lacks. */
export function optionName(options: readonly Option[], code: string, locale: string): string {
  const o = options.find((x) => x.code === code)
  if (!o) return code
  return locale.startsWith('en') ? o.name_en || o.name_zh : o.name_zh || o.name_en
}

/** "YYYY-MM" of the instant in the tenant's zone (the "most useful this month" list). */
export function monthKey(d: Date, timeZone?: string): string {
  const { year, month } = zonedParts(d, timeZone)
  return `${year}-${month}`
}

/** Fields that changed between two revisions, each with its adjacent same-kind pieces joined. */
export function changedFields(fields: readonly FieldDiff[]): FieldDiff[] {
  return fields.filter((f) => f.ops.some((o) => o.op !== 'equal' && o.text !== '')).map((f) => ({ field: f.field, ops: joinOps(f.ops) }))
}

export function joinOps(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = []
  for (const o of ops) {
    if (o.text === '') continue
    const last = out[out.length - 1]
    if (last && last.op === o.op) last.text += o.text
    else out.push({ op: o.op, text: o.text })
  }
  return out
}

/** Long unchanged stretches shortened to their ends, so a diff shows where a change sits. */
export function elide(text: string, keep = 40): string {
  if (text.length <= keep * 2 + 1) return text
  return `${text.slice(0, keep)} … ${text.slice(-keep)}`
}

export interface PiiFlag {
  field: string
  kind: string
  found: string
  masked: string
}

/**
 * Each field's findings as one list (field order kept), with the text that was found. The
 * server counts positions in code points, so the text is cut by code points (an emoji before
 * the number would shift a UTF-16 slice).
 */
export function piiFlags(texts: Record<string, string>, findings: Record<string, readonly PiiFinding[]>, order: readonly string[]): PiiFlag[] {
  const out: PiiFlag[] = []
  for (const field of order) {
    const found = findings[field] ?? []
    if (!found.length) continue
    const points = Array.from(texts[field] ?? '')
    for (const f of found) {
      out.push({ field, kind: f.kind, found: points.slice(f.start, f.end).join(''), masked: f.masked })
    }
  }
  return out
}

/**
 * A function that runs `fn` once calls have paused for `ms` (the editor's personal-data
 * check while typing); `cancel` drops a pending run.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = (...args: A) => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      fn(...args)
    }, ms)
  }
  run.cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  return run
}
