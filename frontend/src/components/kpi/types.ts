// The KPI area's shapes, from the generated schema, with the lists the API may send as null
// made arrays (api.ts does that), so components never check for null lists.
import type { components } from '@/api/schema'

type S = components['schemas']

export type PeriodKind = 'month' | 'quarter' | 'year'

export type BranchRef = S['BranchRef']
export type PersonRef = S['PersonRef']
/**
 * One metric of a branch: its raw value over the subtree ("stars" 1–5, "ratio" 0–1, "points"
 * 0–100, or a business metric's unit), the sample behind it and its 0–100 score.
 */
export type BranchMetric = S['BranchMetric']
/** One metric of a person: also whether its sample counts, its weight and what it adds. */
export type MetricScore = S['MetricEntry']
export type TrendPoint = S['TrendPoint']
export type Bucket = S['Bucket']
export type Period = S['PeriodView']
/** A metric a scheme may use: a fixed one or `business:<code>`. */
export type MetricKey = S['MetricView']

export type Scorecard = Omit<S['Scorecard'], 'metrics' | 'scheme'> & { metrics: MetricScore[]; scheme: S['SchemeRef'] | null }
export type PersonRow = Omit<S['PersonRow'], 'metrics'> & { metrics: MetricScore[] }
export type ChildBranch = Omit<S['ChildRow'], 'metrics'> & { metrics: BranchMetric[] }
export type BranchDashboard = Omit<S['BranchSummary'], 'metrics' | 'children' | 'distribution' | 'top' | 'bottom'> & {
  metrics: BranchMetric[]
  children: ChildBranch[]
  distribution: Bucket[]
  top: PersonRow[]
  bottom: PersonRow[]
}
export interface PeoplePage {
  items: PersonRow[]
  total: number
}

export type Normalisation = 'linear' | 'percentile'
export type Direction = 'higher' | 'lower'

/** A metric row of a scheme as the editor holds it (every field set). */
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

export type Scheme = Omit<S['SchemeView'], 'metrics'> & { metrics: SchemeMetric[] }
