// The KPI area's API shapes, as the issue 10 contract fixes them. Lists the API may send as
// null are made arrays by api.ts, so components never check for null lists.

export type PeriodKind = 'month' | 'quarter' | 'year'
export type PeriodState = 'open' | 'closed'

export interface BranchRef {
  id: number
  name: string
  code?: string
}

/**
 * One metric of a branch: its raw value over the subtree ("stars" 1–5, "ratio" 0–1, "points"
 * 0–100, or a business metric's unit), the sample behind it and its 0–100 score.
 */
export interface BranchMetric {
  metric: string
  label?: string
  raw: number | null
  raw_unit?: string
  sample: number
  score: number | null
}

/** One metric of a person's scorecard: also whether its sample counts, its weight and what it adds. */
export interface MetricScore extends BranchMetric {
  enough: boolean
  weight_pct: number
  /** The weight after metrics without enough data were left out and the rest scaled to 100. */
  effective_pct?: number
  contribution: number | null
}

export interface PersonRef {
  id: number
  name: string
  employee_code?: string
  branch?: BranchRef | null
}

export interface Scorecard {
  person: PersonRef
  period: string
  state: PeriodState | string
  scheme: { id: number; name: string; valid_from: string } | null
  composite: number | null
  rankable: boolean
  rank: number | null
  of: number
  ratings?: number
  metrics: MetricScore[]
  computed_at: string | null
}

/** One point of a trend: a period's composite and, when sent, each metric's score. */
export interface TrendPoint {
  period: string
  composite: number | null
  rankable?: boolean
  ratings?: number
  metrics?: { metric: string; score: number | null }[] | null
}

/** A person in a branch ranking. */
export interface PersonRow {
  person: PersonRef
  composite: number | null
  rankable: boolean
  rank: number | null
  ratings?: number
  metrics: MetricScore[]
}

export interface ChildBranch {
  branch: BranchRef
  composite: number | null
  people: number
  rankable?: number
  ratings: number
  metrics: BranchMetric[]
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
  people?: number
  rankable?: number
  ratings?: number
  metrics: BranchMetric[]
  children: ChildBranch[]
  distribution: Bucket[]
  top: PersonRow[]
  bottom: PersonRow[]
  not_enough_data: number
  computed_at?: string | null
}

export interface PeoplePage {
  items: PersonRow[]
  total: number
}

export interface Period {
  key: string
  kind: PeriodKind
  first_month?: number
  last_month?: number
  state: PeriodState
  /** The period today falls in. */
  current?: boolean
  /** Who closed or reopened it last, when and why. */
  changed_by_name?: string
  changed_at?: string | null
  reason?: string
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
  metric: string
  label: string
  unit?: string
  builtin?: boolean
}
