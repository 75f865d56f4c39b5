import { expect, test } from './fixtures'
import { loginOk } from './helpers'

function csv(rows: string[][]): { name: string; mimeType: string; buffer: Buffer } {
  const text = '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n'
  return { name: 'branches.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }
}

test('admin previews, then imports branches from a CSV file', async ({ page }) => {
  const s = Date.now().toString(36)
  await loginOk(page, 'demo', 'admin')
  await page.getByTestId('menu-branches').click()
  await page.getByTestId('branch-import').click()
  const dialog = page.getByTestId('import-dialog-branches')
  await expect(dialog).toBeVisible()

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
