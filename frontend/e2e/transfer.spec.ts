import type { CDPSession, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { submitLogin } from './helpers'

/**
 * What a first visit costs a branch on a slow line: the bytes the browser itself reports
 * (DevTools' encodedDataLength: headers and bodies as they crossed the wire, compressed)
 * from opening the login page on an empty cache to the home page with its data.
 */
const BUDGET_BYTES = 400_000

/** Counts every response's transferred bytes through the DevTools protocol. */
class Meter {
  readonly urls = new Map<string, string>()
  readonly sizes: { url: string; bytes: number }[] = []
  inFlight = 0

  static async attach(page: Page): Promise<Meter> {
    const m = new Meter()
    const cdp: CDPSession = await page.context().newCDPSession(page)
    cdp.on('Network.requestWillBeSent', (e) => {
      m.inFlight++
      m.urls.set(e.requestId, e.request.url)
    })
    cdp.on('Network.loadingFinished', (e) => {
      m.inFlight--
      m.sizes.push({ url: m.urls.get(e.requestId) ?? e.requestId, bytes: e.encodedDataLength })
    })
    cdp.on('Network.loadingFailed', () => m.inFlight--)
    await cdp.send('Network.enable')
    await cdp.send('Network.clearBrowserCache')
    return m
  }

  total(): number {
    return this.sizes.reduce((sum, s) => sum + s.bytes, 0)
  }

  /** The transfers, largest first, for the failure message. */
  report(): string {
    const rows = [...this.sizes].sort((a, b) => b.bytes - a.bytes).map((s) => `${String(s.bytes).padStart(9)}  ${new URL(s.url).pathname}`)
    return `${this.total()} bytes in ${this.sizes.length} transfers:\n${rows.join('\n')}`
  }

  async settled(): Promise<void> {
    await expect.poll(() => this.inFlight, { message: 'requests still in flight' }).toBe(0)
  }
}

// One journey per kind of home page: the administrator's (the longest menu) and a manager's
// (the assignments to follow and his own training to do).
for (const username of ['admin', 'mgr.north']) {
  test(`signing in as ${username} on a cold cache transfers at most 400 KB`, async ({ page }) => {
    const meter = await Meter.attach(page)
    await page.goto('/login')
    await expect(page.getByTestId('login-submit')).toBeVisible()
    await meter.settled()
    const charting = meter.sizes.filter((s) => /echarts|zrender/i.test(s.url))
    expect(charting, 'the login page must not fetch the charting library').toEqual([])

    await submitLogin(page, 'demo', username)
    await expect(page.getByTestId('welcome-card')).toBeVisible()
    const home = page.getByTestId('home')
    await expect(home.locator('.el-loading-mask')).toHaveCount(0)
    await meter.settled()

    const total = meter.total()
    console.log(`sign-in as ${username}: ${total} bytes in ${meter.sizes.length} transfers`)
    expect(total, meter.report()).toBeLessThanOrEqual(BUDGET_BYTES)
  })
}
