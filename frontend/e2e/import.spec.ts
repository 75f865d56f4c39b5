import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { field, login, loginOk } from './helpers'

function csv(rows: string[][], name = 'branches.csv'): { name: string; mimeType: string; buffer: Buffer } {
  const text = '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n'
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }
}

/** The template the dialog's button downloads (the server's, in the page's language). */
async function template(page: Page, dialog: Locator): Promise<string> {
  const download = page.waitForEvent('download')
  await dialog.getByTestId('import-template').click()
  const path = await (await download).path()
  return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').trim()
}

test('admin previews, then imports branches from a CSV file', async ({ page }) => {
  const s = Date.now().toString(36)
  await loginOk(page, 'demo', 'admin')
  await page.getByTestId('menu-branches').click()
  await page.getByTestId('branch-import').click()
  const dialog = page.getByTestId('import-dialog-branches')
  await expect(dialog).toBeVisible()
  // The template is the server's, with Chinese headers on a Chinese page.
  expect(await template(page, dialog)).toBe('机构代码,机构名称,上级机构代码')

  // A bad row: the dry run reports it and the import stays disabled.
  await dialog.locator('input[type=file]').setInputFiles(
    csv([
      ['code', 'name', 'parent_code'],
      [`imp-${s}`, `导入支行${s}`, 'north'],
      [`bad-${s}`, `坏行${s}`, `no-such-${s}`],
    ]),
  )
  await page.getByTestId('import-preview').click()
  await expect(page.getByTestId('import-summary')).toBeVisible()
  await expect(page.getByTestId('import-rows')).toContainText('parent_code')
  await expect(page.getByTestId('import-run')).toBeDisabled()

  // Fixed file: dry run passes, then the import creates the branches.
  await dialog.locator('.el-upload-list__item').hover()
  await dialog.locator('.el-upload-list__item .el-icon--close').click()
  await dialog.locator('input[type=file]').setInputFiles(
    csv([
      ['code', 'name', 'parent_code'],
      [`imp-${s}`, `导入支行${s}`, 'north'],
      [`imp-${s}-a`, `导入网点${s}`, `imp-${s}`],
    ]),
  )
  await page.getByTestId('import-preview').click()
  await expect(page.getByTestId('import-run')).toBeEnabled()
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-summary')).toContainText('2')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId(`branch-node-imp-${s}`)).toBeVisible()
  await expect(page.getByTestId(`branch-node-imp-${s}-a`)).toBeVisible()
})

// Imported users get a one-time initial password from the server, shown once in the report;
// the template (Chinese headers here) has no password column.
test('admin imports a user, copies the one-time password, and the user must change it', async ({ page }) => {
  const s = Date.now().toString(36)
  const username = `imp.${s}`
  await loginOk(page, 'demo', 'admin')
  await page.goto('/users')
  await page.getByTestId('user-import').click()
  const dialog = page.getByTestId('import-dialog-users')
  await expect(dialog).toBeVisible()
  const header = await template(page, dialog)
  expect(header).toBe('用户名,姓名,员工编号,电子邮件,所属机构代码,角色')
  expect(header).not.toContain('密码')

  await dialog.locator('input[type=file]').setInputFiles(
    csv([header.split(','), [username, `导入员工${s}`, `IMP-${s}`, `${username}@demo.example`, 'north', 'employee']], 'users.csv'),
  )
  await page.getByTestId('import-preview').click()
  await expect(page.getByTestId('import-run')).toBeEnabled()
  // A dry run makes no password.
  await expect(page.getByTestId('import-passwords')).toHaveCount(0)
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-summary')).toContainText('导入完成')
  await expect(page.getByTestId('import-passwords-warning')).toContainText('只显示这一次')
  await expect(page.getByTestId('import-passwords-copy')).toBeVisible()
  const initial = (await page.getByTestId(`import-password-IMP-${s}`).textContent())?.trim() ?? ''
  expect(initial.length).toBeGreaterThanOrEqual(12)

  // The report names the row by employee code; the new user signs in with it and must first choose their own.
  await page.keyboard.press('Escape')
  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await login(page, 'demo', username, initial)
  await expect(page.getByTestId('must-change-password')).toBeVisible()
  await expect(field(page, 'password-current')).toBeVisible()
})
