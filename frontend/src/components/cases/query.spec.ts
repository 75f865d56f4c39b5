import { describe, expect, it } from 'vitest'
import { activeFilterCount, apiQuery, blankFilters, dayAfter, formatFilters, parseFilters } from './query'

describe('library filters in the URL', () => {
  it('round-trips every filter', () => {
    const f = { ...blankFilters(), q: '理财', tag: '老年客户', business_line: 'wealth', customer_type: 'elderly', branch_id: 7, featured: true, from: '2026-01-01', to: '2026-11-30', sort: 'useful' as const }
    expect(parseFilters(formatFilters(f) as Record<string, string>)).toEqual(f)
  })
  it('sorts by relevance when there are words, else newest first', () => {
    expect(parseFilters({ q: '投诉' }).sort).toBe('relevance')
    expect(parseFilters({}).sort).toBe('newest')
    expect(parseFilters({ sort: 'bogus' }).sort).toBe('newest')
  })
  it('ignores malformed values', () => {
    const f = parseFilters({ branch_id: 'x', from: '2026/01/01', featured: 'yes', q: ['a', 'b'] })
    expect(f.branch_id).toBeNull()
    expect(f.from).toBe('')
    expect(f.featured).toBe(false)
    expect(f.q).toBe('a')
  })
  it('leaves unset filters out of the URL and trims the words', () => {
    expect(formatFilters({ ...blankFilters(), q: '  投诉 ' })).toEqual({ q: '投诉', sort: 'relevance' })
  })
  it('counts the filters set beside the words', () => {
    expect(activeFilterCount(blankFilters())).toBe(0)
    expect(activeFilterCount({ ...blankFilters(), q: 'x', tag: 't', from: '2026-01-01', to: '2026-02-01' })).toBe(2)
  })
})

describe('apiQuery', () => {
  it('sends the picked filters and the date range with its last day included', () => {
    const f = { ...blankFilters(), q: ' 理财 ', featured: true, from: '2026-11-01', to: '2026-11-30', sort: 'newest' as const }
    expect(apiQuery(f, 2, 20)).toEqual({
      q: '理财',
      featured: 'true',
      from: '2026-11-01',
      to: '2026-12-01',
      sort: 'newest',
      page: 2,
      page_size: 20,
    })
  })
  it('leaves out what was not picked', () => {
    expect(apiQuery(blankFilters(), 1, 20)).toEqual({ sort: 'relevance', page: 1, page_size: 20 })
  })
})

describe('dayAfter', () => {
  it('crosses month and year ends', () => {
    expect(dayAfter('2026-02-28')).toBe('2026-03-01')
    expect(dayAfter('2026-12-31')).toBe('2027-01-01')
  })
})
