// Award shapes as the shared contract fixes them (GET /award-types, rounds, nominations, grants).
import type { RuleNode } from './rules'

export type AwardPeriod = 'month' | 'quarter' | 'year'
export type AwardKind = 'rule' | 'nomination'

export interface Quota {
  per: 'branch' | 'tenant'
  count: number
}

export interface AwardTypeInput {
  code: string
  name_zh: string
  name_en: string
  description_zh: string
  description_en: string
  badge: string
  period: AwardPeriod
  kind: AwardKind
  quota: Quota
  rule?: RuleNode | null
  approval_levels?: string[]
  active: boolean
}
export interface AwardType extends AwardTypeInput {
  id: number
}

export interface BadgeOption {
  name: string
  label_zh?: string
  label_en?: string
}

export interface RuleMetric {
  code: string
  name_zh: string
  name_en: string
  unit?: string
  /** "metric" or "fact"; a fact is one of the fixed fact conditions. */
  kind?: string
}

export interface Ref {
  id: number
  name: string
  code?: string
}

export interface Candidate {
  employee: Ref
  branch: Ref
  rank: number
  composite_milli: number | null
  ratings: number
  facts: Record<string, unknown> | null
  status: 'proposed' | 'approved' | 'dropped'
}

export interface Round {
  id: number
  type_id: number
  period_key: string
  state: string
  job_id?: number
  candidates: Candidate[]
}

export interface Nomination {
  id: number
  type_id: number
  type_name?: string
  period_key: string
  nominee: Ref
  nominator?: Ref
  branch?: Ref
  reason: string
  state: string
  level?: string
  can_decide?: boolean
  decisions?: { by: string; at: string; approve: boolean; comment: string; level?: string }[] | null
}

export interface Badge {
  grant_id: number
  type_id?: number
  badge: string
  name_zh: string
  name_en: string
  period_key: string
  granted_at?: string
}

export interface HonourEntry extends Badge {
  employee: Ref
  branch: Ref
}

export interface Certificate {
  grant_no: string
  name: string
  award_zh: string
  award_en: string
  period_key: string
  branch: string
  date: string
  tenant?: string
}
