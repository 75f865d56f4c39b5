// The case library's shapes as the session's API contract states them. Lists the API may send
// as null are made arrays in api.ts, so components never check for null lists.

export type CaseStatus = 'draft' | 'submitted' | 'returned' | 'published' | 'archived'
export type CaseSort = 'relevance' | 'newest' | 'useful'

export interface Ref {
  id: number
  name: string
}

/** One row of a case list (search, mine, review queue, featured, useful, due for review). */
export interface CaseSummary {
  id: number
  title: string
  title_en?: string
  summary: string
  summary_en?: string
  business_line: string
  customer_type: string
  tags: string[]
  author: Ref
  branch: Ref
  status: CaseStatus | string
  featured: boolean
  published_at?: string | null
  review_by?: string | null
  /** Average stars in thousandths; null when nobody rated. */
  rating_avg_milli: number | null
  rating_count: number
  views: number
  /** Sanitized by the server; the matched text wrapped in <mark>. */
  snippet_html?: string
}

export interface CaseComment {
  by: Ref
  at: string
  text: string
  decision: string
}

export interface CaseCan {
  edit: boolean
  submit: boolean
  review: boolean
  feature: boolean
  archive: boolean
  to_scenario: boolean
  restrict: boolean
  rate?: boolean
}

export interface Visibility {
  scope: 'tenant' | 'subtree'
  branch_id?: number | null
}

export interface CaseDetail extends CaseSummary {
  situation: string
  actions: string
  outcome: string
  lesson: string
  situation_html: string
  actions_html: string
  outcome_html: string
  lesson_html: string
  revision: number
  visibility: Visibility
  scenario_keys: string[]
  comments: CaseComment[]
  my_rating: number | null
  can: CaseCan
}

export interface CaseInput {
  title: string
  title_en: string
  summary: string
  summary_en: string
  situation: string
  actions: string
  outcome: string
  lesson: string
  customer_type: string
  business_line: string
  tags: string[]
  scenario_keys: string[]
}

export interface Masked {
  field: string
  kind: string
}

export type PiiKind = 'phone' | 'id_card' | 'bank_card'
export interface PiiFinding {
  kind: PiiKind | string
  start: number
  end: number
  masked: string
}

export interface Revision {
  revision: number
  at: string
  by: Ref
  note: string
}

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
}
export interface FieldDiff {
  field: string
  ops: DiffOp[]
}

export interface Rating {
  rating_avg_milli: number | null
  rating_count: number
  my_rating: number | null
}

export interface Option {
  code: string
  name_zh: string
  name_en: string
}
export interface CaseOptions {
  business_lines: Option[]
  customer_types: Option[]
  tags: string[]
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface CaseQuery {
  q?: string
  tag?: string
  business_line?: string
  customer_type?: string
  branch_id?: number
  featured?: boolean
  from?: string
  to?: string
  sort?: CaseSort
  page: number
  page_size: number
}

export interface Attendee extends Ref {
  attended: boolean
}

export interface CaseSession {
  id: number
  title: string
  branch: Ref
  scheduled_at: string
  state: 'scheduled' | 'recorded' | string
  cases: Ref[]
  attendees: Attendee[]
  notes: string
  recorded_at?: string | null
}

export interface SessionInput {
  title: string
  branch_id: number
  scheduled_at: string
  case_ids: number[]
  attendee_ids: number[]
}
