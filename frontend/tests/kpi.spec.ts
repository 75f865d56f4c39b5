import { describe, expect, it } from 'vitest'
import { formatContribution, formatRaw, formatScore, metricScoreText, rankParts } from '@/components/kpi/format'
import { parsePeriodQuery, periodKeyOf, periodKind, recentPeriods, shiftPeriod } from '@/components/kpi/periods'
import { crumbs, drillInto, effectiveTrail, formatTrail, parseTrail, upTo } from '@/components/kpi/trail'
import { blankMetric, duplicateMetrics, weightsState, weightsTotal } from '@/components/kpi/scheme'
import { distributionOption, radarOption, rankingOption, sortChildren, trendOption } from '@/components/kpi/charts'
import { scopeRoots } from '@/components/kpi/scope'
import type { ChildBranch, MetricScore } from '@/components/kpi/types'

const NE = '数据不足'

describe('KPI numbers', () => {
  it('reads a missing score as "not enough data", never as 0', () => {
    expect(formatScore(null, NE)).toBe(NE)
    expect(formatScore(undefined, NE)).toBe(NE)
    expect(formatScore(Number.NaN, NE)).toBe(NE)
    expect(formatScore(0, NE)).toBe('0.0')
    expect(formatScore(83.44, NE)).toBe('83.4')
    expect(formatScore(83.45, NE)).toBe('83.5')
  })

  it('reads a metric below its minimum sample as not enough data even when a score came with it', () => {
    expect(metricScoreText({ score: 91, enough: false }, NE)).toBe(NE)
    expect(metricScoreText({ score: 91, enough: true }, NE)).toBe('91.0')
    expect(metricScoreText({ score: null, enough: true }, NE)).toBe(NE)
  })

  it('reads a branch metric (no per-person sample rule) by its score alone', () => {
    expect(metricScoreText({ score: 72.04 }, NE)).toBe('72.0')
    expect(metricScoreText({ score: null }, NE)).toBe(NE)
  })

  it('shows a contribution that does not count as a dash', () => {
    expect(formatContribution(null)).toBe('–')
    expect(formatContribution(12.345)).toBe('12.3')
  })

  it('formats raw values by unit: rates as percent, ratings with two decimals, cents as yuan', () => {
    expect(formatRaw(0.8765, 'ratio', 'zh-CN')).toBe('87.7%')
    expect(formatRaw(4.8, 'stars', 'zh-CN')).toBe('4.80')
    expect(formatRaw(123456, 'cents', 'en')).toBe('CN¥1,234.56')
    expect(formatRaw(null, 'ratio', 'zh-CN')).toBe('–')
    expect(formatRaw(12, undefined, 'en')).toBe('12')
    expect(formatRaw(87.25, 'points', 'en')).toBe('87.3')
    expect(formatRaw(3, '笔', 'zh-CN')).toBe('3 笔')
  })

  it('ranks only rankable people with a rank', () => {
    expect(rankParts({ rankable: true, rank: 3, of: 40 })).toEqual({ rank: 3, of: 40 })
    expect(rankParts({ rankable: false, rank: 3, of: 40 })).toBeNull()
    expect(rankParts({ rankable: true, rank: null, of: 40 })).toBeNull()
  })
})

describe('KPI periods', () => {
  it('knows the three kinds of key and nothing else', () => {
    expect(periodKind('2026-11')).toBe('month')
    expect(periodKind('2026-Q4')).toBe('quarter')
    expect(periodKind('2026')).toBe('year')
    expect(periodKind('2026-13')).toBeNull()
    expect(periodKind('2026-Q5')).toBeNull()
    expect(periodKind('')).toBeNull()
  })

  it('takes the period in the tenant zone: 17:00 UTC on 30 November is December in Shanghai', () => {
    const d = new Date('2026-11-30T17:00:00Z')
    expect(periodKeyOf(d, 'month', 'Asia/Shanghai')).toBe('2026-12')
    expect(periodKeyOf(d, 'month', 'UTC')).toBe('2026-11')
    expect(periodKeyOf(d, 'quarter', 'Asia/Shanghai')).toBe('2026-Q4')
    expect(periodKeyOf(new Date('2026-12-31T16:30:00Z'), 'year', 'Asia/Shanghai')).toBe('2027')
  })

  it('steps back across year ends', () => {
    expect(shiftPeriod('2026-01', 1)).toBe('2025-12')
    expect(shiftPeriod('2026-12', -1)).toBe('2027-01')
    expect(shiftPeriod('2026-Q1', 1)).toBe('2025-Q4')
    expect(shiftPeriod('2026', 2)).toBe('2024')
    expect(recentPeriods(new Date('2026-02-10T00:00:00Z'), 'month', 3, 'UTC')).toEqual(['2026-02', '2026-01', '2025-12'])
  })

  it('falls back from a malformed period in the URL', () => {
    expect(parsePeriodQuery('2026-Q2', 'x')).toBe('2026-Q2')
    expect(parsePeriodQuery('June', '2026-06')).toBe('2026-06')
    expect(parsePeriodQuery(['2025'], 'x')).toBe('2025')
  })
})

