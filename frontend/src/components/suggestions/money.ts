// Money and shares as the suggestions area keeps them: pools in integer cents (shown in yuan),
// shares in basis points (shown in percent, 10,000 bp = 100 %). Conversions go through strings,
// never through floating-point arithmetic. Unit-tested in money.spec.ts.

export const FULL_SHARE_BP = 10_000

/** "1,234.5" → 123450; null when the text is not an amount of yuan with at most two decimals. */
export function yuanToCents(text: string): number | null {
  const s = text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '')
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** 123450 → "1234.50" (a minus sign for a negative amount). */
export function centsToYuan(cents: number): string {
  const neg = cents < 0
  const abs = Math.abs(Math.trunc(cents))
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return neg ? `-${s}` : s
}

/** "33.33" (percent) → 3333 bp; null unless 0–100 with at most two decimals. */
export function percentToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/[%％]$/, ''))
  if (!m) return null
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return bp <= FULL_SHARE_BP ? bp : null
}

/** 3333 → "33.33". */
export function bpToPercent(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`
}

export const shareSum = (bps: readonly number[]): number => bps.reduce((a, b) => a + b, 0)

/**
 * The pool split by shares with the largest-remainder rule: each gets the floor of its exact
 * part, then the cents left go one each to the largest remainders (ties to the earlier
 * contributor). The parts add up to the pool exactly. Shares must sum to 10,000 bp.
 */
export function splitCents(pool: number, bps: readonly number[]): number[] {
  const exact = bps.map((bp) => pool * bp) // in 1/10,000 cent: exact integers for any real pool
  const parts = exact.map((e) => Math.floor(e / FULL_SHARE_BP))
  let left = pool - shareSum(parts)
  const order = exact.map((e, i) => ({ i, rem: e % FULL_SHARE_BP })).sort((a, b) => b.rem - a.rem || a.i - b.i)
  for (const o of order) {
    if (left <= 0) break
    parts[o.i] += 1
    left -= 1
  }
  return parts
}
