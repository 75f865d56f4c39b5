// Award shapes, from the generated API types. The rule is read as the builder's condition tree.
import type { components } from '@/api/schema'
import type { RuleNode } from './rules'

type S = components['schemas']

export type AwardPeriod = S['AwardTypeView']['period']
export type Quota = S['AwardQuota']
export type AwardType = Omit<S['AwardTypeView'], 'rule' | 'approval_levels'> & { rule: RuleNode | null; approval_levels: string[] }
export type AwardTypeInput = Omit<AwardType, 'id'>
export type BadgeOption = S['BadgeIcon']
/** A metric or fact a rule may use; `available` is false while its area is not wired. */
export type RuleMetric = S['AwardRuleInput']
export type Candidate = S['AwardCandidateView']
export type Round = Omit<S['AwardRoundView'], 'candidates'> & { candidates: Candidate[] }
export type NominationStep = S['NominationStepView']
export type Nomination = Omit<S['NominationView'], 'steps' | 'levels'> & { steps: NominationStep[]; levels: string[] }
export type Grant = S['AwardGrantView']
export type Certificate = S['AwardCertificate']
