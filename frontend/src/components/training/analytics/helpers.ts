// Pure helpers of the scenario analytics page (unit-tested in tests/analytics.spec.ts): the
// overview's search and sort, and the chart options and rows built from the API's numbers.
import type { Product } from '@/components/training/api'
import { aboveTolerance, pickText } from '@/components/training/helpers'
import { CHART_COLORS, levelColor, wrappedCategoryLabel } from '@/components/training/charts'
import type { ChoiceStat, DimensionStat, EndingStat, ScenarioSummary, TurnStat, ViolationStat } from './api'

// ---------------------------------------------------------------- overview

export type SortKey = 'title' | 'attempts' | 'finished' | 'pass_rate' | 'avg_total' | 'last_taken'
export type SortOrder = 'ascending' | 'descending'
export const SORT_KEYS: readonly SortKey[] = ['attempts', 'finished', 'pass_rate', 'avg_total', 'last_taken', 'title']

export function isSortKey(v: unknown): v is SortKey {
  return typeof v === 'string' && (SORT_KEYS as readonly string[]).includes(v)
}

/** The scenario's title in `locale`, else its key (a scenario removed from the catalogue has no title). */
export function summaryTitle(s: Pick<ScenarioSummary, 'title' | 'scenario_key'>, locale: string): string {
  return pickText(s.title, locale) || s.scenario_key
}

/** The scenarios whose key or title (in any language) contains `query`, ignoring case and outer spaces. */
export function filterSummaries(items: ScenarioSummary[], query: string): ScenarioSummary[] {
  const q = query.trim().toLowerCase()
  if (!q) return items
  return items.filter((s) => s.scenario_key.toLowerCase().includes(q) || Object.values(s.title ?? {}).some((v) => (v ?? '').toLowerCase().includes(q)))
}

function sortValue(s: ScenarioSummary, key: SortKey, locale: string): number | string | null {
  switch (key) {
    case 'title':
      return summaryTitle(s, locale)
    case 'last_taken': {
      if (!s.last_taken) return null
      const ms = Date.parse(s.last_taken)
      return Number.isNaN(ms) ? null : ms
    }
    default:
      return s[key] ?? null
  }
}

/**
 * Sorts a copy by `key`: missing values (no finished attempt, no date) always last, ties by
 * attempts (most first) then key, so the order is stable whatever the API sent.
 */
export function sortSummaries(items: ScenarioSummary[], key: SortKey, order: SortOrder, locale: string): ScenarioSummary[] {
  const dir = order === 'ascending' ? 1 : -1
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN')
  return [...items].sort((a, b) => {
    const va = sortValue(a, key, locale)
    const vb = sortValue(b, key, locale)
    if (va === null && vb !== null) return 1
    if (vb === null && va !== null) return -1
    if (va !== null && vb !== null && va !== vb) {
      const c = typeof va === 'string' || typeof vb === 'string' ? collator.compare(String(va), String(vb)) : (va as number) - (vb as number)
      if (c !== 0) return c * dir
    }
    if (a.attempts !== b.attempts) return b.attempts - a.attempts
    return a.scenario_key < b.scenario_key ? -1 : a.scenario_key > b.scenario_key ? 1 : 0
  })
}

/** Total attempts of the listed scenarios. */
export function totalAttempts(items: ScenarioSummary[]): number {
  return items.reduce((n, s) => n + s.attempts, 0)
}

// ---------------------------------------------------------------- numbers

/** "66.7%" for 66.7, "100%" for 100, "–" when there is nothing to divide by. */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  return `${Math.round(v * 10) / 10}%`
}

/** `n` of `of` in percent with one decimal; 0 when `of` is 0. */
export function shareOf(n: number, of: number): number {
  if (!of) return 0
  return Math.round((1000 * n) / of) / 10
}

/** The version asked for in the URL: a whole number ≥ 1, else 0 (the newest with attempts). */
export function parseVersion(v: unknown): number {
  const s = Array.isArray(v) ? v[0] : v
  const n = Number(s)
  return Number.isInteger(n) && n > 0 ? n : 0
}

/** The CSV export of a scenario version (same origin: the session cookie goes with the GET). */
export function exportHref(key: string, version: number): string {
  const base = `/api/v1/training/analytics/${encodeURIComponent(key)}/export`
  return version > 0 ? `${base}?version=${version}` : base
}

// ---------------------------------------------------------------- charts

/** Colours of the ending kinds: green resolved, amber escalated, grey left, red complaint. */
export const ENDING_COLORS: Record<string, string> = {
  resolved: CHART_COLORS.success,
  escalated: CHART_COLORS.warning,
  customer_left: CHART_COLORS.info,
  complaint_filed: CHART_COLORS.danger,
}
export const OTHER_ENDING_COLOR = CHART_COLORS.primary

export function endingColor(kind: string): string {
  return ENDING_COLORS[kind] ?? OTHER_ENDING_COLOR
}

/** Green from 80, amber from 60, red below: the colour of an average score. */
export function scoreColor(v: number): string {
  return levelColor(v, 60, 80)
}

