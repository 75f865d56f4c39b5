import { test, expect } from './fixtures'
import { loginOk, visibleMenu } from './helpers'

const PERSONAS = ['emp.north.1', 'mgr.north', 'hr', 'admin', 'auditor']

/*
 * Every menu page of every persona, opened once: the axe guard of fixtures.ts checks each
 * page the journey visits, so this walk is what puts every page in front of it.
 */
for (const user of PERSONAS) {
  test(`every menu page ${user} can open passes the accessibility check`, async ({ page }) => {
    await loginOk(page, 'demo', user)
    for (const key of await visibleMenu(page)) {
      if (key === 'home') continue
      await page.getByTestId(`menu-${key}`).click()
      await expect(page.locator('main h1').first()).toBeVisible()
    }
    // The last page is checked as the journey ends.
  })
}

test.describe('keyboard and upgrades', () => {
  test('a missing hashed asset is a 404, and a page whose chunk is gone offers a reload', async ({ page }) => {
    const missing = await page.request.get('/assets/HomeView-OLDHASH.js')
    expect(missing.status()).toBe(404)

    await loginOk(page, 'demo', 'hr')
    // As after an upgrade: the tab still asks for the old build's chunk of the users page.
    await page.route(/\/assets\/UsersView-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }))
    await page.getByTestId('menu-users').click()
    const dialog = page.getByRole('dialog', { name: '系统已更新' })
    await expect(dialog).toBeVisible()
    await page.unroute(/\/assets\/UsersView-[^/]+\.js$/)
    await dialog.getByRole('button', { name: '立即刷新' }).click()
    await expect(page.getByTestId('menu-users')).toBeVisible()
    await page.getByTestId('menu-users').click()
    await expect(page).toHaveURL(/\/users$/)
    await expect(page.getByRole('dialog', { name: '系统已更新' })).toHaveCount(0)
  })

  test('the skip link and every menu entry are reachable and usable by keyboard', async ({ page }) => {
    await loginOk(page, 'demo', 'hr')
    await page.keyboard.press('Tab')
    const skip = page.getByTestId('skip-link')
    await expect(skip).toBeFocused()
    await expect(skip).toHaveText('跳到主要内容')
    await page.keyboard.press('Enter')
    await expect(page.locator('#main-content')).toBeFocused()

    // Walk forward from the top of a freshly loaded page until the Users entry has the focus.
    await page.reload()
    await expect(page.getByTestId('welcome-card')).toBeVisible()
    let reached = false
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.getByTestId('menu-users').evaluate((el) => el.matches(':focus'))
    }
    expect(reached, 'Tab reaches the Users menu entry').toBe(true)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/users$/)
    await page.getByTestId('menu-branches').focus()
    await page.keyboard.press('Space')
    await expect(page).toHaveURL(/\/branches$/)
  })
})

/** Sum of the page's layout shifts not caused by the user (the CLS of one page load). */
const CLS_OBSERVER = `window.__cls = 0
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value
}).observe({ type: 'layout-shift', buffered: true })`

for (const [name, viewport] of [
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`the manager's home page does not jump as its cards load (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await loginOk(page, 'demo', 'mgr.north')
    await page.addInitScript({ content: CLS_OBSERVER })
    await page.goto('/')
    await expect(page.getByTestId('home-follow').locator('[data-testid^="home-follow-"]').first()).toBeVisible()
    await expect(page.getByTestId('home-todo')).toBeVisible()
    await expect(page.getByTestId('my-badges')).toBeVisible()
    await expect(page.locator('main .el-loading-mask:visible')).toHaveCount(0)
    const cls = Number(await page.evaluate('window.__cls'))
    expect(cls, 'cumulative layout shift of the manager home page').toBeLessThanOrEqual(0.05)
  })
}

test.describe('at 200 % zoom', () => {
  // What a 1280×800 screen shows at 200 % zoom: 640×400 CSS pixels, two device pixels each.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })

  for (const user of ['emp.north.1', 'hr']) {
    test(`every menu page of ${user} fits the width and the menu stays reachable`, async ({ page }) => {
      await loginOk(page, 'demo', user)
      const toggle = page.getByTestId('menu-drawer-toggle')
      await toggle.click()
      const keys = await visibleMenu(page)
      // Choosing an entry closes the drawer, even the page already open.
      await page.getByTestId('menu-home').click()
      for (const key of keys) {
        await toggle.click()
        await page.getByTestId(`menu-${key}`).click()
        await expect(page.locator('main h1').first()).toBeVisible()
        const width = await page.locator('html').evaluate((el) => el.scrollWidth)
        expect(width, `${key}: the page scrolls sideways`).toBeLessThanOrEqual(640)
      }
    })
  }
})

/**
 * The operating system's large text: the browser's default font size at "very large" (24 px,
 * what rem-based sizes follow) and Element Plus's text sizes half as large again (what its
 * px-based controls follow). Set through the CSSOM, which the Content-Security-Policy allows.
 */
const LARGE_TEXT = `document.addEventListener('DOMContentLoaded', () => {
  const root = document.documentElement.style
  root.fontSize = '24px'
  const sizes = { 'extra-small': 18, small: 19, base: 21, medium: 24, large: 27, 'extra-large': 30 }
  for (const [name, px] of Object.entries(sizes)) root.setProperty('--el-font-size-' + name, px + 'px')
})`

test.describe('with the operating system\'s large text', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('every menu page of an employee fits the width and the menu stays reachable', async ({ page }) => {
    await page.addInitScript({ content: LARGE_TEXT })
    await loginOk(page, 'demo', 'emp.north.1')
    expect(await page.locator('html').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).fontSize)).toBe('24px')
    for (const key of await visibleMenu(page)) {
      const entry = page.getByTestId(`menu-${key}`)
      await expect(entry).toBeVisible()
      await entry.click()
      await expect(page.locator('main h1').first()).toBeVisible()
      const [scroll, width] = await page.locator('html').evaluate((el) => [el.scrollWidth, el.clientWidth])
      expect(scroll, `${key}: the page scrolls sideways`).toBeLessThanOrEqual(width)
    }
  })
})
