import { describe, expect, it, vi } from 'vitest'
import createClient from 'openapi-fetch'
import type { paths } from '@/api/schema'
import { CSRF_HEADER, csrfHeaders, csrfMiddleware, readCookie } from '@/api/csrf'
import { unauthorizedMiddleware } from '@/api/unauthorized'

/** A client whose fetch records every request and answers with `status`. */
function recordingClient(cookies: string, status = 200) {
  const seen: Request[] = []
  const fetchFn = vi.fn(async (input: Request) => {
    seen.push(input)
    if (status === 204) return new Response(null, { status })
    return new Response(JSON.stringify({ items: [] }), { status, headers: { 'Content-Type': 'application/json' } })
  })
  const client = createClient<paths>({ baseUrl: 'http://app.test', fetch: fetchFn as unknown as typeof fetch })
  client.use(csrfMiddleware(() => cookies))
  return { client, seen }
}

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('ss_csrf', 'a=1; ss_csrf=abc%2B123; b=2')).toBe('abc+123')
    expect(readCookie('ss_csrf', 'ss_csrf_other=x')).toBeUndefined()
    expect(readCookie('ss_csrf', '')).toBeUndefined()
  })
})

describe('csrfMiddleware', () => {
  const cookies = 'ss_session=opaque; ss_csrf=tok-123'

  it('adds X-CSRF-Token to POST, PUT, PATCH and DELETE', async () => {
    const { client, seen } = recordingClient(cookies)
    await client.POST('/api/v1/branches', { body: { parent_id: 1, name: 'n', code: 'c' } })
    await client.PUT('/api/v1/users/{id}/roles', { params: { path: { id: 1 } }, body: { roles: [] } })
    await client.PATCH('/api/v1/branches/{id}', { params: { path: { id: 2 } }, body: { name: 'x' } })
    await client.POST('/api/v1/auth/logout')
    expect(seen).toHaveLength(4)
    for (const r of seen) expect(r.headers.get(CSRF_HEADER)).toBe('tok-123')
  })

  it('leaves GET requests alone', async () => {
    const { client, seen } = recordingClient(cookies)
    await client.GET('/api/v1/branches')
    expect(seen[0].headers.get(CSRF_HEADER)).toBeNull()
  })

  it('does not send the token to the login endpoints', async () => {
    const { client, seen } = recordingClient(cookies)
    await client.POST('/api/v1/auth/login', { body: { tenant: 'demo', username: 'u', password: 'p' } })
    await client.POST('/api/v1/platform/auth/login', { body: { username: 'u', password: 'p' } })
    for (const r of seen) expect(r.headers.get(CSRF_HEADER)).toBeNull()
  })

  it('sends no header when there is no cookie yet', async () => {
    const { client, seen } = recordingClient('other=1')
    await client.POST('/api/v1/auth/logout')
    expect(seen[0].headers.get(CSRF_HEADER)).toBeNull()
  })

  it('gives the same headers to XHR uploads', () => {
    expect(csrfHeaders('POST', '/api/v1/users/import', cookies)).toEqual({ [CSRF_HEADER]: 'tok-123' })
    expect(csrfHeaders('GET', '/api/v1/users', cookies)).toEqual({})
  })
})

describe('unauthorizedMiddleware', () => {
  function client401(handler: (scope: string) => void) {
    const fetchFn = async () =>
      new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } })
    const c = createClient<paths>({ baseUrl: 'http://app.test', fetch: fetchFn as unknown as typeof fetch })
    c.use(unauthorizedMiddleware(() => handler))
    return c
  }

  it('reports a 401 from an ordinary call', async () => {
    const h = vi.fn()
    await client401(h).GET('/api/v1/me')
    expect(h).toHaveBeenCalledWith('tenant')
  })

  it('reports platform 401s with the platform scope', async () => {
    const h = vi.fn()
    await client401(h).GET('/api/v1/platform/tenants')
    expect(h).toHaveBeenCalledWith('platform')
  })

  it('ignores a 401 from a login (that is just a wrong password)', async () => {
    const h = vi.fn()
    const { error, response } = await client401(h).POST('/api/v1/auth/login', { body: { tenant: 't', username: 'u', password: 'p' } })
    expect(response.status).toBe(401)
    expect(error).toMatchObject({ status: 401 })
    expect(h).not.toHaveBeenCalled()
  })
})
