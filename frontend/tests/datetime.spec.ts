import { describe, expect, it } from 'vitest'
import { formatInZone, zonedParts, zonedToUtcIso } from '@/utils/datetime'

describe('formatInZone', () => {
  it('shows an instant in the tenant time zone', () => {
    expect(formatInZone('2025-01-31T16:30:05Z', 'Asia/Shanghai')).toBe('2025-02-01 00:30:05')
    expect(formatInZone('2025-01-31T16:30:05Z', 'UTC')).toBe('2025-01-31 16:30:05')
    expect(formatInZone('2025-07-01T12:00:00Z', 'America/New_York', false)).toBe('2025-07-01')
  })
  it('passes empty and invalid values through', () => {
    expect(formatInZone(null, 'UTC')).toBe('')
    expect(formatInZone('nonsense', 'UTC')).toBe('nonsense')
  })
})

describe('zonedParts', () => {
  // The browser's own reading of the instant, which the fallback must match.
  const local = (d: Date) => {
    const two = (n: number) => String(n).padStart(2, '0')
    return {
      year: String(d.getFullYear()),
      month: two(d.getMonth() + 1),
      day: two(d.getDate()),
      hour: two(d.getHours()),
      minute: two(d.getMinutes()),
      second: two(d.getSeconds()),
    }
  }

  it('reads the fields in the tenant zone, which can put the instant in the next month', () => {
    const d = new Date('2026-01-31T20:00:00Z')
    expect(zonedParts(d, 'Asia/Shanghai')).toEqual({ year: '2026', month: '02', day: '01', hour: '04', minute: '00', second: '00' })
    expect(zonedParts(d, 'UTC')).toEqual({ year: '2026', month: '01', day: '31', hour: '20', minute: '00', second: '00' })
  })

  it('writes midnight as hour 00 of the new day, and the new year at a year end', () => {
    expect(zonedParts(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toEqual({
      year: '2027',
      month: '01',
      day: '01',
      hour: '00',
      minute: '00',
      second: '00',
    })
  })

  it("falls back to the browser's zone when the zone is missing or unknown", () => {
    const d = new Date('2026-01-31T20:00:00Z')
    expect(zonedParts(d)).toEqual(local(d))
    expect(zonedParts(d, 'Mars/Olympus_Mons')).toEqual(local(d))
    expect(zonedParts(d, '')).toEqual(local(d))
    // A bad zone is not kept in place of a good one.
    expect(zonedParts(d, 'Asia/Shanghai').month).toBe('02')
  })

  it('throws for an invalid date', () => {
    expect(() => zonedParts(new Date('nonsense'), 'UTC')).toThrow(RangeError)
  })
})

describe('zonedToUtcIso', () => {
  it('turns a tenant day into its UTC start', () => {
    expect(zonedToUtcIso('2025-02-01', 'Asia/Shanghai')).toBe('2025-01-31T16:00:00.000Z')
    expect(zonedToUtcIso('2025-02-01 08:30', 'UTC')).toBe('2025-02-01T08:30:00.000Z')
  })
  it('follows daylight saving time', () => {
    expect(zonedToUtcIso('2025-01-15', 'America/New_York')).toBe('2025-01-15T05:00:00.000Z')
    expect(zonedToUtcIso('2025-07-15', 'America/New_York')).toBe('2025-07-15T04:00:00.000Z')
  })
})
