import { describe, expect, it } from 'vitest'
import { canAppeal, cleanMapping, fileKind, importOutcome } from '@/components/feedback/imports'

describe('feedback imports', () => {
  it('calls a file with row errors rejected, whatever its state says', () => {
    const err = { row: 3, column: 'employee_code', code: 'unknown_employee', message: 'x' }
    expect(importOutcome({ state: 'failed', errors: [err] })).toBe('rejected')
    expect(importOutcome({ state: 'done', errors: [err] })).toBe('rejected')
  })

  it('follows the job while the import row has no outcome yet', () => {
    expect(importOutcome({ state: 'queued', errors: [] }, 'running')).toBe('running')
    expect(importOutcome({ state: 'queued', errors: null }, 'queued')).toBe('running')
    expect(importOutcome({ state: 'running', errors: [] }, 'failed')).toBe('failed')
    expect(importOutcome({ state: 'failed', errors: [] })).toBe('failed')
    expect(importOutcome({ state: 'done', errors: null })).toBe('imported')
  })

  it('accepts csv and xlsx only', () => {
    expect(fileKind('反馈.CSV')).toBe('csv')
    expect(fileKind('a.xlsx')).toBe('xlsx')
    expect(fileKind('a.xls')).toBeNull()
  })

  it('drops empty mapping entries and trims the headers', () => {
    expect(cleanMapping({ external_id: ' 编号 ', channel: '', score: '  ' })).toEqual({ external_id: '编号' })
  })
})

describe('appeals', () => {
  const now = new Date('2026-11-20T00:00:00Z')
  it('offers an appeal within the window when none is open', () => {
    expect(canAppeal({ appealable_until: '2026-12-01T00:00:00Z' }, now)).toBe(true)
    expect(canAppeal({ appealable_until: '2026-11-19T00:00:00Z' }, now)).toBe(false)
    expect(canAppeal({ appealable_until: null }, now)).toBe(false)
  })
  it('offers none while one is pending or once the record no longer counts', () => {
    expect(canAppeal({ appealable_until: '2026-12-01T00:00:00Z', appeal: { state: 'pending' } }, now)).toBe(false)
    expect(canAppeal({ appealable_until: '2026-12-01T00:00:00Z', excluded: true }, now)).toBe(false)
    expect(canAppeal({ appealable_until: '2026-12-01T00:00:00Z', appeal: { state: 'rejected' } }, now)).toBe(true)
  })
})
