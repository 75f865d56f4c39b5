import { describe, expect, it } from 'vitest'
import { bpToPercent, centsToYuan, percentToBp, shareSum, splitCents, yuanToCents } from './money'

describe('yuan and cents', () => {
  it('reads yuan without floating point', () => {
    expect(yuanToCents('0.1')).toBe(10)
    expect(yuanToCents('1,234.56')).toBe(123456)
    expect(yuanToCents(' ¥19.99 ')).toBe(1999)
    expect(yuanToCents('5000')).toBe(500000)
    expect(yuanToCents('5000.')).toBe(500000)
    // 0.29 * 100 is 28.999… in floating point; the string path gets it right.
    expect(yuanToCents('0.29')).toBe(29)
  })
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1e3', '12.3.4']) expect(yuanToCents(bad)).toBeNull()
  })
  it('writes cents as yuan with two decimals and back', () => {
    expect(centsToYuan(123456)).toBe('1234.56')
    expect(centsToYuan(5)).toBe('0.05')
    expect(centsToYuan(-250)).toBe('-2.50')
    for (const c of [0, 1, 99, 100, 101, 987654321]) expect(yuanToCents(centsToYuan(c))).toBe(c)
  })
})

describe('shares', () => {
  it('reads percent as basis points', () => {
    expect(percentToBp('33.33')).toBe(3333)
    expect(percentToBp('100')).toBe(10000)
    expect(percentToBp('12.5%')).toBe(1250)
    expect(percentToBp('100.01')).toBeNull()
    expect(percentToBp('-5')).toBeNull()
    expect(bpToPercent(3334)).toBe('33.34')
    expect(bpToPercent(5)).toBe('0.05')
  })
  it('sums shares', () => {
    expect(shareSum([3333, 3333, 3334])).toBe(10000)
    expect(shareSum([])).toBe(0)
  })
})

describe('splitCents', () => {
  it('splits by largest remainder, ties to the earlier contributor', () => {
    expect(splitCents(100, [3333, 3333, 3334])).toEqual([33, 33, 34])
    expect(splitCents(1, [5000, 5000])).toEqual([1, 0])
    expect(splitCents(1001, [5000, 2500, 2500])).toEqual([501, 250, 250])
    expect(splitCents(0, [10000])).toEqual([0])
  })
  it('always adds up to the pool (random pools and shares)', () => {
    let seed = 7
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let k = 0; k < 500; k++) {
      const n = 1 + rnd(8)
      const cuts = Array.from({ length: n - 1 }, () => rnd(10001)).sort((a, b) => a - b)
      const bps = [...cuts, 10000].map((c, i) => c - (i === 0 ? 0 : cuts[i - 1]))
      const pool = rnd(100_000_000)
      const parts = splitCents(pool, bps)
      expect(shareSum(parts)).toBe(pool)
      parts.forEach((p, i) => expect(Math.abs(p - (pool * bps[i]) / 10000)).toBeLessThan(1))
    }
  })
})
