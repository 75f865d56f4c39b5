import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, field, loginOk } from './helpers'
import { encodeGbk } from './gbk'

// The feedback-to-dashboard journey of issue 10: HR uploads a GBK file of customer feedback
// with Chinese headers and sees it imported (a bad file is refused with its row report); the
// North manager opens the KPI dashboard, drills into a sub-branch and one of its people, and
// exports the branch as .xlsx; the South branch stays out of the North manager's reach.

/** Last month in the tenant's zone: closed and computed in the demo bank whatever today is. */
function lastMonth(): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric' }).formatToParts(new Date())
  const y = Number(parts.find((p) => p.type === 'year')?.value)
  const m = Number(parts.find((p) => p.type === 'month')?.value)
  const idx = y * 12 + m - 2
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`
}

function gbkCsv(name: string, rows: string[][]) {
  return { name, mimeType: 'text/csv', buffer: encodeGbk(rows.map((r) => r.join(',')).join('\r\n') + '\r\n') }
}

const HEADERS = ['外部编号', '渠道', '发生时间', '网点代码', '员工编号', '满意度', '投诉', '评价内容']

test('HR uploads a GBK feedback file and sees it imported; a bad file is refused row by row', async ({ page }) => {
  const s = Date.now().toString(36)
  await loginOk(page, 'demo', 'hr')
  await page.getByTestId('menu-feedbackImports').click()
  await expect(page.getByTestId('fb-imports-page')).toBeVisible()

  const source = field(page, 'fb-upload-source')
  await source.click()
  await source.fill(`e2e-${s}`)
  await source.press('Enter')
  await page.getByTestId('fb-upload-encoding').click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'GBK' }).click()

  // One unknown employee code: the whole file is refused, the report names the row and column.
  const file = page.getByTestId('fb-upload').locator('input[type=file]')
  await file.setInputFiles(
    gbkCsv('坏反馈.csv', [
      HEADERS,
      [`${s}-1`, 'counter', '2026-11-03 10:15', 'north-chaoyang', 'XH0008', '5', '否', '刘洋经理讲解耐心，很满意'],
      [`${s}-2`, 'phone', '2026-11-04 14:20', 'north-chaoyang', 'NOPE999', '4', '否', '服务周到'],
    ]),
  )
  await page.getByTestId('fb-upload-submit').click()
  const report = page.getByTestId('fb-import-report')
  // The job runs in the background; the page follows it until it ends.
  await expect(report).toHaveAttribute('data-outcome', 'rejected', { timeout: 60_000 })
  // Row 3 of the file (the header is row 1), its employee-code column, the error kind by name.
  const bad = page.getByTestId('fb-import-errors').locator('.el-table__body tr')
  await expect(bad).toHaveCount(1)
  await expect(bad.locator('td').nth(0)).toHaveText('3')
  await expect(bad.locator('td').nth(1)).toHaveText('员工编号')
  await expect(bad.locator('td').nth(2)).toHaveText('员工编号不存在')

  // The fixed file: three records in, counted as inserted.
  await page.getByTestId('fb-upload').locator('.el-upload-list__item').hover()
  await page.getByTestId('fb-upload').locator('.el-upload-list__item .el-icon--close').click()
  await file.setInputFiles(
    gbkCsv('网点反馈.csv', [
      HEADERS,
      [`${s}-1`, 'counter', '2026-11-03 10:15', 'north-chaoyang', 'XH0008', '5', '否', '刘洋经理讲解耐心，很满意'],
      [`${s}-2`, 'phone', '2026-11-04 14:20', 'north-chaoyang', 'XH0008', '4', '否', '服务周到'],
      [`${s}-3`, 'app', '2026-11-05 09:00', 'north-haidian', '', '2', '是', '排队时间太长'],
    ]),
  )
  await page.getByTestId('fb-upload-submit').click()
  await expect(report).toHaveAttribute('data-outcome', 'imported', { timeout: 60_000 })
  await expect(page.getByTestId('fb-count-inserted')).toHaveText('3')
  await expect(page.getByTestId('fb-count-updated')).toHaveText('0')
  await expect(page.getByTestId('fb-job-progress')).toBeVisible()

  // The import is listed with its counts.
  await page.getByRole('tab', { name: '导入记录' }).click()
  await expect(page.getByTestId('fb-imports-table')).toContainText('网点反馈.csv')
})

test('the North manager drills from the branch to a sub-branch and a person, exports .xlsx, and never sees South', async ({ page, request }) => {
  const period = lastMonth()
  await loginOk(page, 'demo', 'mgr.north')
  await page.getByTestId('menu-kpi').click()
  await expect(page.getByTestId('kpi-page')).toBeVisible()
  await expect(page.getByTestId('kpi-branch-name')).toHaveText('北方分行')

  // Last month is shown first (the current one has only begun); the quarter is a click away.
  await expect(page.getByTestId('kpi-period')).toContainText(period)
  await page.getByTestId('kpi-period-kind').getByText('季度').click()
  await expect(page).toHaveURL(/period=\d{4}-Q[1-4]/)
  await expect(page.getByTestId('kpi-branch-name')).toHaveText('北方分行')
  await page.getByTestId('kpi-period-kind').getByText('月度').click()
  await page.getByTestId('kpi-period').click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: period }).click()
  await expect(page).toHaveURL(new RegExp(`period=${period}`))

  // The sub-branches are ranked; none of them is South's.
  const children = page.getByTestId('kpi-children-table')
  await expect(children).toContainText('北方分行朝阳支行')
  await expect(children).not.toContainText('南方分行')
  await expect(page.getByTestId('kpi-children').locator('svg').first()).toBeVisible()

  // Drill into Chaoyang, then one of its people.
  await children.getByRole('button', { name: '北方分行朝阳支行' }).click()
  await expect(page.getByTestId('kpi-branch-name')).toHaveText('北方分行朝阳支行')
  await expect(page.getByTestId('kpi-breadcrumb')).toContainText('北方分行')
  await expect(page.getByTestId('kpi-breadcrumb')).toContainText('北方分行朝阳支行')
  // The ranking's first person (which one depends on the data other journeys add to Chaoyang).
  const first = page.getByTestId('kpi-people-table').locator('tbody button').first()
  const name = ((await first.textContent()) ?? '').trim()
  expect(name).not.toBe('')
  await first.click()
  await expect(page.getByTestId('kpi-person-name')).toHaveText(name)
  await expect(page.getByTestId('kpi-scorecard').getByTestId('kpi-metrics')).toContainText('客户满意度')
  await expect(page.getByTestId('kpi-radar').locator('svg')).toBeVisible()
  await expect(page.getByTestId('kpi-crumb-person')).toHaveText(name)

  // Back up one crumb to the sub-branch, and export it as .xlsx.
  await page.getByTestId('kpi-breadcrumb').getByRole('link', { name: '北方分行朝阳支行' }).click()
  await expect(page.getByTestId('kpi-branch-name')).toHaveText('北方分行朝阳支行')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kpi-export-xlsx').click()])
  expect(download.suggestedFilename()).toMatch(new RegExp(`^kpi-\\d+-${period}\\.xlsx$`))
  const bytes = await readFile((await download.path())!)
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')

  // Up to the root of the manager's scope.
  await page.getByTestId('kpi-breadcrumb').getByRole('link', { name: '北方分行', exact: true }).click()
  await expect(page.getByTestId('kpi-branch-name')).toHaveText('北方分行')

  // South, asked for by id: the API answers 404, and a link to it opens North instead.
  const hr = await request.post('/api/v1/auth/login', { data: { tenant: 'demo', username: 'hr', password: DEMO_PASSWORD } })
  expect(hr.status()).toBe(200)
  const branches = (await (await request.get('/api/v1/branches')).json()) as { items: { id: number; code: string }[] }
  const south = branches.items.find((b) => b.code === 'south')
  expect(south).toBeTruthy()
  const res = await page.request.get(`/api/v1/kpi/branches/${south!.id}?period=${period}`)
  expect(res.status()).toBe(404)
  await page.goto(`/kpi?trail=${south!.id}&period=${period}`)
  await expect(page.getByTestId('kpi-branch-name')).toHaveText('北方分行')
  await expect(page.getByTestId('kpi-children-table')).not.toContainText('南方分行')
})
