import AxeBuilder from '@axe-core/playwright'
import { test, type BrowserContext, type Locator, type Page } from '@playwright/test'

/**
 * Accessibility check of every page a journey visits: axe-core's WCAG 2.2 A/AA rules (serious
 * and critical violations count) plus the page's structure (one visible h1, one main landmark,
 * headings that never skip a level going down).
 *
 * A page is checked when the journey is about to act on it again after it navigated (or at the
 * end of the journey): by then the journey itself has waited for what it came to see, so the
 * check sees the page as the user does, and no check runs while the journey is mid-action.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** Best-practice rules the issue asks for on every page; any impact fails. */
const STRUCTURE = ['page-has-heading-one', 'landmark-one-main', 'heading-order']

interface Waiver {
  path: RegExp
  rules: string[]
}

/**
 * Violations switched off for one page and one rule, each with its reason. Only for markup the
 * app cannot reach: a third-party widget's own shadow DOM.
 */
const WAIVERS: Waiver[] = [
  // The API reference (developers, not branch staff) is RapiDoc: its "try it" parameter inputs
  // live in its shadow DOM without labels, and its grey parameter types (no CSS part to style)
  // are below 4.5:1; neither its attributes nor CSS parts reach them. The page around it has its
  // main landmark, h1, a contrast-safe primary colour and dark method names.
  { path: /^\/api\/docs/, rules: ['label', 'color-contrast'] },
]

interface Tracked {
  dirty: boolean
  seen: Set<string>
}

type Action = (...args: unknown[]) => Promise<unknown>

const pages = new Map<Page, Tracked>()
const contexts = new WeakSet<BrowserContext>()
let findings: string[] = []

/** Starts a journey's record. */
export function startJourney() {
  findings = []
  pages.clear()
}

/** Checks every page of the journey still open that moved since its last check; returns all found. */
export async function endJourney(): Promise<string[]> {
  for (const page of pages.keys()) await checkIfMoved(page)
  return findings
}

/** Runs the check (if due) before the action itself. */
function before(target: Record<string, unknown>, names: string[], pageOf: (self: unknown) => Page) {
  for (const name of names) {
    const original = target[name] as Action | undefined
    if (typeof original !== 'function') continue
    target[name] = async function (this: unknown, ...args: unknown[]) {
      await checkIfMoved(pageOf(this))
      return original.apply(this, args)
    }
  }
}

const LOCATOR_ACTIONS = ['click', 'dblclick', 'tap', 'fill', 'clear', 'press', 'pressSequentially', 'type', 'check', 'uncheck', 'setChecked', 'selectOption', 'setInputFiles', 'focus', 'hover', 'dragTo']
let locatorPatched = false

/** Watches a page's navigations and its actions; a page seen for the first time is due for a check. */
export function track(page: Page): Tracked {
  const known = pages.get(page)
  if (known) return known
  const fresh: Tracked = { dirty: true, seen: new Set() }
  pages.set(page, fresh)
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) fresh.dirty = true
  })
  page.on('close', () => pages.delete(page))
  // Locators are made anew on every call: their class is patched once, they name their page.
  if (!locatorPatched) {
    locatorPatched = true
    before(Object.getPrototypeOf(page.locator('body')), LOCATOR_ACTIONS, (self) => (self as Locator).page())
  }
  const self = () => page
  before(page as unknown as Record<string, unknown>, ['goto', 'reload', 'goBack', 'goForward', 'click', 'fill', 'press', 'close'], self)
  before(page.keyboard as unknown as Record<string, unknown>, ['press', 'type', 'insertText'], self)
  before(page.mouse as unknown as Record<string, unknown>, ['click', 'dblclick'], self)
  const context = page.context()
  if (!contexts.has(context)) {
    contexts.add(context)
    const close = context.close.bind(context)
    context.close = async (...args) => {
      for (const p of context.pages()) if (pages.has(p)) await checkIfMoved(p)
      return close(...args)
    }
    context.on('page', (p) => void track(p))
  }
  return fresh
}

