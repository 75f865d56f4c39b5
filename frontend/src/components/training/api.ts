// Calls of the training sandbox and its reviews, typed by the generated schema.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'

type S = components['schemas']

/**
 * The document names Go's pointer fields (and nil maps) by their element type only, though
 * the server sends null for them: these aliases say so, so every reader handles the null.
 */
type OrNull<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null }

/** A text in both languages, `{ "zh-CN": …, en: … }`, read as possibly lacking either. */
export type Text = Partial<S['ScenarioCard']['title']>
export type ScenarioCard = S['ScenarioCard']
export type Persona = S['PersonaView']
export type Product = S['ProductView']
export type ScenarioDetail = S['ScenarioDetail']
export type Pending = S['PendingView']
export type DimensionScore = S['DimensionScore']
export type AttemptResult = OrNull<S['ResultView'], 'ending'>
export type Attempt = Omit<OrNull<S['AttemptView'], 'turn' | 'pending' | 'insist'>, 'result'> & { result: AttemptResult | null }
export type AttemptSummary = S['AttemptSummary']
export type AttemptStatus = 'in_progress' | 'finished'
export type Comment = S['Comment']
export type DebriefTurn = OrNull<S['DebriefTurn'], 'feedback' | 'model_answer'>
export type Debrief = Omit<S['DebriefView'], 'turns'> & { turns: DebriefTurn[] | null }
export type ReviewRow = S['ReviewRow']
export type Review = Omit<S['ReviewView'], 'attempt' | 'debrief'> & { attempt: Attempt; debrief: Debrief | null }

const attemptPath = (id: number | string) => ({ params: { path: { id: Number(id) } } })

export async function listScenarios(): Promise<ScenarioCard[]> {
  return unwrap(await api.GET('/api/v1/training/scenarios')).items ?? []
}

export async function getScenario(id: string): Promise<ScenarioDetail> {
  return unwrap(await api.GET('/api/v1/training/scenarios/{scenario_id}', { params: { path: { scenario_id: id } } }))
}

export async function startAttempt(scenarioId: string): Promise<Attempt> {
  return unwrap(await api.POST('/api/v1/training/attempts', { body: { scenario_id: scenarioId } }))
}

export async function listAttempts(): Promise<AttemptSummary[]> {
  return unwrap(await api.GET('/api/v1/training/attempts')).items ?? []
}

export async function getAttempt(id: number | string): Promise<Attempt> {
  return unwrap(await api.GET('/api/v1/training/attempts/{id}', attemptPath(id)))
}

export async function choose(id: number | string, choiceId: string, elapsedMs: number): Promise<Attempt> {
  return unwrap(await api.POST('/api/v1/training/attempts/{id}/choose', { ...attemptPath(id), body: { choice_id: choiceId, elapsed_ms: elapsedMs } }))
}

export async function answer(id: number | string, text: string, elapsedMs: number): Promise<Attempt> {
  return unwrap(await api.POST('/api/v1/training/attempts/{id}/answer', { ...attemptPath(id), body: { text, elapsed_ms: elapsedMs } }))
}

/** Confirms the recommendation despite the suitability warning: records a violation. */
export async function confirmPending(id: number | string): Promise<Attempt> {
  return unwrap(await api.POST('/api/v1/training/attempts/{id}/confirm', attemptPath(id)))
}

/** Proceeds on the customer's insistence (a fund above the class): the special process follows. */
export async function insistPending(id: number | string): Promise<Attempt> {
  return unwrap(await api.POST('/api/v1/training/attempts/{id}/insist', attemptPath(id)))
}

/** Withdraws the recommendation that raised the warning; a near miss is recorded, no violation. */
export async function backFromPending(id: number | string): Promise<Attempt> {
  return unwrap(await api.POST('/api/v1/training/attempts/{id}/back', attemptPath(id)))
}

export async function getDebrief(id: number | string): Promise<Debrief> {
  return unwrap(await api.GET('/api/v1/training/attempts/{id}/debrief', attemptPath(id)))
}

// --- reviews: managers (training.review) and auditors (training.inspect, read only) ---

export interface ReviewFilter {
  branch_id?: number | null
  scenario_id?: string
  status?: AttemptStatus | ''
  violations?: boolean
  near_misses?: boolean
  needs_human_look?: boolean
  uncommented?: boolean
  page?: number
  page_size?: number
}

export async function listReviews(f: ReviewFilter = {}): Promise<{ items: ReviewRow[]; total: number }> {
  const query = {
    branch_id: f.branch_id || undefined,
    scenario_id: f.scenario_id || undefined,
    status: f.status || undefined,
    violations: f.violations || undefined,
    near_misses: f.near_misses || undefined,
    needs_human_look: f.needs_human_look || undefined,
    uncommented: f.uncommented || undefined,
    page: f.page || undefined,
    page_size: f.page_size || undefined,
  }
  const r = unwrap(await api.GET('/api/v1/training/reviews', { params: { query } }))
  return { items: r.items ?? [], total: r.total ?? 0 }
}

export async function getReview(id: number | string): Promise<Review> {
  return unwrap(await api.GET('/api/v1/training/reviews/{id}', attemptPath(id)))
}

export async function addReviewComment(id: number | string, body: string): Promise<Comment> {
  return unwrap(await api.POST('/api/v1/training/reviews/{id}/comments', { ...attemptPath(id), body: { body } }))
}
