import { expect, test } from './fixtures'
import { field, login, loginOk, pickBranch } from './helpers'

test('admin creates a branch under 北方分行 and a user in it', async ({ page }) => {
  const stamp = Date.now().toString(36)
  const branchName = `测试支行${stamp}`
  const branchCode = `north.e2e${stamp}`
  const username = `e2e.${stamp}`
  const displayName = `测试员${stamp}`

  await loginOk(page, 'demo', 'admin')

  // Branch
  await page.getByTestId('menu-branches').click()
  await page.getByTestId('branch-node-north').click()
  await page.getByTestId('branch-add-child').click()
  await field(page, 'branch-create-name').fill(branchName)
  await field(page, 'branch-create-code').fill(branchCode)
  await page.getByTestId('branch-create-submit').click()
  await expect(page.getByTestId(`branch-node-${branchCode}`)).toBeVisible()
  // It sits under north.
  await expect(
    page.locator('.el-tree-node', { has: page.getByTestId('branch-node-north') }).getByTestId(`branch-node-${branchCode}`),
  ).toBeVisible()

  // User in that branch
  await page.getByTestId('menu-users').click()
  await page.getByTestId('user-create').click()
  await field(page, 'user-form-username').fill(username)
  await field(page, 'user-form-display-name').fill(displayName)
  await field(page, 'user-form-employee-code').fill(`E${stamp}`)
  await field(page, 'user-form-email').fill(`${username}@example.com`)
  await pickBranch(page, 'user-form-branch', branchName, branchCode)
  await field(page, 'user-form-password').fill('Welcome-12345')
  await page.getByTestId('user-form-submit').click()
  await expect(page.getByTestId('user-dialog')).toBeHidden()

  // Both are there after a reload.
  await page.reload()
  await field(page, 'user-search').fill(username)
  await page.getByTestId('user-search-submit').click()
  const row = page.locator('.el-table__row', { has: page.getByTestId(`user-row-${username}`) })
  await expect(row).toBeVisible()
  await expect(row).toContainText(displayName)
  await expect(row).toContainText(branchName)

  await page.getByTestId('menu-branches').click()
  await expect(page.getByTestId(`branch-node-${branchCode}`)).toBeVisible()

  // The new user signs in, must first replace the initial password, then lands home.
  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await login(page, 'demo', username, 'Welcome-12345')
  await expect(page.getByTestId('must-change-password')).toBeVisible()
  await page.goto('/users')
  await expect(page.getByTestId('must-change-password')).toBeVisible()
  await field(page, 'password-current').fill('Welcome-12345')
  await field(page, 'password-new').fill('Changed-67890')
  await field(page, 'password-confirm').fill('Changed-67890')
  await page.getByTestId('password-submit').click()
  await expect(page.getByTestId('welcome-card')).toContainText(branchName)
  await expect(page.getByTestId('home-role-employee')).toBeVisible()
})

test('a duplicate branch code is refused with a message', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  await page.getByTestId('menu-branches').click()
  await page.getByTestId('branch-node-north').click()
  await page.getByTestId('branch-add-child').click()
  await field(page, 'branch-create-name').fill('重复代码')
  await field(page, 'branch-create-code').fill('north')
  await page.getByTestId('branch-create-submit').click()
  await expect(page.locator('.el-message--error')).toBeVisible()
  await expect(page.getByTestId('branch-create-dialog')).toBeVisible()
})

test('the audit log lists the admin\'s changes', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  await page.getByTestId('menu-audit').click()
  await expect(page.getByTestId('audit-table')).toBeVisible()
  await expect(page.getByTestId('audit-table').locator('.el-table__row').first()).toBeVisible()
})

test('admin renames a branch, and edits and transfers a user', async ({ page }) => {
  const s = Date.now().toString(36)
  await loginOk(page, 'demo', 'admin')

  await page.getByTestId('menu-branches').click()
  await page.getByTestId('branch-node-north-haidian').click()
  await page.getByTestId('branch-rename').click()
  await field(page, 'branch-rename-name').fill(`海淀支行${s}`)
  await page.getByTestId('branch-rename-submit').click()
  await expect(page.getByTestId('branch-node-north-haidian')).toContainText(`海淀支行${s}`)

  await page.getByTestId('menu-users').click()
  await field(page, 'user-search').fill('emp.north.1')
  await page.getByTestId('user-search-submit').click()
  await page.getByTestId('user-edit-emp.north.1').click()
  await field(page, 'user-form-display-name').fill(`北方员工${s}`)
  await page.getByTestId('user-form-submit').click()
  const row = page.locator('.el-table__row', { has: page.getByTestId('user-row-emp.north.1') })
  await expect(row).toContainText(`北方员工${s}`)

  await page.getByTestId('user-more-emp.north.1').click()
  await page.locator('.el-dropdown-menu:visible .el-dropdown-menu__item').first().click()
  await pickBranch(page, 'user-move-target', `海淀支行${s}`, 'north-haidian')
  await page.getByTestId('user-move-submit').click()
  await expect(row).toContainText(`海淀支行${s}`)
})
