// Calls of the careers area. Lists the API may send as null become empty arrays.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import type { Career, Level, ReadinessRow, Requirement, Track } from './types'

type S = components['schemas']
const list = <T>(v: T[] | null | undefined): T[] => v ?? []

function normLevel(l: S['CareerLevelView']): Level {
  return { ...l, requirements: list(l.requirements).map((r) => ({ ...r, params: (r.params ?? {}) as Requirement['params'] })) }
}
function normCareer(c: S['CareerView']): Career {
  // Pointers in Go: null when not placed on a track, and next_level at the top of it.
  const next = c.next_level ? normLevel(c.next_level) : null
  return { ...c, track: c.track ?? null, level: c.level ?? null, requirements: list(c.requirements), history: list(c.history), next_level: next }
}

export type TrackInput = S['CareerTrackIn']
export type LevelInput = Omit<S['CareerLevelIn'], 'requirements'> & { requirements: Pick<Requirement, 'kind' | 'params'>[] }
const levelBody = (b: LevelInput): S['CareerLevelIn'] => ({ ...b, requirements: b.requirements.map((r) => ({ kind: r.kind, params: { ...r.params } })) })

export const listTracks = async (): Promise<Track[]> =>
  list(unwrap(await api.GET('/api/v1/career-tracks')).items).map((t) => ({ ...t, levels: list(t.levels).map(normLevel) }))
export const createTrack = async (body: TrackInput) => unwrap(await api.POST('/api/v1/career-tracks', { body }))
export const updateTrack = async (id: number, body: TrackInput) => unwrap(await api.PUT('/api/v1/career-tracks/{id}', { params: { path: { id } }, body }))
export const createLevel = async (trackId: number, body: LevelInput) =>
  normLevel(unwrap(await api.POST('/api/v1/career-tracks/{id}/levels', { params: { path: { id: trackId } }, body: levelBody(body) })))
export const updateLevel = async (levelId: number, body: LevelInput) =>
  normLevel(unwrap(await api.PUT('/api/v1/career-levels/{id}', { params: { path: { id: levelId } }, body: levelBody(body) })))

export const myCareer = async () => normCareer(unwrap(await api.GET('/api/v1/me/career')))
export const userCareer = async (id: number) => normCareer(unwrap(await api.GET('/api/v1/users/{id}/career', { params: { path: { id } } })))
export async function readiness(q: { branch_id?: number; track_id?: number }): Promise<{ items: ReadinessRow[]; ready: number }> {
  const r = unwrap(await api.GET('/api/v1/careers/readiness', { params: { query: q } }))
  return { items: list(r.items).map((i) => ({ ...i, missing: list(i.missing), next_level: i.next_level ?? null })), ready: r.ready }
}
export const promote = async (id: number, levelId: number, note: string) =>
  normCareer(unwrap(await api.POST('/api/v1/users/{id}/career/promote', { params: { path: { id } }, body: { level_id: levelId, note } })))
export const moveTrack = async (id: number, trackId: number, levelId: number, note: string) =>
  normCareer(unwrap(await api.POST('/api/v1/users/{id}/career/move', { params: { path: { id } }, body: { track_id: trackId, level_id: levelId, note } })))
export const setHiredOn = async (id: number, hiredOn: string) =>
  normCareer(unwrap(await api.PUT('/api/v1/users/{id}/career/profile', { params: { path: { id } }, body: { hired_on: hiredOn } })))
