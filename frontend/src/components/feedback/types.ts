// The feedback area's shapes, from the generated schema; the two fields the server sends as raw
// JSON (an import's errors, a source's mapping) are given their real types here.
import type { components } from '@/api/schema'

type S = components['schemas']

export type ImportKind = 'feedback' | 'results'
export type Encoding = 'utf-8' | 'gbk' | 'auto'
export type ReasonKind = 'wrong_person' | 'customer_error' | 'withdrawn'

/** The canonical fields a file column may map to. */
export const FEEDBACK_FIELDS = [
  'external_id',
  'channel',
  'occurred_at',
  'branch_code',
  'employee_code',
  'score',
  'scale',
  'resolved',
  'complaint',
  'category',
  'comment',
] as const
export const RESULT_FIELDS = ['employee_code', 'period', 'metric', 'value'] as const

/** One row/column problem of a file. */
export interface RowError {
  row: number
  column: string
  code: string
  message: string
}

export type Import = Omit<S['Import'], 'errors'> & { errors: RowError[] }
export type Source = Omit<S['Source'], 'mapping'> & { mapping: Record<string, string> | null }
export type SourceInput = { code: string; name: string; kind: ImportKind; encoding: Encoding; mapping: Record<string, string> }
export type BusinessMetric = S['BusinessMetric']
export type Appeal = S['Appeal']
export type AppealView = S['AppealView']
export type FeedbackRecord = S['RecordView']

export interface Page<T> {
  items: T[]
  total: number
}
