// The feedback area's API shapes, as the issue 10 contract fixes them.

export type ImportKind = 'feedback' | 'results'
export type Encoding = 'utf-8' | 'gbk' | 'auto'
export type Channel = 'counter' | 'phone' | 'app' | 'social' | 'complaint'
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

export interface Source {
  id: number
  code: string
  name: string
  kind: ImportKind
  encoding: Encoding
  mapping: Record<string, string> | null
}
export type SourceInput = Omit<Source, 'id'>

export interface BusinessMetric {
  id?: number
  code: string
  name: string
  unit: string
}

/** One row/column problem of a file. */
export interface RowError {
  row: number
  column: string
  code: string
  message: string
}

export interface Import {
  id: number
  kind: ImportKind
  source: string
  encoding: string
  file_name?: string
  state: string
  job_id?: number | null
  inserted: number
  updated: number
  unchanged: number
  rows?: number
  errors: RowError[]
  error_count?: number
  created_at?: string
  finished_at?: string | null
  created_by_name?: string
}

export interface ImportPage {
  items: Import[]
  total: number
}

export interface Appeal {
  id: number
  record_id: number
  state: 'pending' | 'upheld' | 'rejected' | string
  reason_kind: ReasonKind | string
  reason: string
  decision_reason?: string | null
  created_at?: string
  decided_at?: string | null
  decided_by_name?: string | null
  employee_name?: string
  employee_code?: string
  branch_name?: string
  record?: FeedbackRecord | null
}

export interface FeedbackRecord {
  id: number
  external_id: string
  source?: string
  channel: Channel | string
  occurred_at: string
  branch_name?: string
  branch_code?: string
  employee_name?: string
  score?: number | null
  scale?: number | null
  resolved?: boolean | null
  complaint: boolean
  category?: string
  comment?: string
  excluded?: boolean
  appealable_until?: string | null
  appeal?: Appeal | null
}

export interface RecordPage {
  items: FeedbackRecord[]
  total: number
}

export interface AppealPage {
  items: Appeal[]
  total: number
}
