import { expect, test } from './fixtures'
import { loginOk } from './helpers'

// Personal-data reads: a person sees who has looked at their records, an auditor sees the
// whole bank's and narrows it down. The demo bank seeds a few looks of past weeks.
test('an employee sees who looked at their data', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  await page.getByTestId('side-menu').getByText('谁查看了我的数据').click()
  await expect(page).toHaveURL(/\/me\/data-reads$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('谁查看了我的数据')
  const rows = page.getByTestId('read-rows')
  await expect(rows).toContainText('绩效结果')
  await expect(rows).toContainText('客户评价')
  await expect(rows).toContainText('个人资料')
  const mine = await (await page.request.get('/api/v1/readlog/mine')).json()
  expect(mine.total).toBeGreaterThanOrEqual(3)
  for (const r of mine.items) await expect(rows).toContainText(r.viewer.name)
  // The bank-wide log is the auditors'.
  expect((await page.request.get('/api/v1/readlog')).status()).toBe(403)
})

test('an auditor filters the bank’s personal-data reads by kind', async ({ page }) => {
  await loginOk(page, 'demo', 'auditor')
  await page.getByTestId('side-menu').getByText('个人数据查阅记录').click()
  await expect(page).toHaveURL(/\/audit\/reads$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('个人数据查阅记录')
  const rows = page.getByTestId('read-rows')
  await expect(rows.locator('tbody tr')).not.toHaveCount(0)
  // Other journeys add reads (every list of people records one per person shown), so the newest
  // page may hold one kind only: filter to each kind in turn and check every row shown.
  const kindColumn = rows.locator('tbody tr td:nth-child(4)')
  for (const kind of ['个人资料', '绩效结果']) {
    await page.getByTestId('readlog-kind').click()
    await page.getByRole('option', { name: kind }).click()
    await page.getByTestId('readlog-search').click()
    await expect(kindColumn.first()).toHaveText(kind)
    for (const cell of await kindColumn.allTextContents()) expect(cell.trim()).toBe(kind)
  }
  await expect(rows).not.toContainText('个人资料')
})
