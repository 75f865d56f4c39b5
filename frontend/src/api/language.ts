import type { Middleware } from 'openapi-fetch'
import { currentLocale } from '@/i18n'

export const LANGUAGE_HEADER = 'Accept-Language'

/**
 * The header that makes the server write its problem texts (the messages shown
 * beside fields) in the UI language, read at each request so they follow the switch.
 */
export function languageHeaders(locale: string = currentLocale.value): Record<string, string> {
  return { [LANGUAGE_HEADER]: locale }
}

/** Adds Accept-Language to every request; the locale source is injectable for tests. */
export function languageMiddleware(getLocale: () => string = () => currentLocale.value): Middleware {
  return {
    onRequest({ request }) {
      for (const [k, v] of Object.entries(languageHeaders(getLocale()))) request.headers.set(k, v)
      return request
    },
  }
}
