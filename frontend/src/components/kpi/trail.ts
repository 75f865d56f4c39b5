// The drill-down path of the manager dashboard: the branch ids from the root of the user's
// scope to the branch shown, kept in the URL (?trail=3,7,12) so back/forward and shared links
// work (unit-tested in tests/kpi.spec.ts).

/** Ids from a `trail` query value; anything that is not a positive whole number is dropped. */
export function parseTrail(v: unknown): number[] {
  const s = Array.isArray(v) ? v[0] : v
  if (typeof s !== 'string' || s.trim() === '') return []
  return s
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
}

export function formatTrail(trail: readonly number[]): string {
  return trail.join(',')
}

/**
 * The trail to show: the one asked for when it starts at one of the user's scope roots, else
 * the first root alone (a hand-edited or stale link falls back to the user's own scope; the
 * server still decides what the user may see).
 */
export function effectiveTrail(asked: readonly number[], roots: readonly number[]): number[] {
  if (asked.length > 0 && roots.includes(asked[0])) return [...asked]
  return roots.length > 0 ? [roots[0]] : []
}

/** One step down: `child` appended, unless it is already the branch shown. */
export function drillInto(trail: readonly number[], child: number): number[] {
  if (trail.length > 0 && trail[trail.length - 1] === child) return [...trail]
  const at = trail.indexOf(child)
  if (at >= 0) return trail.slice(0, at + 1)
  return [...trail, child]
}

/** Back up to the crumb at `index` (0 is the scope root). */
export function upTo(trail: readonly number[], index: number): number[] {
  if (index < 0) return trail.slice(0, 1)
  return trail.slice(0, index + 1)
}

export interface Crumb {
  id: number
  name: string
  /** The last crumb: the branch on screen, not a link. */
  current: boolean
}

/** The breadcrumb: each id with its name (or `#id` while unknown). */
export function crumbs(trail: readonly number[], names: ReadonlyMap<number, string>): Crumb[] {
  return trail.map((id, i) => ({ id, name: names.get(id) || `#${id}`, current: i === trail.length - 1 }))
}
