// Pure helpers of the scenario library and its preview (unit-tested in tests/library.spec.ts).
import { ApiError } from '@/api/errors'
import type { Text } from '@/components/training/api'

// --- preview moves -------------------------------------------------------------------------

/** One reply in a preview replay, as the preview route takes it. */
export interface Move {
  kind: 'choose' | 'answer' | 'confirm' | 'back'
  choice_id?: string
  text?: string
}

/** The preview route takes at most this many moves. */
export const MAX_MOVES = 200

/**
 * The move list after `move`. Going back from the suitability warning undoes the choice
 * that raised it (the engine just clears the pending recommendation), so the pair is
 * dropped instead of kept: the list stays the shortest replay of the position.
 */
export function pushMove(moves: readonly Move[], move: Move): Move[] {
  if (move.kind === 'back' && moves.length > 0 && moves[moves.length - 1].kind === 'choose') return moves.slice(0, -1)
  return [...moves, move]
}

/**
 * The move list with the last reply taken back. A confirmed warning goes with the choice
 * that raised it, so one undo is always one turn.
 */
export function undoMove(moves: readonly Move[]): Move[] {
  if (moves.length === 0) return []
  const last = moves[moves.length - 1]
  const n = last.kind === 'confirm' && moves.length >= 2 && moves[moves.length - 2].kind === 'choose' ? 2 : 1
  return moves.slice(0, moves.length - n)
}

/** Turns a stored value back into a move list; anything malformed reads as no moves. */
export function parseMoves(raw: string | null | undefined): Move[] {
  if (!raw) return []
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(v) || v.length > MAX_MOVES) return []
  const out: Move[] = []
  for (const m of v) {
    if (!m || typeof m !== 'object') return []
    const { kind, choice_id, text } = m as Record<string, unknown>
    if (kind === 'choose' && typeof choice_id === 'string' && choice_id) out.push({ kind, choice_id })
    else if (kind === 'answer' && typeof text === 'string' && text.trim()) out.push({ kind, text })
    else if (kind === 'confirm' || kind === 'back') out.push({ kind })
    else return []
  }
  return out
}

/** The session-storage key of a preview's moves. */
export function movesStorageKey(key: string, version: string): string {
  return `ss_library_preview:${key}:${version || 'newest'}`
}

// --- scenario file problems ----------------------------------------------------------------

/** One problem of a scenario file, as the validate and upload routes list them (422). */
export interface ScenarioProblem {
  file?: string
  line?: number
  path?: string
  turn?: string
  code: string
  message: string
  args?: Record<string, string>
}

/** The problems of a 422 about a scenario file; [] for any other failure. */
export function scenarioProblems(e: unknown): ScenarioProblem[] {
  if (!(e instanceof ApiError) || e.status !== 422) return []
  const list = (e.problem as { problems?: unknown }).problems
  if (!Array.isArray(list)) return []
  return list
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .map((p) => ({
      file: typeof p.file === 'string' ? p.file : undefined,
      line: typeof p.line === 'number' && p.line > 0 ? p.line : undefined,
      path: typeof p.path === 'string' && p.path ? p.path : undefined,
      turn: typeof p.turn === 'string' && p.turn ? p.turn : undefined,
      code: typeof p.code === 'string' ? p.code : '',
      message: typeof p.message === 'string' ? p.message : '',
      args: p.args && typeof p.args === 'object' ? (p.args as Record<string, string>) : undefined,
    }))
    .sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER))
}

/** "line 12 · t3 · turns[2].choices[0].next": where a problem is, for a one-line summary. */
export function problemWhere(p: ScenarioProblem, lineLabel: (n: number) => string): string {
  return [p.line ? lineLabel(p.line) : '', p.turn ?? '', p.path ?? ''].filter(Boolean).join(' · ')
}

// --- ids -----------------------------------------------------------------------------------

export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const KEY_MIN = 3
export const KEY_MAX = 100

export type KeyError = 'required' | 'pattern' | 'length' | 'taken'

