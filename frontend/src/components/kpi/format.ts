// How KPI numbers read on screen (unit-tested in tests/kpi.spec.ts). A score the API could not
// compute (too few ratings, no metric left) is null and reads as "not enough data", never 0.

/** A 0–100 score with one decimal, or `notEnough` when there is none. */
export function formatScore(v: number | null | undefined, notEnough: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return notEnough
  return (Math.round(v * 10) / 10).toFixed(1)
}

/**
 * A metric's score, or `notEnough` when a person's sample is below the minimum. Branch metrics
 * carry no `enough`: their score is null when there is nothing to score.
 */
export function metricScoreText(m: { score: number | null; enough?: boolean }, notEnough: string): string {
  return m.enough === false ? notEnough : formatScore(m.score, notEnough)
}

/** A contribution to the composite (score × effective weight), "–" when it does not count. */
export function formatContribution(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  return (Math.round(v * 10) / 10).toFixed(1)
}

/**
 * A raw value in its unit: ratios (0–1) read as percent, star ratings keep two decimals,
 * points one, cents read as yuan; a business metric's own unit follows its number.
 */
export function formatRaw(raw: number | null | undefined, unit: string | undefined, locale: string): string {
  if (raw === null || raw === undefined || !Number.isFinite(raw)) return '–'
  const tag = locale === 'en' ? 'en' : 'zh-CN'
  switch (unit) {
    case 'ratio':
      return `${(Math.round(raw * 1000) / 10).toFixed(1)}%`
    case 'stars':
      return raw.toFixed(2)
    case 'points':
      return (Math.round(raw * 10) / 10).toFixed(1)
    case 'cents':
      return numberFormat(tag, 'yuan').format(raw / 100)
    default: {
      const n = numberFormat(tag, 'plain').format(raw)
      return unit ? `${n} ${unit}` : n
    }
  }
}

// Building a NumberFormat resolves its locale data; the metrics table formats a value per row on every render.
const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(tag: string, kind: 'yuan' | 'plain'): Intl.NumberFormat {
  const key = `${tag} ${kind}`
  let f = numberFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(tag, kind === 'yuan' ? { style: 'currency', currency: 'CNY' } : { maximumFractionDigits: 2 })
    numberFormats.set(key, f)
  }
  return f
}

/** "第 3 / 40 名" style rank text, or '' when the person is not ranked. */
export function rankParts(s: { rankable: boolean; rank: number | null; of: number }): { rank: number; of: number } | null {
  if (!s.rankable || s.rank === null || s.rank === undefined || !(s.of > 0)) return null
  return { rank: s.rank, of: s.of }
}
