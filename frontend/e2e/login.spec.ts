import { expect, test } from './fixtures'
import { field, login, submitLogin } from './helpers'

test('a wrong password shows an error and stays on the login page', async ({ page }) => {
  await login(page, 'demo', 'admin', 'not-the-password')
  await expect(page.getByTestId('login-error')).toBeVisible()
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误')
  await expect(page).toHaveURL(/\/login/)
  await expect(field(page, 'login-password')).toHaveValue('')
})

test('an unknown tenant is refused the same way', async ({ page }) => {
  await login(page, 'no-such-bank', 'admin')
  await expect(page.getByTestId('login-error')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})

test('signed-out visitors are sent to login, then back where they were going', async ({ page }) => {
  await page.goto('/audit')
  await expect(page).toHaveURL(/\/login\?redirect=(%2F|\/)audit/)
  await submitLogin(page, 'demo', 'auditor')
  await expect(page.getByTestId('audit-page')).toBeVisible()
  await expect(page).toHaveURL(/\/audit$/)
})

test('unknown pages show 404 and the SPA fallback serves deep links', async ({ page }) => {
  const res = await page.goto('/no/such/page')
  expect(res?.status()).toBe(200)
  await expect(page.getByTestId('not-found')).toBeVisible()
})
