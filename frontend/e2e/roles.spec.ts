import { expect, test } from './fixtures'
import { expectedMenu, field, loginOk, visibleMenu } from './helpers'

interface Case {
  tenant: string
  user: string
  role: string
  mustHave: string[]
  mustNotHave: string[]
}

const cases: Case[] = [
  { tenant: 'demo', user: 'admin', role: 'tenant_admin', mustHave: ['home', 'branches', 'users', 'audit'], mustNotHave: [] },
  { tenant: 'demo', user: 'hr', role: 'hr', mustHave: ['home', 'users'], mustNotHave: [] },
  { tenant: 'demo', user: 'auditor', role: 'auditor', mustHave: ['home', 'users', 'audit'], mustNotHave: [] },
  { tenant: 'demo', user: 'mgr.north', role: 'manager', mustHave: ['home'], mustNotHave: ['audit'] },
  { tenant: 'demo', user: 'emp.north.1', role: 'employee', mustHave: ['home'], mustNotHave: ['users', 'branches', 'audit'] },
  { tenant: 'demo', user: 'emp.south.1', role: 'employee', mustHave: ['home'], mustNotHave: ['users', 'branches', 'audit'] },
  { tenant: 'demo2', user: 'admin', role: 'tenant_admin', mustHave: ['home', 'branches', 'users', 'audit'], mustNotHave: [] },
  { tenant: 'demo2', user: 'emp.1', role: 'employee', mustHave: ['home'], mustNotHave: ['users', 'branches', 'audit'] },
]

for (const c of cases) {
  test(`${c.tenant}/${c.user} (${c.role}) sees exactly its menu`, async ({ page }) => {
    await loginOk(page, c.tenant, c.user)
    await expect(page.getByTestId(`home-role-${c.role}`).first()).toBeVisible()
    const menu = await visibleMenu(page)
    expect(menu).toEqual(await expectedMenu(page))
    for (const k of c.mustHave) expect(menu).toContain(k)
    for (const k of c.mustNotHave) expect(menu).not.toContain(k)
  })
}

test('an employee is sent home from admin pages', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  await page.goto('/users')
  await expect(page.getByTestId('welcome-card')).toBeVisible()
  await expect(page.getByTestId('users-page')).toHaveCount(0)
})

test('the auditor reads users and branches but cannot change them', async ({ page }) => {
  await loginOk(page, 'demo', 'auditor')
  await page.getByTestId('menu-users').click()
  await expect(page.getByTestId('user-table')).toBeVisible()
  await expect(page.getByTestId('user-row-admin')).toBeVisible()
  await expect(page.getByTestId('user-create')).toHaveCount(0)
  await expect(page.getByTestId('user-import')).toHaveCount(0)
  await expect(page.locator('[data-testid^="user-edit-"]')).toHaveCount(0)

  const menu = await visibleMenu(page)
  if (menu.includes('branches')) {
    await page.getByTestId('menu-branches').click()
    await page.getByTestId('branch-node-north').click()
    await expect(page.getByTestId('branch-details')).toContainText('north')
    // who works there, not the internal path the tree is stored by
    await expect(page.getByTestId('branch-subtree-headcount')).toHaveText(/^\d+ 人$/)
    await expect(page.getByTestId('branch-details')).not.toContainText('/1/')
    await expect(page.getByTestId('branch-add-child')).toHaveCount(0)
    await expect(page.getByTestId('branch-close')).toHaveCount(0)
  }
})

test('tenants do not see each other: demo2 admin has no north branch', async ({ page }) => {
  await loginOk(page, 'demo2', 'admin')
  await page.getByTestId('menu-branches').click()
  await expect(page.getByTestId('branch-tree')).toBeVisible()
  await expect(page.locator('.el-tree-node').first()).toBeVisible()
  await expect(page.getByTestId('branch-node-north')).toHaveCount(0)
})

test('sign out returns to the login page and the session is gone', async ({ page }) => {
  await loginOk(page, 'demo', 'hr')
  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await expect(page.getByTestId('login-form')).toBeVisible()
  expect((await page.request.get('/api/v1/me')).status()).toBe(401)
  await page.goto('/users')
  await expect(page).toHaveURL(/\/login\?redirect=(%2F|\/)users/)
  // The tenant slug is remembered.
  await expect(field(page, 'login-tenant')).toHaveValue('demo')
})
