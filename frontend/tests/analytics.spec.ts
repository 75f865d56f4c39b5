import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { i18n, setLocale } from '@/i18n'
import type { Product } from '@/components/training/api'
import { normalizeAnalytics, type ChoiceStat, type EndingStat, type ScenarioSummary, type TurnStat } from '@/components/training/analytics/api'
import {
  barChartHeight,
  choiceLetter,
  choiceRows,
  dimensionsChartOption,
  endingColor,
  endingsChartOption,
  endingsDescription,
  exportHref,
  filterSummaries,
  formatPercent,
  isSortKey,
  parseVersion,
  scoreColor,
  shareOf,
  sortSummaries,
  summaryTitle,
  totalAttempts,
  turnNumbers,
  violationsByTurn,
  visibleTurns,
} from '@/components/training/analytics/helpers'
import TurnBreakdown from '@/components/training/analytics/TurnBreakdown.vue'
import ViolationsTable from '@/components/training/analytics/ViolationsTable.vue'
import AnalyticsOverview from '@/components/training/analytics/AnalyticsOverview.vue'

const summary = (key: string, over: Partial<ScenarioSummary> = {}): ScenarioSummary => ({
  scenario_key: key,
  title: { 'zh-CN': `场景${key}`, en: `Scenario ${key}` },
  attempts: 1,
  finished: 1,
  passed: 1,
  pass_rate: 100,
  avg_total: 80,
  last_taken: '2026-01-01T00:00:00Z',
  near_misses: 0,
  ...over,
})

const items: ScenarioSummary[] = [
  summary('b', { title: { 'zh-CN': '乙', en: 'Bravo' }, attempts: 5, finished: 4, pass_rate: 50, avg_total: 70, last_taken: '2026-03-01T00:00:00Z' }),
  summary('a', { title: { 'zh-CN': '甲', en: 'Alpha' }, attempts: 5, finished: 0, pass_rate: null, avg_total: null, last_taken: '2026-04-01T00:00:00Z' }),
  summary('c', { title: { 'zh-CN': '丙', en: 'Charlie' }, attempts: 9, finished: 9, pass_rate: 88.9, avg_total: 91.5, last_taken: null }),
]
const keys = (xs: ScenarioSummary[]) => xs.map((x) => x.scenario_key)

describe('overview: search and sort', () => {
  it('titles a scenario in the locale, else by its key', () => {
    expect(summaryTitle(items[0], 'en')).toBe('Bravo')
    expect(summaryTitle(items[0], 'zh-CN')).toBe('乙')
    expect(summaryTitle({ scenario_key: 'gone', title: {} }, 'en')).toBe('gone')
  })

  it('searches keys and titles in either language, ignoring case', () => {
    expect(keys(filterSummaries(items, '  ALPHA '))).toEqual(['a'])
    expect(keys(filterSummaries(items, '丙'))).toEqual(['c'])
    expect(keys(filterSummaries(items, 'b'))).toEqual(['b'])
    expect(filterSummaries(items, '')).toBe(items)
    expect(filterSummaries(items, 'nothing')).toEqual([])
  })

  it('sorts numbers both ways and keeps missing values last', () => {
    expect(keys(sortSummaries(items, 'pass_rate', 'descending', 'en'))).toEqual(['c', 'b', 'a'])
    expect(keys(sortSummaries(items, 'pass_rate', 'ascending', 'en'))).toEqual(['b', 'c', 'a'])
    expect(keys(sortSummaries(items, 'avg_total', 'ascending', 'en'))).toEqual(['b', 'c', 'a'])
    expect(keys(sortSummaries(items, 'last_taken', 'descending', 'en'))).toEqual(['a', 'b', 'c'])
    expect(keys(sortSummaries(items, 'last_taken', 'ascending', 'en'))).toEqual(['b', 'a', 'c'])
  })

  it('breaks ties by attempts then key, and never changes the input', () => {
    const before = keys(items)
    expect(keys(sortSummaries(items, 'attempts', 'descending', 'en'))).toEqual(['c', 'a', 'b'])
    expect(keys(sortSummaries(items, 'attempts', 'ascending', 'en'))).toEqual(['a', 'b', 'c'])
    expect(keys(items)).toEqual(before)
  })

  it('sorts titles in the current language', () => {
    expect(keys(sortSummaries(items, 'title', 'ascending', 'en'))).toEqual(['a', 'b', 'c'])
    expect(keys(sortSummaries(items, 'title', 'descending', 'en'))).toEqual(['c', 'b', 'a'])
    // zh-CN collation orders by pinyin: 丙 bǐng, 甲 jiǎ, 乙 yǐ.
    expect(keys(sortSummaries(items, 'title', 'ascending', 'zh-CN'))).toEqual(['c', 'a', 'b'])
  })

  it('knows its sort keys and totals attempts', () => {
    expect(isSortKey('pass_rate')).toBe(true)
    expect(isSortKey('passed')).toBe(false)
    expect(isSortKey(null)).toBe(false)
    expect(totalAttempts(items)).toBe(19)
  })
})

