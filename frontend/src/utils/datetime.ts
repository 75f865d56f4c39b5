/** Formats an instant as "YYYY-MM-DD HH:mm:ss" in the given IANA time zone. */
export function formatInZone(value: string | number | Date | null | undefined, timeZone?: string, withTime = true): string {
  if (value === null || value === undefined || value === '') return ''
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const p = zonedParts(d, timeZone)
  const date = `${p.year}-${p.month}-${p.day}`
  return withTime ? `${date} ${p.hour}:${p.minute}:${p.second}` : date
}

/** An instant's calendar and clock fields in a time zone, as digits: month to second two each. */
export interface ZonedParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

/**
 * The fields of the instant `d` in `timeZone`, or in the browser's zone when `timeZone` is
 * missing or one the browser does not know (a tenant's setting must not break the page).
 * An invalid Date throws a RangeError.
 */
export function zonedParts(d: Date, timeZone?: string): ZonedParts {
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = partsIn(d, timeZone)
  } catch {
    parts = partsIn(d, undefined)
  }
  const out: ZonedParts = { year: '', month: '', day: '', hour: '', minute: '', second: '' }
  for (const p of parts) if (p.type in out) out[p.type as keyof ZonedParts] = p.value
  // An engine that writes midnight as "24" despite h23 must not show "24:00:00".
  if (out.hour === '24') out.hour = '00'
  return out
}

// Building a formatter resolves its locale and zone data: ~0.1 ms a time, which a list of a
// hundred dates paid on every render. One per zone, kept (a zone the browser does not know
// throws and is not kept).
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone?: string): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(key, f)
  }
  return f
}

function partsIn(d: Date, timeZone?: string) {
  return formatterFor(timeZone).formatToParts(d)
}

/** Offset (ms) of `timeZone` from UTC at the instant `d`. */
function zoneOffset(d: Date, timeZone: string): number {
  const p = partsIn(d, timeZone)
  const get = (t: string) => Number(p.find((x) => x.type === t)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'))
  return asUtc - Math.floor(d.getTime() / 1000) * 1000
}

/**
 * The UTC instant of a wall-clock time "YYYY-MM-DD[ HH:mm[:ss]]" in `timeZone`, as an
 * ISO string. Used for audit filters: the tenant's day, not the browser's.
 */
export function zonedToUtcIso(wall: string, timeZone?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(wall.trim())
  if (!m) throw new Error(`bad date: ${wall}`)
  const [, y, mo, da, h = '0', mi = '0', s = '0'] = m
  const guess = Date.UTC(+y, +mo - 1, +da, +h, +mi, +s)
  if (!timeZone) return new Date(+y, +mo - 1, +da, +h, +mi, +s).toISOString()
  // Two passes settle the offset across DST changes.
  let t = guess - zoneOffset(new Date(guess), timeZone)
  t = guess - zoneOffset(new Date(t), timeZone)
  return new Date(t).toISOString()
}