/** Why `key` cannot be the id of a new scenario, or null when it can (as far as the client knows). */
export function keyError(key: string, taken: Iterable<string> = []): KeyError | null {
  if (!key) return 'required'
  if (key.length < KEY_MIN || key.length > KEY_MAX) return 'length'
  if (!KEY_PATTERN.test(key)) return 'pattern'
  for (const k of taken) if (k === key) return 'taken'
  return null
}

/** `<key>-copy`, or `<key>-copy-2`, `-3`… when that is taken; cut to fit the 100 characters. */
export function suggestCloneKey(key: string, taken: Iterable<string> = []): string {
  const used = new Set(taken)
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`
    const base = key.slice(0, KEY_MAX - suffix.length).replace(/-+$/, '')
    const candidate = `${base}${suffix}`
    if (!used.has(candidate)) return candidate
  }
}

// --- library entries -----------------------------------------------------------------------

export type Source = 'builtin' | 'tenant'
export type Status = 'draft' | 'published' | 'retired' | 'hidden'

/** The fields of a library entry these helpers read. */
export interface EntryLike {
  key: string
  source: Source
  status: Status
  title: Text
  published_version: number
  draft_version: number
}

export type LibraryAction = 'preview' | 'clone' | 'publish' | 'retire' | 'hide' | 'show' | 'download' | 'versions'

/** What HR may do with an entry: built-in ones are hidden or shown, the bank's own published or retired. */
export function entryActions(e: EntryLike): LibraryAction[] {
  const out: LibraryAction[] = ['preview', 'clone']
  if (e.source === 'builtin') out.push(e.status === 'hidden' ? 'show' : 'hide')
  else {
    if (e.draft_version > 0) out.push('publish')
    if (e.status === 'published') out.push('retire')
  }
  out.push('download')
  if (e.source === 'tenant') out.push('versions')
  return out
}

/** The version the library previews and downloads: the draft when there is one, else the published one. */
export function defaultVersion(e: EntryLike): string {
  if (e.source === 'tenant' && e.draft_version > 0) return 'draft'
  return e.published_version > 0 ? String(e.published_version) : ''
}

export interface EntryFilter {
  source: Source | ''
  status: Status | ''
  q: string
}

/** The entries matching the filter; the search looks at the id and the title in every language. */
export function filterEntries<T extends EntryLike>(entries: readonly T[], f: EntryFilter): T[] {
  const q = f.q.trim().toLowerCase()
  return entries.filter(
    (e) =>
      (!f.source || e.source === f.source) &&
      (!f.status || e.status === f.status) &&
      (!q || e.key.includes(q) || Object.values(e.title ?? {}).some((v) => v?.toLowerCase().includes(q))),
  )
}

/** The bank's own scenarios first (that is what HR works on), each group in the server's order. */
export function sortEntries<T extends EntryLike>(entries: readonly T[]): T[] {
  return [...entries.filter((e) => e.source === 'tenant'), ...entries.filter((e) => e.source !== 'tenant')]
}

/** A file name for a downloaded scenario: `key.yaml`, `key-v2.yaml` or `key-draft.yaml`. */
export function sourceFilename(key: string, version: string): string {
  if (!version) return `${key}.yaml`
  return version === 'draft' ? `${key}-draft.yaml` : `${key}-v${version}.yaml`
}

/** YAML files only: .yaml or .yml. */
export function isYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name.trim())
}

/** The server refuses bodies above 1 MiB (413). */
export const MAX_YAML_BYTES = 1 << 20

/** The size in bytes of `text` as UTF-8. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length
}

/**
 * True when the sandbox catalogue serves exactly the version being previewed, so its
 * persona and products (GET /training/scenarios/{id}) are the right ones to show beside it.
 */
export function catalogueServes(e: EntryLike | null | undefined, version: string): boolean {
  if (!e || e.status !== 'published' || e.published_version <= 0) return false
  if (version === '') return e.source === 'builtin' || e.draft_version === 0
  return version === String(e.published_version)
}

/**
 * Whether facts last checked on `day` (YYYY-MM-DD) are more than a year old at `now` (ms): the
 * same rule as the server's facts_stale filter (app/training/library FactsStale).
 */
export function factsAreStale(day: string, now: number): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return true
  const today = new Date(now)
  const yearAgo = Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate())
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) < yearAgo
}
