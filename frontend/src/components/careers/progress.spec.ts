import { describe, expect, it } from 'vitest'
import { metCount, progressPercent, requirementValue } from './progress'

describe('career progress', () => {
  it('shows composites in points and counts as counts', () => {
    expect(requirementValue('kpi_composite', 81234)).toBe('81.2')
    expect(requirementValue('tenure_months', 14)).toBe('14')
    expect(requirementValue('cases_published', null)).toBe('–')
  })
  it('fills a bar to 100 only when met', () => {
    expect(progressPercent({ current: 3, target: 3, met: true })).toBe(100)
    expect(progressPercent({ current: 5, target: 3, met: false })).toBe(99)
    expect(progressPercent({ current: 1, target: 4, met: false })).toBe(25)
    expect(progressPercent({ current: null, target: 4, met: false })).toBe(0)
    expect(progressPercent({ current: 2, target: 0, met: false })).toBe(0)
  })
  it('counts met requirements', () => {
    expect(metCount([{ met: true }, { met: false }, { met: true }])).toEqual({ met: 2, of: 3 })
  })
})
