// HR's scenario library: the routes under /api/v1/training/library and the validate route,
// called through the shared openapi-fetch client (CSRF and 401 middleware apply).
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import type { Attempt, Debrief, ScenarioDetail } from '@/components/training/api'
import type { Move } from './helpers'

export type LibraryEntry = components['schemas']['LibraryEntry']
export type LibraryVersion = components['schemas']['VersionView']
export type ScenarioCardOut = components['schemas']['ScenarioCard']
export type ProblemLocale = 'zh-CN' | 'en'

/** One position of a preview: the attempt as the sandbox shows it, the debrief once finished. */
export interface PreviewState {
  attempt: Attempt
  debrief: Debrief | null
  /** The version being previewed: persona card and product shelf (drafts included). */
  scenario?: ScenarioDetail | null
}

const keyPath = (key: string) => ({ params: { path: { key } } })
// The raw YAML body is sent as it is, not JSON-encoded.
const rawYaml = { bodySerializer: (b: unknown) => b as string, headers: { 'Content-Type': 'application/yaml' } }

/** The library; factsStale keeps the scenarios whose facts were last checked more than a year ago (or never). */
export async function listLibrary(factsStale = false): Promise<LibraryEntry[]> {
  return unwrap(await api.GET('/api/v1/training/library', { params: { query: factsStale ? { facts_stale: true } : {} } })).items ?? []
}

export type ScenarioWarning = components['schemas']['Problem']

/**
 * Checks a file and stores nothing; throws an ApiError (422 with `problems`) when invalid.
 * A valid file may come with warnings (what makes it easy to game), which do not stop saving.
 */
export async function validateYaml(yaml: string, locale: ProblemLocale): Promise<{ scenario: ScenarioCardOut; warnings: ScenarioWarning[] }> {
  const out = unwrap(await api.POST('/api/v1/training/scenarios/validate', { params: { query: { locale } }, body: yaml, ...rawYaml }))
  return { scenario: out.scenario, warnings: out.warnings ?? [] }
}

/** Saves a file as the draft of the scenario its id names. */
export async function uploadYaml(yaml: string, locale: ProblemLocale): Promise<LibraryEntry> {
  return unwrap(await api.POST('/api/v1/training/library', { params: { query: { locale } }, body: yaml, ...rawYaml }))
}

export async function cloneScenario(key: string, newKey: string, locale: ProblemLocale): Promise<LibraryEntry> {
  return unwrap(
    await api.POST('/api/v1/training/library/{key}/clone', { params: { path: { key }, query: { locale } }, body: { new_key: newKey } }),
  )
}

export async function publishScenario(key: string): Promise<LibraryEntry> {
  return unwrap(await api.POST('/api/v1/training/library/{key}/publish', keyPath(key)))
}

export async function retireScenario(key: string): Promise<LibraryEntry> {
  return unwrap(await api.POST('/api/v1/training/library/{key}/retire', keyPath(key)))
}

export async function setHidden(key: string, hidden: boolean): Promise<LibraryEntry> {
  return unwrap(await api.PUT('/api/v1/training/library/{key}/hidden', { ...keyPath(key), body: { hidden } }))
}

export async function listVersions(key: string): Promise<LibraryVersion[]> {
  return unwrap(await api.GET('/api/v1/training/library/{key}/versions', keyPath(key))).items ?? []
}

/** The YAML text of a scenario: version is "draft", a number, or "" for the newest. */
export async function fetchSource(key: string, version: string): Promise<string> {
  const r = await api.GET('/api/v1/training/library/{key}/source', {
    params: { path: { key }, query: version ? { version } : {} },
    parseAs: 'text',
  })
  return unwrap(r)
}

/** Replays `moves` on the scenario (nothing is recorded) and returns the position reached. */
export async function previewScenario(key: string, version: string, moves: Move[]): Promise<PreviewState> {
  return unwrap(await api.POST('/api/v1/training/library/{key}/preview', { ...keyPath(key), body: { version, moves } }))
}
