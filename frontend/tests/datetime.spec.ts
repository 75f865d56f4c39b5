import { describe, expect, it } from 'vitest'
import { formatInZone, zonedToUtcIso } from '@/utils/datetime'

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
