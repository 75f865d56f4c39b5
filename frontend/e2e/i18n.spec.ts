import { expect, test } from './fixtures'
import { loginOk } from './helpers'

test('switching to English and back changes the menu labels', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  const users = page.getByTestId('menu-users')
  await expect(users).toHaveText('用户管理')

  await page.getByTestId('lang-switch-button').click()
  await page.getByTestId('lang-en').click()
  await expect(users).toHaveText('Users')
  await expect(page.getByTestId('menu-home')).toHaveText('Home')

  // The choice survives a reload.
  await page.reload()
  await expect(page.getByTestId('menu-users')).toHaveText('Users')

  await page.getByTestId('lang-switch-button').click()
  await page.getByTestId('lang-zh-CN').click()
  await expect(page.getByTestId('menu-users')).toHaveText('用户管理')
})

test('the login page has its own language switch', async ({ page }) => {
  await page.goto('/login')
  await expect(page.getByTestId('login-submit')).toHaveText('登录')
  await page.getByTestId('lang-switch-button').click()
  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in')
})
