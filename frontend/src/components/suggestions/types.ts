// Suggestion shapes, from the generated API types.
import type { components } from '@/api/schema'

type S = components['schemas']

export type SuggestionState = S['SuggestionItem']['state']
export type SuggestionInput = S['SuggestionIn']
export type SuggestionItem = S['SuggestionItem']
export type Contributor = S['SuggestionContributor']
export type Project = Omit<S['SuggestionProject'], 'contributors'> & { contributors: Contributor[] }
export type SuggestionEvent = S['SuggestionEvent']
export type Suggestion = Omit<S['SuggestionDetail'], 'events' | 'project'> & { events: SuggestionEvent[]; project: Project | null }
export type PayoutLine = S['SuggestionPayoutLine']
export type Payout = Omit<S['SuggestionPayout'], 'items'> & { items: PayoutLine[] }
export type Bonus = S['SuggestionBonus']
