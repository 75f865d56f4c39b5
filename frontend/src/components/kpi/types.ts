// The KPI area's API shapes, as the issue 10 contract fixes them. Lists the API may send as
// null are made arrays by api.ts, so components never check for null lists.

export type PeriodKind = 'month' | 'quarter' | 'year'
export type PeriodState = 'open' | 'closed'

export interface BranchRef {
  id: number
  name: string
  code?: string
}

/** One metric of a scorecard or a branch: raw value, its 0–100 score, weight and contribution. */
export interface MetricScore {
  metric: string
  label?: string
  raw: number | null
  raw_unit?: string
  sample: number
  enough: boolean
  score: number | null
  weight_pct: number
  contribution: number | null
}

export interface Scorecard {
  person: { id: number; name: string; employee_code?: string; branch?: BranchRef | null }
  period: string
  state: PeriodState | string
  scheme: { id: number; name: string; valid_from: string } | null
  composite: number | null
  rankable: boolean
  rank: number | null
  of: number
  metrics: MetricScore[]
  computed_at: string | null
}

/** One point of a trend: a period's composite and, when sent, each metric's score. */
export interface TrendPoint {
  period: string
  composite: number | null
  metrics?: { metric: string; score: number | null }[] | null
}

/** A person in a branch ranking. */
export interface PersonRow {
  id: number
  name: string
  employee_code?: string
  branch?: BranchRef | null
  composite: number | null
  rankable: boolean
  rank: number | null
  metrics: MetricScore[]
}

export interface ChildBranch {
  branch: BranchRef
  composite: number | null
  people: number
  ratings: number
  metrics: MetricScore[]
}

export interface Bucket {
  from: number
  to: number
  count: number
}

export interface BranchDashboard {
  branch: BranchRef
  period: string
  state: PeriodState | string
  composite: number | null
  metrics: MetricScore[]
  children: ChildBranch[]
  distribution: Bucket[]
  top: PersonRow[]
  bottom: PersonRow[]
  not_enough_data: number
}

export interface PeoplePage {
  items: PersonRow[]
  total: number
}

export interface Period {
  key: string
  kind: PeriodKind
  state: PeriodState
  closed_at?: string | null
  closed_by_name?: string | null
  reason?: string | null
}

export type Normalisation = 'linear' | 'percentile'
export type Direction = 'higher' | 'lower'

export interface SchemeMetric {
  metric: string
  weight_pct: number
  normalisation: Normalisation
  floor: number
  target: number
  direction: Direction
  min_sample: number
}

export interface SchemeInput {
  name: string
  role: string
  valid_from: string
  prior_weight: number
  min_sample: number
  metrics: SchemeMetric[]
}

export interface Scheme extends SchemeInput {
  id: number
  created_at?: string
  created_by_name?: string
}

/** A metric a scheme may use: a fixed one or `business:<code>`. */
export interface MetricKey {
  key: string
  label: string
}
