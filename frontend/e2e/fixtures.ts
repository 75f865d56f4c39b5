import { test as base, expect } from '@playwright/test'
import { endJourney, startJourney, track } from './axe-guard'

/**
 * Every journey doubles as a check of the server's Content-Security-Policy: Chromium reports
 * what the policy blocked on the console ("Refused to … because it violates the following
 * Content Security Policy directive"), and a journey that saw any such report fails, even
 * when the page still looked right.
 */
/**
 * Journeys that run the accessibility check on every page they visit. The menu sweep
 * (a11y.spec.ts) covers every menu page of every persona; the other journeys join this list as
 * their pages are made clean (SS_AXE_ENFORCE=1 runs it in every journey, to find what is left).
 */
const ENFORCED = ['a11y.spec.ts', 'keyboard.spec.ts', 'readlog.spec.ts']

export const test = base.extend<{ cspGuard: void; errorGuard: void; axeGuard: void }>({
  /**
   * Every page the journey visits passes axe-core's WCAG 2.2 A/AA rules (no serious or critical
   * violation) and has one h1, one main landmark and headings in order (see axe-guard.ts).
   */
  axeGuard: [
    async ({ page }, use, testInfo) => {
      const enforced = ENFORCED.some((name) => testInfo.file.endsWith(name)) || process.env.SS_AXE_ENFORCE === '1'
      // axe on every page costs seconds a page; journeys not yet clean skip it unless asked.
      if (!enforced) return use()
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
