// The awards, careers and suggestions calls go through the app's one client (so the CSRF,
// language and 401 middleware apply) but by path string: these areas' routes were written at the
// same time as this UI, so their generated types may lag. Each area's api.ts types its answers by
// the shared contract; once `make openapi` knows the routes, api.ts can switch to `api.GET` typed.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
type Query = Record<string, string | number | boolean | undefined>
interface Init {
  params?: { path?: Record<string, string | number>; query?: Query }
  body?: unknown
}
type Untyped = Record<Method, (path: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>>

const client = api as unknown as Untyped

/** Calls `path` (with `{name}` placeholders filled from `path`) and returns its JSON or throws ApiError. */
export async function call<T>(method: Method, path: string, opts: { path?: Record<string, string | number>; query?: Query; body?: unknown } = {}): Promise<T> {
  const query: Query = {}
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== '') query[k] = v
  const init: Init = { params: { path: opts.path, query } }
  if (opts.body !== undefined) init.body = opts.body
  return unwrap(await client[method](`/api/v1${path}`, init)) as T
}

/** Go slices arrive as null when empty. */
export const list = <T>(v: T[] | null | undefined): T[] => v ?? []

/** A list page as the contract sends it. */
export interface Page<T> {
  items: T[]
  total: number
  page?: number
  page_size?: number
}
export function page<T>(p: { items?: T[] | null; total?: number } | null | undefined): Page<T> {
  const items = list(p?.items)
  return { items, total: p?.total ?? items.length }
}
