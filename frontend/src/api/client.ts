import createClient from 'openapi-fetch'
import type { paths } from './schema'
import { csrfMiddleware } from './csrf'
import { languageMiddleware } from './language'
import { unauthorizedMiddleware, type UnauthorizedHandler } from './unauthorized'

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' })

let onUnauthorized: UnauthorizedHandler | undefined

/** The router/store wire this up at start-up (avoids an import cycle). */
export function setUnauthorizedHandler(h: UnauthorizedHandler) {
  onUnauthorized = h
}

api.use(csrfMiddleware())
api.use(languageMiddleware())
api.use(unauthorizedMiddleware(() => onUnauthorized))
