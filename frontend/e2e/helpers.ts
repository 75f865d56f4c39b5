import { expect, type Locator, type Page } from '@playwright/test'
import { buildMenu } from '../src/utils/menu'

export const DEMO_PASSWORD = 'demo12345'

/**
 * The native input of an Element Plus field. el-input hands its attributes (data-testid
 * included) to the inner <input>; other widgets keep them on a wrapper.
 */
export function field(page: Page, testid: string): Locator {
  return page.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input`).first()
}

export async function login(page: Page, tenant: string, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await submitLogin(page, tenant, username, password)
}

/** Fills and sends the login form already on screen (keeps its ?redirect=). */
export async function submitLogin(page: Page, tenant: string, username: string, password = DEMO_PASSWORD) {
  await field(page, 'login-tenant').fill(tenant)
  await field(page, 'login-username').fill(username)
  await field(page, 'login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

export async function loginOk(page: Page, tenant: string, username: string, password = DEMO_PASSWORD) {
  await login(page, tenant, username, password)
  await expect(page.getByTestId('welcome-card')).toBeVisible()
}

/** Menu keys shown in the side menu, in order. */
export async function visibleMenu(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('[data-testid^="menu-"]')
  await expect(items.first()).toBeVisible()
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))
  return ids.map((id) => id.replace(/^menu-/, ''))
}

/** What the menu must be for the permissions the server reports for this session. */
export async function expectedMenu(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/v1/me')
  expect(res.status()).toBe(200)
  const me = (await res.json()) as { permissions: string[] }
  return buildMenu(me.permissions).map((m) => m.key)
}

/** Picks a branch in an el-tree-select by typing its code and clicking the match. */
export async function pickBranch(page: Page, testid: string, name: string, code: string) {
  const input = field(page, testid)
  await input.click()
  await input.fill(code)
  const option = page.locator('.el-select-dropdown:visible .el-tree-node__content', { hasText: `${name} (${code})` }).first()
  await expect(option).toBeVisible()
  await option.click()
  // The select shows the chosen label in a span beside its (emptied) filter input.
  await expect(page.locator(`.el-select[data-testid="${testid}"]`)).toContainText(`${name} (${code})`)
}
