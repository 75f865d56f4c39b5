import { describe, expect, it } from 'vitest'
import { factsAreStale } from './helpers'

describe('facts checked more than a year ago', () => {
  const now = Date.parse('2026-12-05T09:00:00Z')
  it('counts calendar days, as the server does', () => {
    expect(factsAreStale('2026-12-05', now)).toBe(false)
    expect(factsAreStale('2025-12-05', now)).toBe(false)
    expect(factsAreStale('2025-12-04', now)).toBe(true)
  })
  it('treats a missing or malformed date as never checked', () => {
    expect(factsAreStale('', now)).toBe(true)
    expect(factsAreStale('soon', now)).toBe(true)
  })
})
