import type { Router } from 'vue-router'

// What browsers say when a lazily loaded chunk is gone (Chromium, Firefox, Safari). After an
// upgrade, an open tab still asks for the old hashed file names, which now answer 404.
const STALE = [
  'Failed to fetch dynamically imported module',
  'error loading dynamically imported module',
  'Importing a module script failed',
  'Unable to preload CSS',
]

export function isStaleChunkError(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err ?? '')
  return STALE.some((s) => text.includes(s))
}

/**
 * Offers a reload, once, when a chunk of an older build cannot be loaded: without it the
 * navigation would silently do nothing. `offer` shows the dialog and resolves true to reload.
 */
export function watchStaleChunks(router: Router, offer: () => Promise<boolean>, reload: () => void): void {
  let offered = false
  const onStale = async () => {
    if (offered) return
    offered = true
    if (await offer()) reload()
    else offered = false
  }
  router.onError((err) => {
    if (isStaleChunkError(err)) void onStale()
  })
  // Vite's own signal that a preload of a dependency failed. Not prevented: the import must
  // still fail, or the router would get an empty module instead of an error.
  window.addEventListener('vite:preloadError', () => void onStale())
  // The menu's own router.push leaves the failed navigation's promise unhandled; it is
  // handled here, by the offer.
  window.addEventListener('unhandledrejection', (event) => {
    if (!isStaleChunkError(event.reason)) return
    event.preventDefault()
    void onStale()
  })
}
