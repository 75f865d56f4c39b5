// How award numbers read (unit-tested in format.spec.ts).

/** A composite kept in thousandths (e.g. 87654 → "87.65"); "–" when there is none. */
export function milliText(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  return (v / 1000).toFixed(digits)
}

/** A candidate's facts as "name: value" pairs, in a stable order. */
export function factPairs(facts: Record<string, unknown> | null | undefined, name: (code: string) => string): string[] {
  if (!facts) return []
  return Object.keys(facts)
    .sort()
    .map((k) => {
      const v = facts[k]
      const text = typeof v === 'boolean' ? (v ? '✓' : '✗') : v === null || v === undefined ? '–' : String(v)
      return `${name(k)}: ${text}`
    })
}
