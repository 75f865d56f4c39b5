import { expect, test } from '@playwright/test'
import { loginOk } from './helpers'

// Runs in the "phone" project (390 px wide).
test('on a phone the menu lives in a drawer', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  await expect(page.getByTestId('menu-drawer-toggle')).toBeVisible()
  await expect(page.getByTestId('menu-users')).toBeHidden()
  await page.getByTestId('menu-drawer-toggle').click()
  await page.getByTestId('menu-users').click()
  await expect(page.getByTestId('users-page')).toBeVisible()
  await expect(page.getByTestId('menu-users')).toBeHidden()
})

test('on a tablet the side menu is collapsed to icons', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1100 })
  await loginOk(page, 'demo', 'admin')
  await expect(page.getByTestId('menu-collapse-toggle')).toBeVisible()
  await expect(page.getByTestId('side-menu')).toHaveClass(/el-menu--collapse/)
})