/** Pixel height of a horizontal bar chart with `rows` bars of `perRow` px. */
export function barChartHeight(rows: number, perRow = 48, min = 160): number {
  return Math.max(min, rows * perRow + 56)
}

export interface EndingLabels {
  title: (e: EndingStat) => string
  kind: (kind: string) => string
  chartTitle: string
  axis: string
}

/** "Title · kind: 3 (60%); …": what the endings chart shows, for screen readers. */
export function endingsDescription(endings: EndingStat[], l: EndingLabels): string {
  const finished = endings.reduce((n, e) => n + e.count, 0)
  const parts = endings.map((e) => `${l.title(e)} · ${l.kind(e.kind)}: ${e.count} (${formatPercent(shareOf(e.count, finished))})`)
  return `${l.chartTitle}. ${parts.join('; ')}`
}

/** Horizontal bars of how many finished attempts reached each ending, coloured by its kind. */
export function endingsChartOption(endings: EndingStat[], l: EndingLabels, isPhone: boolean) {
  const finished = endings.reduce((n, e) => n + e.count, 0)
  return {
    aria: { enabled: true, label: { description: endingsDescription(endings, l) } },
    animation: false,
    tooltip: { trigger: 'item' as const },
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value' as const, minInterval: 1, name: l.axis, nameLocation: 'middle' as const, nameGap: 24 },
    yAxis: {
      type: 'category' as const,
      inverse: true,
      data: endings.map((e) => l.title(e)),
      axisLabel: wrappedCategoryLabel(isPhone ? 110 : 220),
    },
    series: [
      {
        type: 'bar' as const,
        name: l.chartTitle,
        barMaxWidth: 28,
        data: endings.map((e) => ({
          value: e.count,
          name: `${l.title(e)} · ${l.kind(e.kind)}`,
          itemStyle: { color: endingColor(e.kind) },
          label: { show: true, position: 'right' as const, formatter: `${e.count} · ${formatPercent(shareOf(e.count, finished))}` },
        })),
      },
    ],
  }
}

export interface DimensionLabels {
  dimension: (d: string) => string
  chartTitle: string
  average: string
}

/** Horizontal bars (0–100) of each rubric dimension's average, coloured by level. */
export function dimensionsChartOption(dims: DimensionStat[], l: DimensionLabels, isPhone: boolean) {
  const names = dims.map((d) => l.dimension(d.dimension))
  return {
    aria: {
      enabled: true,
      label: { description: `${l.chartTitle}. ${dims.map((d, i) => `${names[i]}: ${d.average}`).join('; ')}` },
    },
    animation: false,
    tooltip: { trigger: 'item' as const },
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value' as const, min: 0, max: 100, interval: isPhone ? 50 : 20 },
    yAxis: {
      type: 'category' as const,
      inverse: true,
      data: names,
      axisLabel: wrappedCategoryLabel(isPhone ? 90 : 160),
    },
    series: [
      {
        type: 'bar' as const,
        name: l.average,
        barMaxWidth: 24,
        label: { show: true, position: 'right' as const },
        data: dims.map((d, i) => ({ value: d.average, name: names[i], itemStyle: { color: scoreColor(d.average) } })),
      },
    ],
  }
}

// ---------------------------------------------------------------- turns

/** A, B, … Z, then 27, 28…: the label of the i-th reply. */
export function choiceLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : String(i + 1)
}

export interface ChoiceRow {
  id: string
  letter: string
  text: string
  count: number
  share: number
  /** The product the reply recommends ('' when none). */
  recommends: string
  product: Product | null
  /** The recommended product is rated above the customer's tolerance. */
  above: boolean
  /** The most taken reply at the turn (several when tied; none when nobody answered). */
  top: boolean
}

/** The replies of a turn as rows for the bars, with the product each one recommends. */
export function choiceRows(choices: ChoiceStat[], locale: string, products: Product[] = [], tolerance = ''): ChoiceRow[] {
  const max = Math.max(0, ...choices.map((c) => c.count))
  return choices.map((c, i) => {
    const product = c.recommends ? (products.find((p) => p.id === c.recommends) ?? null) : null
    return {
      id: c.id,
      letter: choiceLetter(i),
      text: pickText(c.text, locale),
      count: c.count,
      share: c.share,
      recommends: c.recommends ?? '',
      product,
      above: !!product && aboveTolerance(product.risk, tolerance),
      top: max > 0 && c.count === max,
    }
  })
}

/** Violations counted per turn id. */
export function violationsByTurn(violations: ViolationStat[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of violations) out[v.turn] = (out[v.turn] ?? 0) + v.count
  return out
}

/** Turn id → its number (1-based, in the scenario's order). */
export function turnNumbers(turns: Pick<TurnStat, 'id'>[]): Record<string, number> {
  const out: Record<string, number> = {}
  turns.forEach((t, i) => (out[t.id] = i + 1))
  return out
}

/** The turns to show: all, or only those somebody answered. */
export function visibleTurns<T extends Pick<TurnStat, 'answers'>>(turns: T[], hideUnreached: boolean): T[] {
  return hideUnreached ? turns.filter((t) => t.answers > 0) : turns
}
