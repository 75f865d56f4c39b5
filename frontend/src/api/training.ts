// The training sandbox API, typed by hand against the backend's contract. The routes are
// called through the shared openapi-fetch client (so the CSRF and 401 middleware apply) with
// a loose signature until they appear in the generated schema.
import { api } from './client'
import { unwrap } from './errors'

/** A text in both languages: `{ "zh-CN": …, en: … }`. */
export type Text = Partial<Record<string, string>>

export type Risk = 'R1' | 'R2' | 'R3' | 'R4' | 'R5'
export const DIMENSIONS = ['needs_discovery', 'empathy', 'compliance', 'solution_fit', 'resolution'] as const
export type Dimension = (typeof DIMENSIONS)[number]
export const ENDING_KINDS = ['resolved', 'escalated', 'customer_left', 'complaint_filed'] as const
export type EndingKind = (typeof ENDING_KINDS)[number]

export interface ScenarioCard {
  id: string
  version: number
  title: Text
  summary: Text
  category: string
  business_line: string
  difficulty: number
  estimated_minutes: number
  pass_mark: number
}

export interface Persona {
  name: Text
  age: number
  occupation: Text
  assets: Text
  goals: Text
  risk_tolerance: string
  initial_mood: number
}

export interface Product {
  id: string
  name: Text
  kind: string
  risk: string
  suitability_checked: boolean
}

export interface ScenarioDetail extends ScenarioCard {
  persona: Persona
  products: Product[] | null
  dimensions: string[] | null
}

export interface Choice {
  id: string
  text: Text
  recommends: string | null
}

export interface Turn {
  id: string
  customer: Text
  choices: Choice[] | null
  free_text: boolean
}

export interface Pending {
  choice_id: string
  product_id: string
  product_name: Text
  customer_risk: string
  product_risk: string
  message: Text
}

export interface TranscriptLine {
  turn: string
  customer: Text
  reply: Text
  mood_after: number
}

export interface Violation {
  turn: string
  product_id: string
  customer_risk: string
  product_risk: string
}

export interface DimensionScore {
  dimension: string
  score: number
  weight: number
}

export interface Ending {
  id: string
  kind: string
  title: Text
  debrief: Text
}

export interface AttemptResult {
  total: number
  pass_mark: number
  passed: boolean
  dimensions: DimensionScore[] | null
  violations: number
  ending: Ending | null
}

export type AttemptStatus = 'in_progress' | 'finished'

export interface Attempt {
  id: number
  scenario_id: string
  version: number
  status: AttemptStatus
  mood: number
  turn: Turn | null
  pending: Pending | null
  transcript: TranscriptLine[] | null
  needs_revealed: Text[] | null
  violations: Violation[] | null
  result: AttemptResult | null
  started_at?: string
  finished_at?: string | null
  /** Reviewers' coaching comments, oldest first. */
  comments?: Comment[] | null
}

/** A reviewer's coaching comment on an attempt. */
export interface Comment {
  id: number
  attempt_id: number
  author_id: number
  author_name: string
  body: string
  created_at: string
}

export interface AttemptSummary {
  id: number
  scenario_id: string
  title: Text
  status: AttemptStatus
  total: number | null
  passed: boolean | null
  started_at: string
  finished_at: string | null
}

export interface DebriefTurn {
  turn: string
  customer: Text
  reply: Text
  feedback: Text | null
  model_answer: Text | null
  hits: Text[] | null
  misses: Text[] | null
  mood_before: number
  mood_after: number
  elapsed_ms?: number
  violation?: boolean
}

export interface Debrief {
  turns: DebriefTurn[] | null
  needs_found: Text[] | null
  needs_missed: Text[] | null
  violations: Violation[] | null
}

type Result = { data?: unknown; error?: unknown; response: Response }
type Init = { params?: { path?: Record<string, string | number>; query?: Record<string, string | number> }; body?: unknown }
/** The shared client without the generated path types (the training routes are not in them yet). */
const loose = api as unknown as {
  GET(path: string, init?: Init): Promise<Result>
  POST(path: string, init?: Init): Promise<Result>
}