describe('drill-down breadcrumb', () => {
  it('parses ids and drops what is not a positive whole number', () => {
    expect(parseTrail('1,5, 12')).toEqual([1, 5, 12])
    expect(parseTrail('1,x,-3,0,2.5,7')).toEqual([1, 7])
    expect(parseTrail(undefined)).toEqual([])
    expect(formatTrail([1, 5])).toBe('1,5')
  })

  it('starts at a root of the user scope, else at the first root', () => {
    expect(effectiveTrail([2, 9], [2])).toEqual([2, 9])
    expect(effectiveTrail([3, 9], [2])).toEqual([2])
    expect(effectiveTrail([], [2, 4])).toEqual([2])
    expect(effectiveTrail([5], [])).toEqual([])
  })

  it('goes one step down, and a second click on the same branch stays', () => {
    expect(drillInto([2], 9)).toEqual([2, 9])
    expect(drillInto([2, 9], 9)).toEqual([2, 9])
    expect(drillInto([2, 9, 11], 9)).toEqual([2, 9])
  })

  it('goes back up to the crumb picked, never above the root', () => {
    expect(upTo([2, 9, 11], 0)).toEqual([2])
    expect(upTo([2, 9, 11], 1)).toEqual([2, 9])
    expect(upTo([2, 9, 11], -1)).toEqual([2])
  })

  it('names each crumb and marks only the last as current', () => {
    const c = crumbs([2, 9], new Map([[2, '北方分行']]))
    expect(c).toEqual([
      { id: 2, name: '北方分行', current: false },
      { id: 9, name: '#9', current: true },
    ])
  })

  it('takes the scope roots from the manager and HR grants, each once', () => {
    const roots = scopeRoots([
      { role: 'employee', branch_id: 7, branch_name: '朝阳支行' },
      { role: 'manager', branch_id: 2, branch_name: '北方分行' },
      { role: 'hr', branch_id: 2, branch_name: '北方分行' },
    ])
    expect(roots).toEqual([{ id: 2, name: '北方分行' }])
  })
})

describe('scheme weights', () => {
  it('sums the weights live and says how far from 100 they are', () => {
    const rows = [{ weight_pct: 40 }, { weight_pct: 35 }, { weight_pct: 25 }]
    expect(weightsTotal(rows)).toBe(100)
    expect(weightsState(100)).toBe('ok')
    expect(weightsState(weightsTotal(rows.slice(1)))).toBe('under')
    expect(weightsState(weightsTotal([...rows, { weight_pct: 5 }]))).toBe('over')
    expect(weightsTotal([{ weight_pct: Number.NaN }, { weight_pct: 10 }])).toBe(10)
  })

  it('finds a metric chosen twice', () => {
    expect(duplicateMetrics([{ metric: 'satisfaction' }, { metric: 'complaint_rate' }, { metric: 'satisfaction' }, { metric: '' }, { metric: '' }])).toEqual(['satisfaction'])
  })

  it('gives the complaint rate "lower is better" with the floor at the bad end', () => {
    const m = blankMetric('complaint_rate')
    expect(m.direction).toBe('lower')
    expect(m.floor).toBeGreaterThan(m.target)
    expect(blankMetric('satisfaction').direction).toBe('higher')
  })
})

const metric = (k: string, score: number | null, enough = true): MetricScore => ({
  metric: k,
  label: k,
  raw: null,
  raw_unit: 'points',
  sample: 3,
  enough,
  score,
  weight_pct: 50,
  effective_pct: 50,
  contribution: null,
})
const child = (id: number, name: string, composite: number | null): ChildBranch => ({
  branch: { id, name, code: `b${id}` },
  composite,
  people: 1,
  rankable: 1,
  ratings: 1,
  metrics: [],
})

describe('KPI charts', () => {
  it('describes the radar in words, with not enough data said as such', () => {
    const o = radarOption([metric('a', 80), metric('b', 55, false)], { title: '雷达', notEnough: NE, metric: (m) => m.metric }, false)
    expect(o.aria.label.description).toBe(`雷达. a: 80.0; b: ${NE}`)
    expect(o.series[0].data[0].value).toEqual([80, 0])
  })

  it('ranks child branches best first, those without a score last, and keeps their ids for the drill-down', () => {
    const kids = [child(1, '乙', null), child(2, '甲', 70), child(3, '丙', 90)]
    expect(sortChildren(kids).map((c) => c.branch.id)).toEqual([3, 2, 1])
    const o = rankingOption(kids, { title: '排名', notEnough: NE }, false)
    expect(o.series[0].data.map((d) => d.branchId)).toEqual([3, 2, 1])
    expect(o.aria.label.description).toContain(`乙: ${NE}`)
  })

  it('draws the trend oldest first and leaves a gap where there is no composite', () => {
    const o = trendOption(
      [
        { period: '2026-11', composite: 80, rankable: true, ratings: 30 },
        { period: '2026-10', composite: null, rankable: false, ratings: 2 },
      ],
      { title: '走势', composite: '综合', notEnough: NE },
    )
    expect(o.xAxis.data).toEqual(['2026-10', '2026-11'])
    expect(o.series[0].data).toEqual([null, 80])
  })

  it('labels the distribution bands', () => {
    const o = distributionOption([{ from: 60, to: 70, count: 4 }], { title: '分布', people: '人数' })
    expect(o.xAxis.data).toEqual(['60–70'])
    expect(o.aria.label.description).toBe('分布. 60–70: 4')
  })
})
