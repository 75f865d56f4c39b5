// A view of the shared client for paths the generated schema does not know yet (areas whose
// backend lands after the page): the same middleware (CSRF, language, 401) applies, only the
// compile-time path check is given up. Typed wrappers in each area narrow what comes back.
import { api } from './client'

type Result = { data?: unknown; error?: unknown; response: Response }
/** params and body as the typed client takes them; anything else (bodySerializer, fetch) passes through. */
type Init = { params?: { path?: Record<string, unknown>; query?: Record<string, unknown> }; body?: unknown; [option: string]: unknown }

interface LooseClient {
  GET(path: string, init?: Init): Promise<Result>
  POST(path: string, init?: Init): Promise<Result>
  PUT(path: string, init?: Init): Promise<Result>
}

export const looseApi = api as unknown as LooseClient
