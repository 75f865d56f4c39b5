import { describe, expect, it } from 'vitest'
import { asText, blankCase, checkCase, cleanTags, inputOf } from './form'
import type { CaseDetail } from './types'

const full = () => ({ ...blankCase(), title: '标题', summary: '摘要', situation: '情境', actions: '做法', outcome: '结果', lesson: '启示', customer_type: 'elderly', business_line: 'wealth' })

describe('cleanTags', () => {
  it('trims, drops blanks, a leading # and repeats, keeping the typed order', () => {
    expect(cleanTags([' 理财 ', '', '#投诉', '理财', '老年客户'])).toEqual(['理财', '投诉', '老年客户'])
  })
})

describe('checkCase', () => {
  it('names every required field left empty', () => {
    expect(checkCase(blankCase()).map((p) => p.field)).toEqual(['title', 'summary', 'situation', 'actions', 'outcome', 'lesson', 'customer_type', 'business_line'])
    expect(checkCase(full())).toEqual([])
  })
  it('refuses more than 10 tags and a tag over 20 characters (counted as characters, not bytes)', () => {
    const many = Array.from({ length: 11 }, (_, i) => `t${i}`)
    expect(checkCase({ ...full(), tags: many })).toEqual([{ field: 'tags', key: 'tooManyTags' }])
    expect(checkCase({ ...full(), tags: ['一'.repeat(20)] })).toEqual([])
    expect(checkCase({ ...full(), tags: ['一'.repeat(21)] })).toEqual([{ field: 'tags', key: 'tagTooLong' }])
  })
})

describe('inputOf', () => {
  it('copies the editable fields, lists not shared with the case', () => {
    const c = { ...full(), tags: ['a'], scenario_keys: ['s1'], id: 1, revision: 2 } as unknown as CaseDetail
    const i = inputOf(c)
    i.tags.push('b')
    expect(c.tags).toEqual(['a'])
    expect(i.scenario_keys).toEqual(['s1'])
    expect(i.title).toBe('标题')
  })
})

describe('asText', () => {
  it('keeps every filled text field with its label', () => {
    const s = asText({ ...blankCase(), title: '标题', lesson: '先倾听', tags: ['理财'] }, (f) => f.toUpperCase())
    expect(s).toBe('【TITLE】\n标题\n\n【LESSON】\n先倾听\n\n【TAGS】\n理财')
  })
})
