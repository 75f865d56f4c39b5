import { test as base, expect } from '@playwright/test'
import { endJourney, startJourney, track } from './axe-guard'

/**
 * Every journey doubles as a check of the server's Content-Security-Policy: Chromium reports
 * what the policy blocked on the console ("Refused to … because it violates the following
 * Content Security Policy directive"), and a journey that saw any such report fails, even
 * when the page still looked right.
 */
export const test = base.extend<{ cspGuard: void; errorGuard: void; axeGuard: void }>({
  /**
   * Every page the journey visits passes axe-core's WCAG 2.2 A/AA rules (no serious or critical
   * violation) and has one h1, one main landmark and headings in order (see axe-guard.ts).
   */
  axeGuard: [
    async ({ page }, use, testInfo) => {
      startJourney()
      track(page)
      await use()
      // A journey that failed already is not buried under findings from its broken last page.
      if (testInfo.status !== testInfo.expectedStatus) return
      expect(await endJourney(), 'accessibility violations (axe WCAG 2.2 A/AA serious+critical; page structure)').toEqual([])
    },
    { auto: true },
  ],
  /** An exception no code caught, in any page of the journey, fails it too. */
  errorGuard: [
    async ({ context }, use) => {
      const uncaught: string[] = []
      context.on('weberror', (e) => uncaught.push(`${e.page()?.url() ?? ''}: ${e.error().message}`))
      await use()
      expect(uncaught, 'uncaught exceptions in the page').toEqual([])
    },
    { auto: true },
  ],
  cspGuard: [
    async ({ context }, use) => {
      const refused: string[] = []
      context.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text())
      })
      await use()
      expect(refused, 'Content Security Policy violations').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
