import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { changedFields, debounce, elide, localText, monthKey, optionName, piiFlags, ratingText } from './format'

describe('ratingText', () => {
  it('shows one decimal of the thousandths average, nothing before the first rating', () => {
    expect(ratingText(4333, 3)).toBe('4.3')
    expect(ratingText(4950, 20)).toBe('5.0')
    expect(ratingText(5000, 1)).toBe('5.0')
    expect(ratingText(0, 0)).toBe('')
    expect(ratingText(null, 0)).toBe('')
  })
})

describe('localText', () => {
  const c = { title: '安抚老年客户', title_en: 'Calming an elderly customer', summary: '摘要', summary_en: '' }
  it('uses the English title in English and falls back to Chinese where none was written', () => {
    expect(localText(c, 'en')).toEqual({ title: 'Calming an elderly customer', summary: '摘要' })
    expect(localText(c, 'zh-CN')).toEqual({ title: '安抚老年客户', summary: '摘要' })
  })
})

describe('optionName', () => {
  const opts = [{ code: 'wealth', name_zh: '财富管理', name_en: 'Wealth management' }]
  it('names a known code in the language, an unknown one by its code', () => {
    expect(optionName(opts, 'wealth', 'zh-CN')).toBe('财富管理')
    expect(optionName(opts, 'wealth', 'en')).toBe('Wealth management')
    expect(optionName(opts, 'retail', 'en')).toBe('retail')
  })
})

describe('monthKey', () => {
  it('takes the month in the tenant zone, not the browser', () => {
    // 2026-11-30 17:00 UTC is already December 1st in Shanghai.
    const d = new Date(Date.UTC(2026, 10, 30, 17, 0, 0))
    expect(monthKey(d, 'Asia/Shanghai')).toBe('2026-12')
    expect(monthKey(d, 'UTC')).toBe('2026-11')
  })
})

describe('changedFields', () => {
  it('keeps only fields with a change and joins adjacent pieces of one kind', () => {
    const out = changedFields([
      { field: 'title', ops: [{ op: 'equal', text: '同一标题' }] },
      {
        field: 'lesson',
        ops: [
          { op: 'equal', text: '先' },
          { op: 'delete', text: '听' },
          { op: 'delete', text: '完' },
          { op: 'insert', text: '倾听' },
          { op: 'equal', text: '' },
          { op: 'equal', text: '再答' },
        ],
      },
    ])
    expect(out).toEqual([
      {
        field: 'lesson',
        ops: [
          { op: 'equal', text: '先' },
          { op: 'delete', text: '听完' },
          { op: 'insert', text: '倾听' },
          { op: 'equal', text: '再答' },
        ],
      },
    ])
  })
})

describe('elide', () => {
  it('keeps short text and shortens a long one to both ends', () => {
    expect(elide('abc', 2)).toBe('abc')
    expect(elide('abcdefghij', 2)).toBe('ab … ij')
  })
})

describe('piiFlags', () => {
  it('lists the found text and its mask in field order', () => {
    const texts = { situation: '客户电话13812345678，要求', lesson: '无' }
    const findings = { lesson: [], situation: [{ kind: 'phone' as const, start: 4, end: 15, masked: '138****5678' }] }
    expect(piiFlags(texts, findings, ['title', 'situation', 'lesson'])).toEqual([
      { field: 'situation', kind: 'phone', found: '13812345678', masked: '138****5678' },
    ])
  })
  it('counts positions in code points, as the server does', () => {
    const texts = { lesson: '😀电话13812345678' }
    const findings = { lesson: [{ kind: 'phone' as const, start: 3, end: 14, masked: '138****5678' }] }
    expect(piiFlags(texts, findings, ['lesson'])[0].found).toBe('13812345678')
  })
})

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())
  it('runs once with the last arguments after the calls pause; cancel drops the run', () => {
    const seen: string[] = []
    const d = debounce((s: string) => seen.push(s), 300)
    d('a')
    d('ab')
    vi.advanceTimersByTime(299)
    expect(seen).toEqual([])
    d('abc')
    vi.advanceTimersByTime(300)
    expect(seen).toEqual(['abc'])
    d('x')
    d.cancel()
    vi.advanceTimersByTime(1000)
    expect(seen).toEqual(['abc'])
  })
})
