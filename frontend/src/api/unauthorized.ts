import type { Middleware } from 'openapi-fetch'

const LOGIN_PATHS = new Set(['/api/v1/auth/login', '/api/v1/platform/auth/login'])

export type UnauthorizedHandler = (scope: 'tenant' | 'platform') => void

/**
 * Calls the handler on any 401 except from the login endpoints (where a 401 just
 * means wrong credentials and the login form shows it).
 */
export function unauthorizedMiddleware(handler: () => UnauthorizedHandler | undefined): Middleware {
  return {
    onResponse({ request, response }) {
      if (response.status !== 401) return undefined
      const { pathname } = new URL(request.url, 'http://localhost')
      if (LOGIN_PATHS.has(pathname)) return undefined
      handler()?.(pathname.startsWith('/api/v1/platform/') ? 'platform' : 'tenant')
      return undefined
    },
  }
}
