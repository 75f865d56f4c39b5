import { expect, test } from './fixtures'
import { loginOk } from './helpers'

// The audit log reads as words: actions by name in the list and the filter, and the filtered
// log downloads as a spreadsheet in the page's language.
test('an auditor filters the audit log by a named action and exports it', async ({ page }) => {
  await loginOk(page, 'demo', 'auditor')
  await page.getByTestId('side-menu').getByText('审计日志').click()
  await page.getByTestId('audit-filter-action').click()
  await page.getByRole('option', { name: '用户 · 新建' }).click()
  await page.getByTestId('audit-search').click()
  const table = page.getByTestId('audit-table')
  await expect(table.locator('.el-table__row').first()).toContainText('用户 · 新建')
  for (const cell of await table.locator('.el-table__row td:nth-child(4)').allTextContents()) expect(cell.trim()).toBe('用户 · 新建')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()])
  const text = (await (await download.createReadStream()).toArray()).join('')
  const lines = text.replace(/^\ufeff/, '').trim().split('\n')
  expect(lines[0]).toBe('编号,时间,操作人,操作,操作代码,对象类型,对象编号,变更前,变更后,请求编号')
  expect(lines.length).toBeGreaterThan(1)
  for (const line of lines.slice(1)) expect(line).toContain('用户 · 新建,user.create')
})
