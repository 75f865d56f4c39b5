// Calls of the bank settings page: the bank's own details and the retention periods.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'

type S = components['schemas']
export type Periods = Pick<S['Periods'], 'typed_replies_days' | 'feedback_comments_days' | 'notifications_days'>
export type PurgeRun = S['PurgeRun']
export type BankDetails = { name: string; time_zone: string; default_locale: 'zh-CN' | 'en' }

export async function getPeriods(): Promise<Periods> {
  return unwrap(await api.GET('/api/v1/retention'))
}
export async function putPeriods(body: Periods): Promise<Periods> {
  return unwrap(await api.PUT('/api/v1/retention', { body }))
}
export async function listRuns(): Promise<PurgeRun[]> {
  return unwrap(await api.GET('/api/v1/retention/runs')).items ?? []
}
export async function patchBank(body: BankDetails) {
  return unwrap(await api.PATCH('/api/v1/tenant', { body }))
}

export type SignInPolicy = S['SignInPolicy']
export type Enrolment = S['Enrolment']

export async function getSignInPolicy(): Promise<SignInPolicy> {
  return unwrap(await api.GET('/api/v1/tenant/sign-in-policy'))
}
export async function putSignInPolicy(body: SignInPolicy): Promise<SignInPolicy> {
  return unwrap(await api.PUT('/api/v1/tenant/sign-in-policy', { body }))
}
