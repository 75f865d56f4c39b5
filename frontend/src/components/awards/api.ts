// Calls of the awards area. Lists the API may send as null become empty arrays.
import { call, list, page, type Page } from './http'
import type { AwardType, AwardTypeInput, Badge, BadgeOption, Certificate, HonourEntry, Nomination, Round, RuleMetric } from './types'

type Items<T> = { items?: T[] | null; total?: number }

function normRound(r: Round): Round {
  return { ...r, candidates: list(r.candidates) }
}

export const listAwardTypes = async () => list((await call<Items<AwardType>>('GET', '/award-types')).items)
export const createAwardType = (body: AwardTypeInput) => call<AwardType>('POST', '/award-types', { body })
export const updateAwardType = (id: number, body: AwardTypeInput) => call<AwardType>('PUT', '/award-types/{id}', { path: { id }, body })
export const listBadges = async () => list((await call<Items<BadgeOption>>('GET', '/award-types/badges')).items)
export const listRuleMetrics = async () => list((await call<Items<RuleMetric>>('GET', '/award-types/metrics')).items)

export const evaluate = async (typeId: number, periodKey: string) =>
  normRound(await call<Round>('POST', '/award-types/{id}/evaluate', { path: { id: typeId }, body: { period_key: periodKey } }))
export const listRounds = async (periodKey: string) =>
  list((await call<Items<Round>>('GET', '/award-rounds', { query: { period_key: periodKey } })).items).map(normRound)
export const decideCandidate = (roundId: number, employeeId: number, decision: 'approve' | 'drop') =>
  call<unknown>('POST', '/award-rounds/{id}/candidates/{employee_id}', { path: { id: roundId, employee_id: employeeId }, body: { decision } })
export const grantRound = async (roundId: number) => normRound(await call<Round>('POST', '/award-rounds/{id}/grant', { path: { id: roundId } }))

export const nominate = (body: { type_id: number; period_key: string; nominee_id: number; reason: string }) => call<Nomination>('POST', '/nominations', { body })
export const listNominations = async (state: string): Promise<Page<Nomination>> => page(await call<Items<Nomination>>('GET', '/nominations', { query: { state } }))
export const decideNomination = (id: number, approve: boolean, comment: string) =>
  call<Nomination>('POST', '/nominations/{id}/decision', { path: { id }, body: { approve, comment } })

export const honourRoll = async (periodKey: string, branchId?: number) =>
  list((await call<Items<HonourEntry>>('GET', '/honour-roll', { query: { period_key: periodKey, branch_id: branchId } })).items)
export const myBadges = async () => list((await call<Items<Badge>>('GET', '/me/badges')).items)
export const userBadges = async (id: number) => list((await call<Items<Badge>>('GET', '/users/{id}/badges', { path: { id } })).items)
export const certificate = (grantId: number) => call<Certificate>('GET', '/grants/{id}/certificate', { path: { id: grantId } })
