import { test, expect } from './fixtures'
import { loginOk } from './helpers'

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
