import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { loginOk } from './helpers'

// Runs in the "phone" project (390 px wide).

const LONG_NAME = '欧阳慕容·司马长风 Alexandria Wolfeschlegelsteinhausen'

/**
 * Serves the session (login and /me) with a long display name, so the header has to cope with one
 * (the demo names are short). Everything else about the session is the server's.
 */
async function longDisplayName(page: Page) {
  await page.route(/\/api\/v1\/(me|auth\/login)$/, async (route) => {
    const res = await route.fetch()
    const body = await res.json()
    if (body?.user) body.user.display_name = LONG_NAME
    await route.fulfill({ response: res, json: body })
  })
}

/**
 * Nothing on the page is wider than the viewport: the document does not scroll sideways,
 * and every control in the header ends inside the screen. Measured against the width the
 * test set, not window.innerWidth: a mobile browser widens its layout viewport to fit
 * content that overflows (innerWidth then equals scrollWidth and hides the overflow).
 */
async function expectFits(page: Page, what: string) {
  const width = page.viewportSize()?.width ?? 0
  expect(width).toBeGreaterThan(0)
  const html = page.locator('html')
  const header = page.locator('.header')
  // Let fonts settle before measuring (a fallback font has other widths).
  await html.evaluate((el) => el.ownerDocument.fonts.ready.then(() => undefined))
  const m = {
    innerWidth: await html.evaluate((el) => el.ownerDocument.defaultView?.innerWidth ?? 0),
    scrollWidth: await html.evaluate((el) => el.scrollWidth),
    bodyScrollWidth: await page.locator('body').evaluate((el) => el.scrollWidth),
    headerScrollWidth: await header.evaluate((el) => el.scrollWidth),
    headerClientWidth: await header.evaluate((el) => el.clientWidth),
    // The right edge of the rightmost thing drawn in the header.
    headerRight: await header.locator('*').evaluateAll((els) =>
      Math.ceil(Math.max(0, ...els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.right))),
    ),
  }
  const msg = `${what} at ${width}px: ${JSON.stringify(m)}`
  expect(m.innerWidth, msg).toBe(width)
  expect(m.scrollWidth, msg).toBeLessThanOrEqual(width)
  expect(m.bodyScrollWidth, msg).toBeLessThanOrEqual(width)
  expect(m.headerScrollWidth, msg).toBeLessThanOrEqual(m.headerClientWidth)
  expect(m.headerRight, msg).toBeLessThanOrEqual(width)
}

async function toEnglish(page: Page) {
  await page.getByTestId('lang-switch-button').click()
  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('menu-drawer-toggle').or(page.getByTestId('menu-collapse-toggle'))).toBeVisible()
  await expect(page.getByTestId('lang-switch-button')).toHaveAttribute('aria-label', /^Language(: English)?$/)
}

/** Opens a menu entry (through the drawer on a phone) and waits for its page. */
async function openFromMenu(page: Page, key: string, pageTestId: string) {
  const toggle = page.getByTestId('menu-drawer-toggle')
  if (await toggle.isVisible()) await toggle.click()
  await page.getByTestId(`menu-${key}`).click()
  await expect(page.getByTestId(pageTestId)).toBeVisible()
}

test('on a phone the menu lives in a drawer', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  await expectFits(page, 'admin home')
  await expect(page.getByTestId('menu-drawer-toggle')).toBeVisible()
  await expect(page.getByTestId('menu-users')).toBeHidden()
  await page.getByTestId('menu-drawer-toggle').click()
  await page.getByTestId('menu-users').click()
  await expect(page.getByTestId('users-page')).toBeVisible()
  await expect(page.getByTestId('menu-users')).toBeHidden()
  await expectFits(page, 'admin users')
})

test('on a tablet the side menu is collapsed to icons', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1100 })
  await loginOk(page, 'demo', 'admin')
  await expect(page.getByTestId('menu-collapse-toggle')).toBeVisible()
  await expect(page.getByTestId('side-menu')).toHaveClass(/el-menu--collapse/)
  await expectFits(page, 'admin home on a tablet')
})

for (const width of [360, 390, 768]) {
  test(`the header fits ${width} px with a long name, in Chinese and in English (hr)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 })
    await longDisplayName(page)
    await loginOk(page, 'demo', 'hr')
    await expect(page.getByTestId('user-menu')).toContainText('欧阳')
    await expectFits(page, 'hr home, zh-CN')
    await openFromMenu(page, 'assignments', 'assignments-page')
    await expectFits(page, 'hr assignments, zh-CN')

    await toEnglish(page)
    await expectFits(page, 'hr assignments, en')
    await openFromMenu(page, 'home', 'welcome-card')
    await expectFits(page, 'hr home, en')
    await openFromMenu(page, 'library', 'library-page')
    await expectFits(page, 'hr library, en')
  })
}

test('admin pages fit a 360 px phone in English', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await loginOk(page, 'demo', 'admin')
  await toEnglish(page)
  await expectFits(page, 'admin home, en')
  await openFromMenu(page, 'users', 'users-page')
  await expectFits(page, 'admin users, en')
  await openFromMenu(page, 'audit', 'audit-page')
  await expectFits(page, 'admin audit, en')
  await openFromMenu(page, 'branches', 'branches-page')
  await expectFits(page, 'admin branches, en')
})
