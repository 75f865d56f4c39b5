import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { isStaleChunkError, watchStaleChunks } from './staleChunks'

describe('stale chunks', () => {
  it('knows the browsers’ messages for a missing lazy chunk, and nothing else', () => {
    expect(isStaleChunkError(new TypeError('Failed to fetch dynamically imported module: /assets/HomeView-OLD.js'))).toBe(true)
    expect(isStaleChunkError(new TypeError('error loading dynamically imported module'))).toBe(true)
    expect(isStaleChunkError(new TypeError('Importing a module script failed.'))).toBe(true)
    expect(isStaleChunkError(new Error('Request failed with status 500'))).toBe(false)
    expect(isStaleChunkError(undefined)).toBe(false)
  })

  it('offers a reload when a route’s chunk is gone, and reloads when the user accepts', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: { template: '<div/>' } },
        { path: '/old', component: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Old-1a2b.js')) },
      ],
    })
    const offer = vi.fn().mockResolvedValue(true)
    const reload = vi.fn()
    watchStaleChunks(router, offer, reload)
    await router.push('/')
    await router.push('/old').catch(() => undefined)
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1))
    expect(offer).toHaveBeenCalledTimes(1)
  })

  it('asks again after the user said later, but does not reload by itself', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: { template: '<div/>' } },
        { path: '/old', component: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) },
      ],
    })
    const offer = vi.fn().mockResolvedValue(false)
    const reload = vi.fn()
    watchStaleChunks(router, offer, reload)
    await router.push('/')
    await router.push('/old').catch(() => undefined)
    await vi.waitFor(() => expect(offer).toHaveBeenCalledTimes(1))
    await router.push('/old').catch(() => undefined)
    await vi.waitFor(() => expect(offer).toHaveBeenCalledTimes(2))
    expect(reload).not.toHaveBeenCalled()
  })
})
