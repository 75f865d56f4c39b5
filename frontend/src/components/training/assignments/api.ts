// Calls of the assignment pages, the inbox and the bell, typed by the generated schema.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import type { AssignStatus } from './helpers'

type S = components['schemas']
export type AssignmentView = S['AssignmentView']
export type AssignmentProgress = S['AssignmentProgress']
export type BranchStats = S['BranchStats']
export type PersonStatus = S['PersonStatus']
export type InboxItem = S['InboxItem']
export type AssignBody = S['AssignBody']
export type Notification = S['Notification']
export type Audience = AssignBody['audience']
export const AUDIENCES: readonly Audience[] = ['subtree', 'role', 'users']

export async function listAssignments(programme?: string): Promise<AssignmentView[]> {
  const r = unwrap(await api.GET('/api/v1/training/assignments', { params: { query: { programme: programme || undefined } } }))
  return r.items ?? []
}

/** Programme names reaching my branches, the one due latest first. */
export async function listProgrammes(): Promise<string[]> {
  const r = unwrap(await api.GET('/api/v1/training/programmes'))
  return (r.items ?? []).map((p) => p.name)
}

export async function createAssignments(body: AssignBody): Promise<AssignmentView[]> {
  return unwrap(await api.POST('/api/v1/training/assignments', { body })).items ?? []
}

/** One page of people, with their status or all (status ''). */
export interface PeoplePage {
  status: AssignStatus | 'failed' | ''
  page: number
  pageSize: number
}

export async function getProgress(id: number, people: PeoplePage): Promise<AssignmentProgress> {
  const query = { status: people.status, page: people.page, page_size: people.pageSize }
  return unwrap(await api.GET('/api/v1/training/assignments/{id}', { params: { path: { id }, query } }))
}

export async function cancelAssignment(id: number): Promise<AssignmentView> {
  return unwrap(await api.POST('/api/v1/training/assignments/{id}/cancel', { params: { path: { id } } }))
}

export async function getInbox(): Promise<{ items: InboxItem[]; counts: Record<string, number> }> {
  const r = unwrap(await api.GET('/api/v1/training/inbox'))
  return { items: r.items ?? [], counts: r.counts ?? {} }
}

/** One page of my notifications, newest first, with the filter's total and the unread count. */
export async function listNotificationPage(unread: boolean, page: number, pageSize: number) {
  const r = unwrap(await api.GET('/api/v1/notifications', { params: { query: { unread, page, limit: pageSize } } }))
  return { items: r.items ?? [], total: r.total ?? 0, unread: r.unread ?? 0 }
}

/** The bell's newest notifications and the unread count. */
export async function listNotifications(limit = 10): Promise<{ items: Notification[]; unread: number }> {
  return listNotificationPage(false, 1, limit)
}

export async function markRead(id: number): Promise<void> {
  unwrap(await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }))
}

export async function markAllRead(): Promise<void> {
  unwrap(await api.POST('/api/v1/notifications/read-all'))
}

/** People under a branch whose name, user name or code matches `q` (for the people picker). */
export async function searchPeople(q: string, branchId: number | null) {
  const r = unwrap(
    await api.GET('/api/v1/users', {
      params: { query: { q: q.trim() || undefined, branch_id: branchId ?? undefined, status: 'active', page_size: 50 } },
    }),
  )
  return r.items ?? []
}