/** Checks the page if it navigated since its last check (once per address and journey). */
export async function checkIfMoved(page: Page): Promise<void> {
  const t = track(page)
  if (!t.dirty || page.isClosed()) return
  t.dirty = false
  const url = new URL(page.url())
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return
  const key = url.pathname + url.search
  if (t.seen.has(key)) return
  t.seen.add(key)
  // The check's own time is added to the journey's budget: checking is not the journey's doing.
  const started = Date.now()
  try {
    await settle(page)
    let found = await check(page, url.pathname)
    // An element that began a transition while axe ran (a badge zooming in as the notifications
    // arrive) is judged in its final state: wait for it and check the page again.
    if (found.some((f) => /-(enter|leave)-active/.test(f))) {
      await page.waitForTimeout(500)
      await settle(page)
      found = await check(page, url.pathname)
    }
    findings.push(...found)
    test.info().setTimeout(test.info().timeout + (Date.now() - started))
  } catch (e) {
    // The page went away under the check (a redirect); it is checked where it landed.
    if (!/context was destroyed|Target .*closed|navigat/i.test(String(e))) throw e
    t.seen.delete(key)
    t.dirty = true
  }
}

/** What the check reads of a page's Web Animation (the e2e build has no DOM typings). */
type Running = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null }

/** Waits, within bounds, for the page's spinners to go; checks anyway if they do not. */
async function settle(page: Page) {
  await page.waitForLoadState('load')
  for (let i = 0; i < 50; i++) {
    const busy = await page.locator('.el-loading-mask:visible, .el-skeleton:visible').count()
    if (busy === 0) break
    await page.waitForTimeout(100)
  }
  // An element caught mid-fade (a badge zooming in) has a see-through colour that axe reads as
  // poor contrast; wait for finite transitions to end (endless ones, such as spinners, never do).
  for (let i = 0; i < 20; i++) {
    const moving = await page
      .locator('html')
      .evaluate((root) => root.ownerDocument.getAnimations().filter((a: Running) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length)
    if (moving === 0) return
    await page.waitForTimeout(100)
  }
}

export async function check(page: Page, path: string): Promise<string[]> {
  const off = WAIVERS.filter((w) => w.path.test(path)).flatMap((w) => w.rules)
  const rules: Record<string, { enabled: boolean }> = {}
  for (const r of STRUCTURE) rules[r] = { enabled: true }
  // structure-* are this file's own checks (below), not axe rules.
  for (const r of off) if (!r.startsWith('structure-')) rules[r] = { enabled: false }
  // Legacy mode runs axe in the page itself; the default finishes each run in a new blank tab,
  // which hung on some pages here (and the app has no frames to gather results from).
  const result = await new AxeBuilder({ page }).setLegacyMode(true).options({ runOnly: { type: 'tag', values: WCAG }, rules }).analyze()
  const out = result.violations
    .filter((v) => STRUCTURE.includes(v.id) || v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${path} ${v.id}: ${n.target.join(' ')} ${n.html.slice(0, 160)}`))
  const own = (await structure(page)).filter((s) => !off.includes(s.split(':')[0]))
  return out.concat(own.map((s) => `${path} ${s}`))
}

/** One visible h1, one main landmark, headings in order: what a screen reader's outline needs. */
async function structure(page: Page): Promise<string[]> {
  return page.locator('html').evaluate((root) => {
    const doc = root.ownerDocument
    const win = doc.defaultView
    const shown = (el: typeof root) => el.getClientRects().length > 0 && win?.getComputedStyle(el).visibility !== 'hidden'
    const all = (sel: string) => [...doc.querySelectorAll<typeof root>(sel)]
    const problems: string[] = []
    const h1 = all('h1, [role="heading"][aria-level="1"]').filter(shown)
    if (h1.length !== 1) problems.push(`structure-h1: ${h1.length} visible h1 (one expected)`)
    const mains = all('main, [role="main"]')
    if (mains.length !== 1) problems.push(`structure-main: ${mains.length} main landmarks (one expected)`)
    const levels = all('h1, h2, h3, h4, h5, h6, [role="heading"]')
      .filter(shown)
      .map((h) => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), text: (h.textContent ?? '').trim().slice(0, 40) }))
    for (let i = 1; i < levels.length; i++) {
      if (levels[i].level > levels[i - 1].level + 1) {
        problems.push(`structure-order: h${levels[i].level} "${levels[i].text}" follows h${levels[i - 1].level} "${levels[i - 1].text}"`)
      }
    }
    return problems
  })
}
