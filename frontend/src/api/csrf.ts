import type { Middleware } from 'openapi-fetch'

export const CSRF_COOKIE = 'ss_csrf'
export const CSRF_HEADER = 'X-CSRF-Token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

/** Login endpoints run before a session (and its CSRF cookie) exists. */
const CSRF_EXEMPT_PATHS = new Set(['/api/v1/auth/login', '/api/v1/platform/auth/login'])

export function readCookie(name: string, cookieString: string): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim()
      try {
        return decodeURIComponent(raw)
      } catch {
        return raw
      }
    }
  }
  return undefined
}

export function needsCsrf(method: string, pathname: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase()) && !CSRF_EXEMPT_PATHS.has(pathname)
}

/** Headers to add to a non-openapi-fetch request (e.g. an XHR upload). */
export function csrfHeaders(method: string, pathname: string, cookieString = document.cookie): Record<string, string> {
  if (!needsCsrf(method, pathname)) return {}
  const token = readCookie(CSRF_COOKIE, cookieString)
  return token ? { [CSRF_HEADER]: token } : {}
}

/**
 * Adds the double-submit CSRF header to every unsafe request. The cookie source is
 * injectable so the middleware can be tested without a browser.
 */
export function csrfMiddleware(getCookies: () => string = () => document.cookie): Middleware {
  return {
    onRequest({ request }) {
      const { pathname } = new URL(request.url, 'http://localhost')
      for (const [k, v] of Object.entries(csrfHeaders(request.method, pathname, getCookies()))) {
        request.headers.set(k, v)
      }
      return request
    },
  }
}
