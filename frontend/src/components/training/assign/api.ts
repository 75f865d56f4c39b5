// Calls of the training workflow: the assign dialog's dry run, retakes, reminders and
// comments on one turn, typed by the generated schema.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'

type S = components['schemas']
export type AssignPreview = S['AssignPreview']
export type Reminder = S['Reminder']
export type TurnComment = S['TurnComment']
export type RetakeBody = S['RetakeBody']
export type AssignBody = S['AssignBody']

/** What an assignment would do: how many it reaches, who has the scenario open already. */
export async function previewAssignments(body: AssignBody): Promise<AssignPreview> {
  return unwrap(await api.POST('/api/v1/training/assignments/preview', { body }))
}

export async function createRetake(body: RetakeBody) {
  return unwrap(await api.POST('/api/v1/training/assignments/retakes', { body }))
}

/** Reminds those not started; a 429 ApiError names when the next reminder is allowed. */
export async function remindAssignment(id: number): Promise<Reminder> {
  return unwrap(await api.POST('/api/v1/training/assignments/{id}/remind', { params: { path: { id } } }))
}

export async function listReviewComments(id: number | string): Promise<TurnComment[]> {
  return unwrap(await api.GET('/api/v1/training/reviews/{id}/comments', { params: { path: { id: Number(id) } } })).items ?? []
}

/** The coaching comments on one of my attempts, each with its turn. */
export async function listMyAttemptComments(id: number | string): Promise<TurnComment[]> {
  return unwrap(await api.GET('/api/v1/training/attempts/{id}/comments', { params: { path: { id: Number(id) } } })).items ?? []
}

export async function addTurnComment(id: number | string, turn: string, body: string): Promise<TurnComment> {
  return unwrap(await api.POST('/api/v1/training/reviews/{id}/turns/{turn_id}/comments', { params: { path: { id: Number(id), turn_id: turn } }, body: { body } }))
}