const attemptPath = (id: number | string) => ({ params: { path: { id } } })

export async function listScenarios(): Promise<ScenarioCard[]> {
  return (unwrap(await loose.GET('/api/v1/training/scenarios')) as { items: ScenarioCard[] | null }).items ?? []
}

export async function getScenario(id: string): Promise<ScenarioDetail> {
  return unwrap(await loose.GET('/api/v1/training/scenarios/{scenario_id}', { params: { path: { scenario_id: id } } })) as ScenarioDetail
}

export async function startAttempt(scenarioId: string): Promise<Attempt> {
  return unwrap(await loose.POST('/api/v1/training/attempts', { body: { scenario_id: scenarioId } })) as Attempt
}

export async function listAttempts(): Promise<AttemptSummary[]> {
  return (unwrap(await loose.GET('/api/v1/training/attempts')) as { items: AttemptSummary[] | null }).items ?? []
}

export async function getAttempt(id: number | string): Promise<Attempt> {
  return unwrap(await loose.GET('/api/v1/training/attempts/{id}', attemptPath(id))) as Attempt
}

export async function choose(id: number | string, choiceId: string, elapsedMs: number): Promise<Attempt> {
  return unwrap(
    await loose.POST('/api/v1/training/attempts/{id}/choose', { ...attemptPath(id), body: { choice_id: choiceId, elapsed_ms: elapsedMs } }),
  ) as Attempt
}

export async function answer(id: number | string, text: string, elapsedMs: number): Promise<Attempt> {
  return unwrap(await loose.POST('/api/v1/training/attempts/{id}/answer', { ...attemptPath(id), body: { text, elapsed_ms: elapsedMs } })) as Attempt
}

/** Confirms the recommendation despite the suitability warning: records a violation. */
export async function confirmPending(id: number | string): Promise<Attempt> {
  return unwrap(await loose.POST('/api/v1/training/attempts/{id}/confirm', attemptPath(id))) as Attempt
}

/** Withdraws the recommendation that raised the warning; nothing is recorded. */
export async function backFromPending(id: number | string): Promise<Attempt> {
  return unwrap(await loose.POST('/api/v1/training/attempts/{id}/back', attemptPath(id))) as Attempt
}

export async function getDebrief(id: number | string): Promise<Debrief> {
  return unwrap(await loose.GET('/api/v1/training/attempts/{id}/debrief', attemptPath(id))) as Debrief
}

// --- reviews: managers (training.review) and auditors (training.inspect, read only) ---

export interface ReviewRow extends AttemptSummary {
  user_id: number
  user_name: string
  branch_id: number
  branch_name: string
}

export interface ReviewFilter {
  branch_id?: number | null
  scenario_id?: string
  status?: AttemptStatus | ''
  page?: number
  page_size?: number
}

export interface Review {
  attempt: Attempt
  debrief: Debrief | null
  user_id: number
  user_name: string
  branch_name: string
  title: Text
  comments: Comment[] | null
}

export async function listReviews(f: ReviewFilter = {}): Promise<{ items: ReviewRow[]; total: number }> {
  const query: Record<string, string | number> = {}
  if (f.branch_id) query.branch_id = f.branch_id
  if (f.scenario_id) query.scenario_id = f.scenario_id
  if (f.status) query.status = f.status
  if (f.page) query.page = f.page
  if (f.page_size) query.page_size = f.page_size
  const r = unwrap(await loose.GET('/api/v1/training/reviews', { params: { query } })) as { items: ReviewRow[] | null; total: number }
  return { items: r.items ?? [], total: r.total ?? 0 }
}

export async function getReview(id: number | string): Promise<Review> {
  return unwrap(await loose.GET('/api/v1/training/reviews/{id}', attemptPath(id))) as Review
}

export async function addReviewComment(id: number | string, body: string): Promise<Comment> {
  return unwrap(await loose.POST('/api/v1/training/reviews/{id}/comments', { ...attemptPath(id), body: { body } })) as Comment
}
