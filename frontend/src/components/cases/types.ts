// The case library's shapes, from the generated schema, with the lists the API may send as
// null made arrays (api.ts does that), so components never check for null lists.
import type { components } from '@/api/schema'

type S = components['schemas']

export type CaseStatus = S['Item']['status']
export type CaseSort = 'relevance' | 'newest' | 'useful'
export type Ref = S['Ref']

/** One row of a case list (search, mine, review queue, featured, useful, due for review). */
export type CaseSummary = Omit<S['Item'], 'tags'> & { tags: string[] }
export type CaseComment = S['CommentView']
export type CaseCan = S['Can']
export type Visibility = S['Visibility']
export type CaseDetail = Omit<S['Detail'], 'tags' | 'scenario_keys' | 'comments'> & {
  tags: string[]
  scenario_keys: string[]
  comments: CaseComment[]
}
export type Saved = CaseDetail & { masked: Masked[] }

/** The editor's form: every field set (the API's body leaves the English ones optional). */
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

export type Masked = S['Masked']
export type PiiFinding = S['Finding']
export type Revision = S['RevisionItem']
export type DiffOp = S['DiffOp']
export interface FieldDiff {
  field: string
  ops: DiffOp[]
}
export type Rating = S['RatingOut']
export type Option = S['Option']
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
  featured?: 'true' | 'false'
  from?: string
  to?: string
  sort?: CaseSort
  page: number
  page_size: number
}

export type Attendee = S['AttendeeView']
export type CaseSession = Omit<S['SessionView'], 'cases' | 'attendees'> & { cases: Ref[]; attendees: Attendee[] }
export type SessionInput = S['SessionIn']
