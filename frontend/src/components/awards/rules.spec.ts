import { describe, expect, it } from 'vitest'
import { checkRule, newFact, ruleSentence, type Group, type RuleWords } from './rules'
import { factPairs, milliText } from './format'
import { badgeIcon, badgeKey } from './badgeIcons'
import { CircleCheckFilled, GoldMedal, Medal } from '@element-plus/icons-vue'

const NAMES: Record<string, string> = { satisfaction: '满意度（可信）', resolution: '一次解决率' }
const zh: RuleWords = {
  metric: (c) => NAMES[c] ?? c,
  sample: () => '评价数',
  fact: (f) => ({ no_complaints: '无投诉', scenario_passes: '通过场景数', cases_published: '发表案例数' })[f],
  and: '，且',
  or: '，或',
  open: '（',
  close: '）',
  empty: '（尚未设置条件）',
}

describe('ruleSentence', () => {
  it('reads the Customer Praise rule as the issue writes it', () => {
    const rule: Group = { op: 'and', children: [{ metric: 'satisfaction', cmp: '>=', value: 4.8, min_sample: 30 }, { fact: 'no_complaints' }] }
    expect(ruleSentence(rule, zh)).toBe('满意度（可信） ≥ 4.8，且评价数 ≥ 30，且无投诉')
  })

  it('brackets a nested group of more than one condition, not a single one', () => {
    const rule: Group = {
      op: 'and',
      children: [
        { fact: 'no_complaints' },
        { op: 'or', children: [{ fact: 'scenario_passes', cmp: '>=', value: 3 }, { fact: 'cases_published', cmp: '>', value: 0 }] },
        { op: 'or', children: [{ metric: 'resolution', cmp: '<', value: 0.5 }] },
      ],
    }
    expect(ruleSentence(rule, zh)).toBe('无投诉，且（通过场景数 ≥ 3，或发表案例数 > 0），且一次解决率 < 0.5')
  })

  it('says so when there is no condition, and skips empty groups', () => {
    expect(ruleSentence(null, zh)).toBe('（尚未设置条件）')
    expect(ruleSentence({ op: 'and', children: [] }, zh)).toBe('（尚未设置条件）')
    expect(ruleSentence({ op: 'and', children: [{ op: 'or', children: [] }, { fact: 'no_complaints' }] }, zh)).toBe('无投诉')
  })

  it('shows an unknown metric by its code rather than hiding it', () => {
    expect(ruleSentence({ op: 'and', children: [{ metric: 'business:deposits', cmp: '=', value: 2 }] }, zh)).toBe('business:deposits = 2')
  })
})

describe('checkRule', () => {
  const known = new Set(['satisfaction'])
  it('accepts a valid tree', () => {
    expect(checkRule({ op: 'and', children: [{ metric: 'satisfaction', cmp: '>=', value: 4.8, min_sample: 30 }, newFact()] }, known)).toEqual([])
  })
  it('names each problem by the path the server uses', () => {
    const problems = checkRule(
      {
        op: 'and',
        children: [
          { metric: 'nope', cmp: '>=', value: 1 },
          { op: 'or', children: [] },
          { fact: 'scenario_passes', cmp: '>=', value: -1 },
          { metric: '', cmp: '>=', value: Number.NaN, min_sample: 1.5 },
        ],
      },
      known,
    )
    expect(problems).toEqual([
      { path: 'rule.children[0].metric', kind: 'unknown_metric' },
      { path: 'rule.children[1]', kind: 'empty_group' },
      { path: 'rule.children[2].value', kind: 'bad_value' },
      { path: 'rule.children[3].metric', kind: 'no_metric' },
      { path: 'rule.children[3].value', kind: 'bad_value' },
      { path: 'rule.children[3].min_sample', kind: 'bad_sample' },
    ])
  })
  it('needs no value for "no complaints"', () => {
    expect(newFact('no_complaints')).toEqual({ fact: 'no_complaints' })
    expect(checkRule({ op: 'or', children: [{ fact: 'no_complaints' }] }, known)).toEqual([])
  })
})

describe('award formats', () => {
  it('shows thousandths as points', () => {
    expect(milliText(87654)).toBe('87.65')
    expect(milliText(null)).toBe('–')
  })
  it('lists facts in a stable order with booleans as marks', () => {
    expect(factPairs({ no_complaints: true, cases_published: 2, x: null }, (c) => c.toUpperCase())).toEqual(['CASES_PUBLISHED: 2', 'NO_COMPLAINTS: ✓', 'X: –'])
    expect(factPairs(null, (c) => c)).toEqual([])
    // A metric comes with its sample; it never reads "[object Object]".
    expect(factPairs({ satisfaction: { value: 4.5234, sample: 30 }, composite: { value: null, sample: 0 } }, (c) => c)).toEqual([
      'composite: – (n=0)',
      'satisfaction: 4.52 (n=30)',
    ])
  })
  it('finds a badge icon whatever the name spelling, a medal when unknown', () => {
    expect(badgeKey('GoldMedal')).toBe('gold-medal')
    expect(badgeKey('gold_medal')).toBe('gold-medal')
    expect(badgeIcon('gold_medal')).toBe(GoldMedal)
    expect(badgeIcon('CircleCheckFilled')).toBe(CircleCheckFilled)
    expect(badgeIcon('no-such-badge')).toBe(Medal)
  })
})
