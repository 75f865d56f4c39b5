import { describe, expect, it } from 'vitest'
import { ApiError, fieldErrors, problemText, unwrap } from '@/api/errors'
import { diffObjects } from '@/utils/diff'
import { toCsv } from '@/utils/csv'

const problem = {
  title: 'Unprocessable Entity',
  status: 422,
  detail: 'validation failed',
  errors: [
    { message: 'expected length >= 1', location: 'body.name', value: '' },
    { message: 'already taken', location: 'body.code', value: 'north' },
    { message: 'second message ignored', location: 'body.name' },
  ],
}

describe('problem+json handling', () => {
  it('unwrap throws an ApiError carrying the problem', () => {
    const res = new Response(null, { status: 422 })
    expect(() => unwrap({ error: problem, response: res })).toThrow(ApiError)
    try {
      unwrap({ error: problem, response: res })
    } catch (e) {
      expect((e as ApiError).status).toBe(422)
      expect((e as ApiError).message).toBe('validation failed')
    }
  })
  it('unwrap returns data on success', () => {
    expect(unwrap({ data: { a: 1 }, response: new Response('{}', { status: 200 }) })).toEqual({ a: 1 })
  })
  it('reads Retry-After on 429', () => {
    const res = new Response(null, { status: 429, headers: { 'Retry-After': '30' } })
    try {
      unwrap({ error: { title: 'Too Many Requests', status: 429 }, response: res })
    } catch (e) {
      expect((e as ApiError).retryAfter).toBe(30)
    }
  })
  it('maps error locations to form fields (first message wins)', () => {
    const e = new ApiError(422, problem)
    expect(fieldErrors(e)).toEqual({ name: 'expected length >= 1', code: 'already taken' })
  })
  it('writes the detail and each location/message', () => {
    expect(problemText(new ApiError(422, problem))).toBe('validation failed\nname: expected length >= 1\ncode: already taken\nname: second message ignored')
  })
})

describe('diffObjects', () => {
  it('lists changed fields first and marks them', () => {
    const rows = diffObjects({ name: 'A', code: 'x', n: 1 }, { name: 'B', code: 'x', n: 1, extra: true })
    expect(rows.map((r) => [r.key, r.changed])).toEqual([
      ['extra', true],
      ['name', true],
      ['code', false],
      ['n', false],
    ])
    expect(rows[1]).toMatchObject({ before: 'A', after: 'B' })
  })
  it('diffs nested objects field by field', () => {
    const rows = diffObjects({ user: { name: 'A', branch: { id: 1 } } }, { user: { name: 'A', branch: { id: 2 } }, roles: ['x'] })
    expect(rows.map((r) => [r.key, r.before, r.after, r.changed])).toEqual([
      ['roles', '', '["x"]', true],
      ['user.branch.id', '1', '2', true],
      ['user.name', 'A', 'A', false],
    ])
  })
  it('handles null before (a create) and null after (a delete)', () => {
    expect(diffObjects(null, { a: 1 })).toEqual([{ key: 'a', before: '', after: '1', changed: true }])
    expect(diffObjects({ a: 'x' }, null)).toEqual([{ key: 'a', before: 'x', after: '', changed: true }])
  })
})

describe('CSV text', () => {
  it('quotes cells that need it and starts with a BOM', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"']])).toBe('\uFEFFa,"b,c","say ""hi"""\r\n')
  })
})
