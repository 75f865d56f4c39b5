// Calls of the careers area. Lists the API may send as null become empty arrays.
import { call, list } from '@/components/awards/http'
import type { Career, Level, ReadinessRow, Requirement, Track } from './types'

type Items<T> = { items?: T[] | null; total?: number }
const items = <T>(r: T[] | Items<T> | null | undefined): T[] => (Array.isArray(r) ? r : list(r?.items))

function normTrack(t: Track): Track {
  return { ...t, levels: list(t.levels).map((l) => ({ ...l, requirements: list(l.requirements) })) }
}
function normCareer(c: Career): Career {
  return { ...c, requirements: list(c.requirements), history: list(c.history) }
}

export const listTracks = async () => items(await call<Track[] | Items<Track>>('GET', '/career-tracks')).map(normTrack)
export const createTrack = (body: Pick<Track, 'code' | 'kind' | 'name_zh' | 'name_en'>) => call<Track>('POST', '/career-tracks', { body })
export const updateTrack = (id: number, body: Pick<Track, 'code' | 'kind' | 'name_zh' | 'name_en'>) => call<Track>('PUT', '/career-tracks/{id}', { path: { id }, body })

export type LevelInput = Omit<Level, 'id'>
export const createLevel = (trackId: number, body: LevelInput) => call<Level>('POST', '/career-tracks/{id}/levels', { path: { id: trackId }, body })
export const updateLevel = (trackId: number, levelId: number, body: LevelInput) =>
  call<Level>('PUT', '/career-tracks/{id}/levels/{level_id}', { path: { id: trackId, level_id: levelId }, body })
export type RequirementsInput = { requirements: Requirement[] }

export const myCareer = async () => normCareer(await call<Career>('GET', '/me/career'))
export const userCareer = async (id: number) => normCareer(await call<Career>('GET', '/users/{id}/career', { path: { id } }))
export const readiness = async (q: { branch_id?: number; track_id?: number }) => items(await call<ReadinessRow[] | Items<ReadinessRow>>('GET', '/careers/readiness', { query: q }))
export const promote = (userId: number, levelId: number, note: string) =>
  call<Career>('POST', '/users/{id}/career/promote', { path: { id: userId }, body: { level_id: levelId, note } })
export const moveTrack = (userId: number, trackId: number, levelId: number, note: string) =>
  call<Career>('POST', '/users/{id}/career/move', { path: { id: userId }, body: { track_id: trackId, level_id: levelId, note } })
export const setHiredOn = (userId: number, hiredOn: string) => call<unknown>('PUT', '/users/{id}/career/profile', { path: { id: userId }, body: { hired_on: hiredOn } })
