/** An RFC 9457 problem document as huma writes it. */
export interface ProblemDetail {
  message?: string
  location?: string
  value?: unknown
}
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: ProblemDetail[] | null
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  readonly retryAfter?: number

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }
}

export function toProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object') return body as Problem
  if (typeof body === 'string' && body.trim() !== '') return { status, detail: body }
  return { status }
}

function retryAfterSeconds(res?: Response): number | undefined {
  const v = res?.headers.get('Retry-After')
  if (!v) return undefined
  const n = Number(v)
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n))
  const at = Date.parse(v)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

/**
 * Turns an openapi-fetch result into its data or a thrown ApiError, so callers can
 * write `const me = unwrap(await api.GET('/api/v1/me'))`.
 */
export function unwrap<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.error !== undefined || !r.response.ok) {
    throw new ApiError(r.response.status, toProblem(r.error, r.response.status), retryAfterSeconds(r.response))
  }
  return r.data as T
}

/** "body.roles[0].role" → "roles[0].role"; the form shows it on that field. */
export function fieldOf(location?: string): string {
  if (!location) return ''
  return location.replace(/^(body|query|path|header)\./, '')
}

/** Field name → first message, for el-form-item :error. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(e instanceof ApiError)) return out
  for (const d of e.problem.errors ?? []) {
    const f = fieldOf(d.location)
    if (f && !out[f] && d.message) out[f] = d.message
  }
  return out
}

/** One human-readable text: the detail plus each error's location and message. */
export function problemText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e)
  const p = e.problem
  const lines = [p.detail || p.title || `HTTP ${e.status}`]
  for (const d of p.errors ?? []) {
    const loc = fieldOf(d.location)
    lines.push(loc ? `${loc}: ${d.message ?? ''}` : d.message ?? '')
  }
  return lines.filter(Boolean).join('\n')
}
