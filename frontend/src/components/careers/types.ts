// Career shapes, from the generated API types. Requirement parameters arrive untyped; the editor
// reads them as the parameters each kind takes.
import type { components } from '@/api/schema'

type S = components['schemas']

export type TrackKind = S['CareerTrack']['kind']
export const REQUIREMENT_KINDS = ['tenure_months', 'kpi_composite', 'scenario_category', 'cases_published', 'awards', 'suggestions_adopted'] as const
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number]

/** A requirement's parameters; which ones matter depends on its kind. */
export interface RequirementParams {
  count?: number
  period_kind?: 'month' | 'quarter' | 'year'
  periods?: number
  min_milli?: number
  category?: string
  type_code?: string
}

export interface Requirement {
  kind: RequirementKind
  params: RequirementParams
  label_zh?: string
  label_en?: string
}

export type Level = Omit<S['CareerLevelView'], 'requirements'> & { requirements: Requirement[] }
export type Track = Omit<S['CareerTrackView'], 'levels'> & { levels: Level[] }
export type LevelRef = S['CareerLevel']
export type Progress = S['CareerProgress']
export type HistoryEntry = S['CareerHistoryEntry']
/** Track, level and next level are null for someone not placed on a track (and next at the top). */
export type Career = Omit<S['CareerView'], 'requirements' | 'history' | 'next_level' | 'track' | 'level'> & {
  track: S['CareerTrack'] | null
  level: LevelRef | null
  requirements: Progress[]
  history: HistoryEntry[]
  next_level: Level | null
}
export type ReadinessRow = Omit<S['CareerReadinessItem'], 'missing' | 'next_level'> & { missing: string[]; next_level: LevelRef | null }
/** Anything with names in both languages. */
export interface Named {
  name_zh: string
  name_en: string
}