describe('numbers and links', () => {
  it('formats percentages and shares', () => {
    expect(formatPercent(66.66)).toBe('66.7%')
    expect(formatPercent(100)).toBe('100%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(null)).toBe('–')
    expect(shareOf(1, 3)).toBe(33.3)
    expect(shareOf(2, 0)).toBe(0)
  })

  it('reads the version from the URL', () => {
    expect(parseVersion('3')).toBe(3)
    expect(parseVersion(['2', '5'])).toBe(2)
    expect(parseVersion('0')).toBe(0)
    expect(parseVersion('-1')).toBe(0)
    expect(parseVersion('1.5')).toBe(0)
    expect(parseVersion('x')).toBe(0)
    expect(parseVersion(undefined)).toBe(0)
  })

  it('links the CSV export of a version', () => {
    expect(exportHref('salary-to-fixed-deposit', 0)).toBe('/api/v1/training/analytics/salary-to-fixed-deposit/export')
    expect(exportHref('salary-to-fixed-deposit', 2)).toBe('/api/v1/training/analytics/salary-to-fixed-deposit/export?version=2')
    expect(exportHref('a/b', 1)).toBe('/api/v1/training/analytics/a%2Fb/export?version=1')
  })

  it('fills the null lists of an API answer', () => {
    const a = normalizeAnalytics({
      scenario_key: 'x',
      version: 1,
      versions: null,
      title: {},
      attempts: 0,
      finished: 0,
      passed: 0,
      pass_rate: null,
      avg_total: null,
      with_violation: 0,
      endings: null,
      dimensions: null,
      violations: null,
      with_near_miss: 0,
      near_misses: null,
      turns: [{ id: 't1', customer: {}, free_text: false, answers: 0, choices: null, checklist: null }],
      all_attempts: 0,
      sampled: false,
    })
    expect(a.versions).toEqual([])
    expect(a.endings).toEqual([])
    expect(a.dimensions).toEqual([])
    expect(a.violations).toEqual([])
    expect(a.near_misses).toEqual([])
    expect(a.turns[0].choices).toEqual([])
    expect(a.turns[0].checklist).toEqual([])
  })
})

describe('charts', () => {
  const endings: EndingStat[] = [
    { id: 'e1', kind: 'resolved', title: { 'zh-CN': '解决', en: 'Solved' }, count: 3 },
    { id: 'e2', kind: 'complaint_filed', title: { 'zh-CN': '投诉', en: 'Complaint' }, count: 1 },
    { id: 'e3', kind: 'customer_left', title: { 'zh-CN': '离开', en: 'Left' }, count: 0 },
    { id: 'e4', kind: 'mystery', title: { 'zh-CN': '其他', en: 'Other' }, count: 0 },
  ]
  const labels = { title: (e: EndingStat) => e.title.en ?? '', kind: (k: string) => k.toUpperCase(), chartTitle: 'Endings', axis: 'Attempts' }

  it('colours endings by kind', () => {
    expect(endingColor('resolved')).toBe('#67c23a')
    expect(endingColor('complaint_filed')).toBe('#f56c6c')
    expect(endingColor('escalated')).toBe('#e6a23c')
    expect(endingColor('customer_left')).toBe('#909399')
    expect(endingColor('mystery')).toBe('#409eff')
  })

  it('draws one bar per ending, never-reached ones included, with count and share', () => {
    const o = endingsChartOption(endings, labels, false)
    expect(o.aria.enabled).toBe(true)
    expect(o.yAxis.data).toEqual(['Solved', 'Complaint', 'Left', 'Other'])
    const data = o.series[0].data
    expect(data.map((d) => d.value)).toEqual([3, 1, 0, 0])
    expect(data.map((d) => d.itemStyle.color)).toEqual(['#67c23a', '#f56c6c', '#909399', '#409eff'])
    expect(data[0].label.formatter).toBe('3 · 75%')
    expect(data[1].name).toBe('Complaint · COMPLAINT_FILED')
    expect(o.yAxis.axisLabel.width).toBe(220)
    expect(endingsChartOption(endings, labels, true).yAxis.axisLabel.width).toBe(110)
  })

  it('describes the endings for screen readers', () => {
    expect(endingsDescription(endings.slice(0, 2), labels)).toBe('Endings. Solved · RESOLVED: 3 (75%); Complaint · COMPLAINT_FILED: 1 (25%)')
  })

  it('draws dimension averages on a 0–100 scale coloured by level', () => {
    const o = dimensionsChartOption(
      [
        { dimension: 'empathy', average: 85 },
        { dimension: 'compliance', average: 55.5 },
      ],
      { dimension: (d) => `dim:${d}`, chartTitle: 'Dims', average: 'Avg' },
      false,
    )
    expect(o.xAxis.max).toBe(100)
    expect(o.yAxis.data).toEqual(['dim:empathy', 'dim:compliance'])
    expect(o.series[0].data.map((d) => d.itemStyle.color)).toEqual(['#67c23a', '#f56c6c'])
    expect(o.aria.label.description).toBe('Dims. dim:empathy: 85; dim:compliance: 55.5')
    expect(scoreColor(60)).toBe('#e6a23c')
  })

  it('grows bar charts with their rows', () => {
    expect(barChartHeight(1)).toBe(160)
    expect(barChartHeight(5)).toBe(5 * 48 + 56)
    expect(barChartHeight(5, 56)).toBe(5 * 56 + 56)
  })
})

const products: Product[] = [
  { id: 'fund', name: { 'zh-CN': '股票基金', en: 'Equity fund' }, kind: 'fund', risk: 'R4', suitability_checked: true },
  { id: 'cd', name: { 'zh-CN': '大额存单', en: 'CD' }, kind: 'deposit', risk: 'R1', suitability_checked: false },
]
const choices: ChoiceStat[] = [
  { id: 'a', text: { 'zh-CN': '先了解需求', en: 'Ask first' }, count: 6, share: 60 },
  { id: 'b', text: { 'zh-CN': '推荐基金', en: 'Sell the fund' }, recommends: 'fund', count: 3, share: 30 },
  { id: 'c', text: { 'zh-CN': '推荐存单', en: 'Offer the CD' }, recommends: 'cd', count: 1, share: 10 },
  { id: 'd', text: { 'zh-CN': '推荐未知', en: 'Offer something' }, recommends: 'gone', count: 0, share: 0 },
]

describe('turns', () => {
  it('letters replies', () => {
    expect([0, 1, 25, 26].map(choiceLetter)).toEqual(['A', 'B', 'Z', '27'])
  })

  it('turns choices into rows with the recommended product and its suitability', () => {
    const rows = choiceRows(choices, 'en', products, 'R2')
    expect(rows.map((r) => r.letter)).toEqual(['A', 'B', 'C', 'D'])
    expect(rows.map((r) => r.text)).toEqual(['Ask first', 'Sell the fund', 'Offer the CD', 'Offer something'])
    expect(rows.map((r) => r.top)).toEqual([true, false, false, false])
    expect(rows[0].recommends).toBe('')
    expect(rows[1].product?.id).toBe('fund')
    expect(rows.map((r) => r.above)).toEqual([false, true, false, false])
    expect(rows[3].recommends).toBe('gone')
    expect(rows[3].product).toBeNull()
    // Without the shelf, recommendations are still marked (by id) but never judged.
    expect(choiceRows(choices, 'zh-CN').map((r) => [r.text, r.recommends, r.above])[1]).toEqual(['推荐基金', 'fund', false])
  })

  it('marks no top reply when nobody answered, and every tied one otherwise', () => {
    expect(choiceRows(choices.map((c) => ({ ...c, count: 0, share: 0 })), 'en').some((r) => r.top)).toBe(false)
    expect(choiceRows(choices.map((c) => ({ ...c, count: 2, share: 25 })), 'en').every((r) => r.top)).toBe(true)
  })

  it('counts violations per turn, numbers turns and hides unreached ones', () => {
    expect(
      violationsByTurn([
        { turn: 't2', product_id: 'fund', product_name: {}, customer_risk: 'R2', product_risk: 'R4', count: 3, kind: 'suitability', reason: {} },
        { turn: 't2', product_id: 'x', product_name: {}, customer_risk: 'R2', product_risk: 'R5', count: 1, kind: 'suitability', reason: {} },
        { turn: 't3', product_id: 'fund', product_name: {}, customer_risk: 'R2', product_risk: 'R4', count: 2, kind: 'suitability', reason: {} },
      ]),
    ).toEqual({ t2: 4, t3: 2 })
    expect(turnNumbers([{ id: 't1' }, { id: 't1b' }, { id: 't2' }])).toEqual({ t1: 1, t1b: 2, t2: 3 })
    const turns = [{ answers: 2 }, { answers: 0 }, { answers: 1 }]
    expect(visibleTurns(turns, true)).toEqual([{ answers: 2 }, { answers: 1 }])
    expect(visibleTurns(turns, false)).toBe(turns)
  })
})

const global = { plugins: [i18n, ElementPlus] }

describe('analytics components', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  const turns: TurnStat[] = [
    { id: 't1', customer: { 'zh-CN': '我想买点理财', en: 'I want to invest' }, free_text: false, answers: 10, choices, checklist: [] },
    { id: 't2', customer: { 'zh-CN': '没人到这里', en: 'Nobody here' }, free_text: false, answers: 0, choices: [], checklist: [] },
    {
      id: 't3',
      customer: { 'zh-CN': '你们怎么处理？', en: 'What will you do?' },
      free_text: true,
      answers: 4,
      choices: [],
      checklist: [{ id: 'restate', label: { 'zh-CN': '复述客户诉求', en: 'Restates the demand' }, met: 3, share: 75 }],
    },
  ]

  it('shows the share of each reply, marks recommendations and hides unreached turns', async () => {
    const w = mount(TurnBreakdown, {
      props: { turns, turnNumbers: { t1: 1, t2: 2, t3: 3 }, violations: { t1: 3 }, products, tolerance: 'R2' },
      global,
    })
    expect(w.find('[data-testid="analytics-turn-t2"]').exists()).toBe(false)
    const b = w.get('[data-testid="analytics-choice-t1-b"]')
    expect(b.attributes('data-recommends')).toBe('fund')
    expect(b.text()).toContain('推荐产品：股票基金')
    expect(b.text()).toContain('超出客户风险承受能力')
    expect(b.text()).toContain('3 次，30%')
    expect(w.get('[data-testid="analytics-choice-t1-a"]').attributes('data-recommends')).toBeUndefined()
    expect(w.get('[data-testid="analytics-turn-t1"]').text()).toContain('此轮适当性违规 3 次')
    expect(w.get('[data-testid="analytics-check-t3-restate"]').text()).toContain('3 次，75%')

    await w.get('[data-testid="analytics-hide-unreached"]').trigger('click')
    expect(w.get('[data-testid="analytics-turn-t2"]').text()).toContain('没有练习走到这一轮')

    setLocale('en')
    await flushPromises()
    expect(w.get('[data-testid="analytics-choice-t1-b"]').text()).toContain('Recommends: Equity fund')
    expect(w.get('[data-testid="analytics-turn-t1"]').text()).toContain('Turn 1')
  })

  it('lists violations in red, or says there were none', async () => {
    const v = mount(ViolationsTable, {
      props: {
        violations: [
          { turn: 't1', product_id: 'fund', product_name: { 'zh-CN': '股票基金', en: 'Equity fund' }, customer_risk: 'R2', product_risk: 'R4', count: 3, kind: 'suitability', reason: {} },
          { turn: 't2', product_id: '', product_name: {}, customer_risk: '', product_risk: '', count: 1, kind: 'red_line', reason: { 'zh-CN': '索要密码', en: 'Asks for the password' } },
        ],
        withViolation: 2,
        turnNumbers: { t1: 1 },
      },
      global,
    })
    expect(v.get('[data-testid="analytics-violations"]').classes()).not.toContain('clean')
    expect(v.get('[data-testid="analytics-violations-lead"]').text()).toContain('2 次已完成的练习中有适当性违规')
    await flushPromises()
    expect(v.get('[data-testid="analytics-red-line"]').text()).toBe('红线：索要密码')
    const clean = mount(ViolationsTable, { props: { violations: [], withViolation: 0, turnNumbers: {} }, global })
    expect(clean.get('[data-testid="analytics-violations"]').classes()).toContain('clean')
    expect(clean.get('[data-testid="analytics-no-violations"]').text()).toContain('没有记录到适当性违规')
  })

  it('filters the overview and opens a scenario', async () => {
    const w = mount(AnalyticsOverview, { props: { items, loading: false }, global: { plugins: [i18n, ElementPlus, createPinia()] } })
    await flushPromises()
    expect(w.get('[data-testid="analytics-count"]').text()).toBe('共 3 个场景，19 次练习')
    await w.get('input[data-testid="analytics-search"]').setValue('Charlie')
    await flushPromises()
    expect(w.get('[data-testid="analytics-count"]').text()).toBe('共 1 个场景，9 次练习')
    await w.get('[data-testid="analytics-open-c"]').trigger('click')
    expect(w.emitted('open')).toEqual([['c']])
  })
})
