import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, field, visibleMenu } from './helpers'
import { MENU } from '../src/utils/menu'

// Scenario scenarios/library/09-conservative-wants-high-yield.yaml, by its model path: "a" at
// t1–t5 (no suitability warning on the way), "c" at t5i (the customer wavers: no pressure), "a"
// at t6 (the recorded sale) ends it. Choices are shuffled per attempt: each is found by its id.
const MODEL_PATH = ['a', 'a', 'a', 'a', 'a', 'c', 'a']
const SCENARIO = 'conservative-wants-high-yield'

/** Presses Tab until the target (or something inside it) has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 150) {
  await expect(target).toBeVisible()
  for (let i = 0; i < limit; i++) {
    const focused = await target.evaluate((el) => {
      const active = el.ownerDocument.activeElement
      return el === active || el.contains(active)
    })
    if (focused) return
    await page.keyboard.press('Tab')
  }
  expect(false, `Tab reaches ${target} within ${limit} presses`).toBe(true)
}

test('sign in, open every menu entry and play a scenario to its end, by keyboard only', async ({ page }) => {
  await page.goto('/login')
  await tabTo(page, field(page, 'login-tenant'))
  await page.keyboard.type('demo')
  await tabTo(page, field(page, 'login-username'))
  await page.keyboard.type('emp.south.1')
  await tabTo(page, field(page, 'login-password'))
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('welcome-card')).toBeVisible()

  const paths = new Map(MENU.map((m) => [m.key, m.path]))
  for (const key of await visibleMenu(page)) {
    await tabTo(page, page.getByTestId(`menu-${key}`))
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL((url) => url.pathname === paths.get(key))
    await expect(page.locator('main h1').first()).toBeVisible()
  }

  await tabTo(page, page.getByTestId('menu-training'))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByTestId(`start-${SCENARIO}`))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/training\/attempts\/\d+$/)

  const replies = page.locator('[data-testid^="msg-reply-"]')
  const result = page.getByTestId('result-total')
  for (const [i, choice] of MODEL_PATH.entries()) {
    await tabTo(page, page.getByTestId(`choice-${choice}`))
    await page.keyboard.press('Enter')
    if (i < MODEL_PATH.length - 1) await expect(replies).toHaveCount(i + 1)
  }
  await expect(result).toBeVisible()
  expect(Number(await result.textContent())).toBeGreaterThanOrEqual(80)
})
