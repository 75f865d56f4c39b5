import { describe, expect, it } from 'vitest'
import { beforeBankToday, dayNumber, defaultDueWall, dueRelative, wallToIso } from './zoned'

const SH = 'Asia/Shanghai'

describe('due dates in the bank time zone', () => {
  it('calls a deadline two calendar days away "后天", not "明天", though under 48 hours are left', () => {
    const now = Date.parse('2026-12-05T12:00:00Z') // 20:00 in Shanghai
    const due = Date.parse('2026-12-07T10:00:00Z') // 18:00 in Shanghai, 46 hours later
    expect(dueRelative(due, now, 'zh-CN', SH)).toBe('后天')
    expect(dueRelative(due, now, 'en', SH)).toBe('in 2 days')
  })

  it('counts hours under a day away, and days in the bank zone, not the browser zone, beyond', () => {
    expect(dueRelative(Date.parse('2026-12-06T01:00:00Z'), Date.parse('2026-12-05T15:30:00Z'), 'zh-CN', SH)).toBe('9小时后')
    const now = Date.parse('2026-12-05T17:00:00Z') // 01:00 on the 6th in Shanghai, still the 5th in UTC
    const due = Date.parse('2026-12-07T10:00:00Z') // 18:00 on the 7th in Shanghai, 41 hours later
    expect(dueRelative(due, now, 'zh-CN', SH)).toBe('明天')
    expect(dueRelative(due, now, 'zh-CN', 'UTC')).toBe('后天')
  })

  it('says yesterday for a deadline passed more than a day ago on the previous day there', () => {
    const now = Date.parse('2026-12-06T12:00:00Z') // 20:00 on the 6th in Shanghai
    const due = Date.parse('2026-12-05T10:00:00Z') // 18:00 on the 5th, 26 hours before
    expect(dueRelative(due, now, 'zh-CN', SH)).toBe('昨天')
    expect(dueRelative(Date.parse('2026-12-06T07:00:00Z'), now, 'zh-CN', SH)).toBe('5小时前')
  })

  it('turns a wall clock picked in the bank zone into the same instant in any browser', () => {
    expect(wallToIso('2026-12-07 18:00:00', SH)).toBe('2026-12-07T10:00:00.000Z')
    expect(wallToIso('2026-12-07 18:00:00', 'America/New_York')).toBe('2026-12-07T23:00:00.000Z')
  })

  it('defaults to 18:00 there a week on, and disables days before the bank\'s today', () => {
    const now = Date.parse('2026-12-05T17:00:00Z') // the 6th in Shanghai
    expect(defaultDueWall(now, SH)).toBe('2026-12-13 18:00:00')
    expect(dayNumber(now, SH) - dayNumber(now, 'UTC')).toBe(1)
    expect(beforeBankToday(new Date(2026, 11, 5), now, SH)).toBe(true)
    expect(beforeBankToday(new Date(2026, 11, 6), now, SH)).toBe(false)
  })
})
