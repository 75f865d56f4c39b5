// Calls of the awards area. Lists the API may send as null become empty arrays; a type's rule
// becomes the builder's condition tree (null for a nomination award).
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import type { AwardType, AwardTypeInput, Nomination, Round } from './types'
import type { RuleNode } from './rules'

type S = components['schemas']
const list = <T>(v: T[] | null | undefined): T[] => v ?? []

function normRule(c: S['AwardCondition'] | null | undefined): RuleNode | null {
  if (!c || (!c.op && !c.metric && !c.fact)) return null
  return c as RuleNode
}
function normType(a: S['AwardTypeView']): AwardType {
  return { ...a, rule: normRule(a.rule), approval_levels: list(a.approval_levels) }
}
function normRound(r: S['AwardRoundView']): Round {
  return { ...r, candidates: list(r.candidates) }
}
function normNomination(n: S['NominationView']): Nomination {
  return { ...n, steps: list(n.steps), levels: list(n.levels) }
}
function typeBody(a: AwardTypeInput): S['AwardTypeIn'] {
  const { rule, ...rest } = a
  return rule ? { ...rest, rule } : rest
}

export const listAwardTypes = async () => list(unwrap(await api.GET('/api/v1/award-types')).items).map(normType)
export const createAwardType = async (body: AwardTypeInput) => normType(unwrap(await api.POST('/api/v1/award-types', { body: typeBody(body) })))
export const updateAwardType = async (id: number, body: AwardTypeInput) =>
  normType(unwrap(await api.PUT('/api/v1/award-types/{id}', { params: { path: { id } }, body: typeBody(body) })))
export const listBadges = async () => list(unwrap(await api.GET('/api/v1/award-types/badges')).items)
export const listRuleMetrics = async () => list(unwrap(await api.GET('/api/v1/award-types/metrics')).items)

export const evaluate = async (id: number, periodKey: string) =>
  normRound(unwrap(await api.POST('/api/v1/award-types/{id}/evaluate', { params: { path: { id } }, body: { period_key: periodKey } })))
export const listRounds = async (periodKey: string) =>
  list(unwrap(await api.GET('/api/v1/award-rounds', { params: { query: { period_key: periodKey } } })).items).map(normRound)
export const decideCandidate = async (id: number, employeeId: number, decision: 'approve' | 'drop') =>
  normRound(unwrap(await api.POST('/api/v1/award-rounds/{id}/candidates/{employee_id}', { params: { path: { id, employee_id: employeeId } }, body: { decision } })))
export const grantRound = async (id: number) => normRound(unwrap(await api.POST('/api/v1/award-rounds/{id}/grant', { params: { path: { id } } })))

export const nominate = async (body: S['NominationIn']) => normNomination(unwrap(await api.POST('/api/v1/nominations', { body })))
export type NominationState = 'pending' | 'approved' | 'rejected' | ''
export const listNominations = async (state: NominationState) =>
  list(unwrap(await api.GET('/api/v1/nominations', { params: { query: { state: state || undefined } } })).items).map(normNomination)
export const decideNomination = async (id: number, approve: boolean, comment: string) =>
  normNomination(unwrap(await api.POST('/api/v1/nominations/{id}/decision', { params: { path: { id } }, body: { approve, comment } })))

export const honourRoll = async (periodKey: string, branchId?: number) =>
  list(unwrap(await api.GET('/api/v1/honour-roll', { params: { query: { period_key: periodKey, branch_id: branchId } } })).items)
export const myBadges = async () => list(unwrap(await api.GET('/api/v1/me/badges')).items)
export const userBadges = async (id: number) => list(unwrap(await api.GET('/api/v1/users/{id}/badges', { params: { path: { id } } })).items)
export const certificate = async (id: number) => unwrap(await api.GET('/api/v1/grants/{id}/certificate', { params: { path: { id } } }))
