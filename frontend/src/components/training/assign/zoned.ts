// Dates as the bank counts them: due dates are picked and "tomorrow" is reckoned in the
// bank's time zone (the session's tenant zone), whatever zone the browser is in.
import { formatInZone, zonedToUtcIso } from '@/utils/datetime'

const DAY = 86_400_000

/** The calendar day of an instant in `timeZone`, as days since 1970-01-01 there. */
export function dayNumber(at: Date | number, timeZone?: string): number {
  const [y, m, d] = formatInZone(new Date(at), timeZone, false).split('-').map(Number)
  return Date.UTC(y, m - 1, d) / DAY
}

/**
 * "明天" / "后天" / "3天后" / "5小时后" to a due date: under a day away, hours or minutes;
 * further, whole calendar days in the bank's zone (a deadline two days away is never
 * "tomorrow" because fewer than 48 hours are left).
 */
export function dueRelative(target: string | number | Date, now: number | Date, locale: string, timeZone?: string): string {
  const t = new Date(target).getTime()
  const n = new Date(now).getTime()
  if (!Number.isFinite(t)) return ''
  const fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const diff = t - n
  if (Math.abs(diff) >= DAY) return fmt.format(dayNumber(t, timeZone) - dayNumber(n, timeZone), 'day')
  if (Math.abs(diff) >= 3_600_000) return fmt.format(Math.trunc(diff / 3_600_000), 'hour')
  if (Math.abs(diff) >= 60_000) return fmt.format(Math.trunc(diff / 60_000), 'minute')
  return fmt.format(0, 'second')
}

/** The default due date as a wall clock in the bank's zone: `days` days on, at 18:00. */
export function defaultDueWall(now: number | Date, timeZone?: string, days = 7): string {
  return `${formatInZone(new Date(new Date(now).getTime() + days * DAY), timeZone, false)} 18:00:00`
}

/** The instant of a wall clock "YYYY-MM-DD HH:mm:ss" picked in the bank's zone, as ISO. */
export function wallToIso(wall: string, timeZone?: string): string {
  return zonedToUtcIso(wall, timeZone)
}

/**
 * Whether the picker's day cell (a browser-local midnight standing for a calendar date) is
 * before today in the bank's zone.
 */
export function beforeBankToday(cell: Date, now: number | Date, timeZone?: string): boolean {
  const cellDay = Date.UTC(cell.getFullYear(), cell.getMonth(), cell.getDate()) / DAY
  return cellDay < dayNumber(now, timeZone)
}

/** The calendar date of a wall clock, as a browser-local Date (for month names and the like). */
export function wallDay(wall: string): Date {
  const [y, m, d] = wall.slice(0, 10).split('-').map(Number)
  return new Date(y, m - 1, d)
}
