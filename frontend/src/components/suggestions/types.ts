// Suggestion shapes as the shared contract fixes them.

export type SuggestionState = 'submitted' | 'returned' | 'rejected' | 'adopted'

export interface SuggestionInput {
  title: string
  problem: string
  proposal: string
  expected_benefit: string
  process: string
}

export interface Contributor {
  user_id: number
  name?: string
  share_bp: number
}

export interface Project {
  pool_cents: number
  contributors: Contributor[]
  state: 'open' | 'payout_pending' | 'paid'
}

export interface Decision {
  by: string | { id: number; name: string }
  at: string
  decision: string
  comment: string
}

export interface Suggestion extends SuggestionInput {
  id: number
  state: SuggestionState
  author?: { id: number; name: string }
  branch?: { id: number; name: string }
  created_at?: string
  decisions?: Decision[] | null
  project?: Project | null
  can?: { edit?: boolean; review?: boolean; pay?: boolean }
}

export interface PayoutLine {
  user_id: number
  name?: string
  share_bp: number
  cents: number
}

export interface Payout {
  pool_cents: number
  items: PayoutLine[]
  approved_at?: string | null
}

export interface Bonus {
  suggestion_id: number
  title: string
  share_bp: number
  cents: number
  state?: string
  paid_at?: string | null
}
