// ECharts options of the KPI dashboards (radar breakdown, trend lines, branch ranking bars,
// distribution), each with an aria description that says in words what the chart shows; the
// pages also show the same numbers as a table. Unit-tested in tests/kpi.spec.ts.
import { CHART_COLORS, levelColor, wrappedCategoryLabel } from '@/components/training/charts'
import { formatScore } from './format'
import type { Bucket, ChildBranch, MetricScore, TrendPoint } from './types'

/** Green from 80, amber from 60, red below; grey when there is no score. */
export function kpiColor(v: number | null | undefined): string {
  if (v === null || v === undefined) return CHART_COLORS.info
  return levelColor(v, 60, 80)
}

export interface ChartLabels {
  title: string
  notEnough: string
  metric: (m: MetricScore) => string
}

/** The radar of a scorecard's metric scores (a metric without enough data sits at 0, and says so). */
export function radarOption(metrics: MetricScore[], l: ChartLabels, isPhone: boolean) {
  const names = metrics.map((m) => l.metric(m))
  const desc = metrics.map((m, i) => `${names[i]}: ${m.enough ? formatScore(m.score, l.notEnough) : l.notEnough}`).join('; ')
  return {
    aria: { enabled: true, label: { description: `${l.title}. ${desc}` } },
    animation: false,
    tooltip: { trigger: 'item' as const },
    radar: {
      radius: isPhone ? '50%' : '64%',
      indicator: names.map((name) => ({ name, min: 0, max: 100 })),
      axisName: { color: '#303133', fontSize: 12 },
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar' as const,
        name: l.title,
        symbolSize: 6,
        areaStyle: { opacity: 0.25 },
        data: [{ name: l.title, value: metrics.map((m) => (m.enough && m.score !== null ? Math.round(m.score * 10) / 10 : 0)) }],
      },
    ],
  }
}

export interface TrendLabels {
  title: string
  composite: string
  notEnough: string
}

/** The composite over the periods, oldest first; a period without one leaves a gap. */
export function trendOption(points: TrendPoint[], l: TrendLabels) {
  const ordered = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  const desc = ordered.map((p) => `${p.period}: ${formatScore(p.composite, l.notEnough)}`).join('; ')
  return {
    aria: { enabled: true, label: { description: `${l.title}. ${l.composite}: ${desc}` } },
    animation: false,
    tooltip: { trigger: 'axis' as const },
    grid: { left: 8, right: 16, top: 16, bottom: 16, containLabel: true },
    xAxis: { type: 'category' as const, data: ordered.map((p) => p.period), axisLabel: { color: '#303133' } },
    yAxis: { type: 'value' as const, min: 0, max: 100 },
    series: [
      {
        type: 'line' as const,
        name: l.composite,
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 3 },
        data: ordered.map((p) => (p.composite === null ? null : Math.round(p.composite * 10) / 10)),
      },
    ],
  }
}

export interface RankingLabels {
  title: string
  notEnough: string
}

/** Horizontal bars of the child branches' composites, best first; no score sorts last, drawn grey. */
export function rankingOption(children: ChildBranch[], l: RankingLabels, isPhone: boolean) {
  const rows = sortChildren(children)
  return {
    aria: {
      enabled: true,
      label: { description: `${l.title}. ${rows.map((c) => `${c.branch.name}: ${formatScore(c.composite, l.notEnough)}`).join('; ')}` },
    },
    animation: false,
    tooltip: { trigger: 'item' as const },
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value' as const, min: 0, max: 100, interval: isPhone ? 50 : 20 },
    yAxis: { type: 'category' as const, inverse: true, data: rows.map((c) => c.branch.name), axisLabel: wrappedCategoryLabel(isPhone ? 100 : 180) },
    series: [
      {
        type: 'bar' as const,
        name: l.title,
        barMaxWidth: 26,
        cursor: 'pointer',
        data: rows.map((c) => ({
          value: c.composite === null ? 0 : Math.round(c.composite * 10) / 10,
          name: c.branch.name,
          branchId: c.branch.id,
          itemStyle: { color: kpiColor(c.composite) },
          label: { show: true, position: 'right' as const, formatter: formatScore(c.composite, l.notEnough) },
        })),
      },
    ],
  }
}

/** Child branches best first; those without a composite last, then by name. */
export function sortChildren(children: ChildBranch[]): ChildBranch[] {
  return [...children].sort((a, b) => {
    if (a.composite === null && b.composite !== null) return 1
    if (b.composite === null && a.composite !== null) return -1
    if (a.composite !== null && b.composite !== null && a.composite !== b.composite) return b.composite - a.composite
    return a.branch.name.localeCompare(b.branch.name, 'zh-CN')
  })
}

/** "60–70" for a bucket. */
export function bucketLabel(b: Bucket): string {
  return `${b.from}–${b.to}`
}

/** Columns of how many people's composites fall in each score band. */
export function distributionOption(buckets: Bucket[], l: { title: string; people: string }) {
  return {
    aria: { enabled: true, label: { description: `${l.title}. ${buckets.map((b) => `${bucketLabel(b)}: ${b.count}`).join('; ')}` } },
    animation: false,
    tooltip: { trigger: 'item' as const },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, data: buckets.map(bucketLabel), axisLabel: { color: '#303133' } },
    yAxis: { type: 'value' as const, minInterval: 1, name: l.people },
    series: [
      {
        type: 'bar' as const,
        name: l.title,
        barMaxWidth: 40,
        label: { show: true, position: 'top' as const },
        data: buckets.map((b) => ({ value: b.count, itemStyle: { color: kpiColor((b.from + b.to) / 2) } })),
      },
    ],
  }
}
