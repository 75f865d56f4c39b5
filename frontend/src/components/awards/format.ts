// How award numbers read (unit-tested in format.spec.ts).

/** A composite kept in thousandths (e.g. 87654 → "87.65"); "–" when there is none. */
export function milliText(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  return (v / 1000).toFixed(digits)
}

/** One fact's value: a metric arrives as {value, sample} and reads "4.52 (n=30)". */
function factText(v: unknown): string {
  if (typeof v === 'boolean') return v ? '✓' : '✗'
  if (v === null || v === undefined) return '–'
  if (typeof v === 'number') return String(Math.round(v * 100) / 100)
  if (typeof v === 'object' && 'value' in v) {
    const m = v as { value?: unknown; sample?: unknown }
    const value = typeof m.value === 'number' ? String(Math.round(m.value * 100) / 100) : '–'
    return typeof m.sample === 'number' ? `${value} (n=${m.sample})` : value
  }
  return String(v)
}

/** A candidate's facts as "name: value" pairs, in a stable order. */
export function factPairs(facts: Record<string, unknown> | null | undefined, name: (code: string) => string): string[] {
  if (!facts) return []
  return Object.keys(facts)
    .sort()
    .map((k) => {
      return `${name(k)}: ${factText(facts[k])}`
    })
}
