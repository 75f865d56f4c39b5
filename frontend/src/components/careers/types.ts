// Career shapes as the shared contract fixes them (GET /career-tracks, /me/career, readiness).

export type TrackKind = 'management' | 'expert'
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
  id?: number
  kind: RequirementKind
  params: RequirementParams
  label_zh?: string
  label_en?: string
}

export interface Level {
  id: number
  rank: number
  code: string
  name_zh: string
  name_en: string
  requirements: Requirement[]
}

export interface Track {
  id: number
  code: string
  kind: TrackKind
  name_zh: string
  name_en: string
  levels: Level[]
}

export interface Named {
  id: number
  code?: string
  name_zh: string
  name_en: string
  kind?: TrackKind
  rank?: number
}

export interface Progress {
  kind: RequirementKind
  label?: string
  label_zh?: string
  label_en?: string
  current: number | null
  target: number
  met: boolean
  unavailable?: string
}

export interface HistoryEntry {
  at: string
  action: string
  track?: Named | null
  from_level?: Named | null
  to_level?: Named | null
  level?: Named | null
  by?: string | { id: number; name: string } | null
  note?: string
}

export interface Career {
  user?: { id: number; name: string; branch?: string }
  track: Named | null
  level: Named | null
  since?: string | null
  hired_on?: string | null
  next_level: Named | null
  requirements: Progress[]
  history: HistoryEntry[]
}

export interface ReadinessRow {
  user: { id: number; name: string; code?: string }
  branch?: { id: number; name: string }
  track: Named | null
  level: Named | null
  next_level: Named | null
  met: number
  of: number
  ready: boolean
}
