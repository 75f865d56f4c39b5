import { expect, test } from './fixtures'
import { loginOk, visibleMenu } from './helpers'

// The demo seed has finished attempts of salary-to-fixed-deposit and ecny-introduction (other
// journeys may add attempts, so counts are checked as "at least").
const KEY = 'salary-to-fixed-deposit'

test('HR opens scenario analytics: overview, charts, turns and the CSV export', async ({ page }) => {
  await loginOk(page, 'demo', 'hr')
  await page.getByTestId('menu-analytics').click()
  await expect(page).toHaveURL(/\/training\/analytics$/)
  await expect(page.getByTestId('analytics-page')).toBeVisible()

  const table = page.getByTestId('analytics-table')
  await expect(table.getByTestId(`analytics-row-${KEY}`)).toHaveText('“我想把工资都转成定期”')
  await expect(table.getByTestId('analytics-row-ecny-introduction')).toBeVisible()
  expect(await table.locator('[data-testid^="analytics-row-"]').count()).toBeGreaterThanOrEqual(2)

  // The search narrows the list.
  await page.locator('input[data-testid="analytics-search"]').fill('数字人民币')
  await expect(table.getByTestId('analytics-row-ecny-introduction')).toBeVisible()
  await expect(table.getByTestId(`analytics-row-${KEY}`)).toHaveCount(0)
  await page.locator('input[data-testid="analytics-search"]').fill('')

  await table.getByTestId(`analytics-open-${KEY}`).click()
  await expect(page).toHaveURL(new RegExp(`/training/analytics\\?scenario=${KEY}$`))
  const detail = page.getByTestId('analytics-detail')
  await expect(page.getByTestId('analytics-detail-title')).toHaveText('“我想把工资都转成定期”')

  // Summary numbers.
  const attempts = Number((await page.getByTestId('analytics-stat-attempts').locator('.value').innerText()).trim())
  const finished = Number((await page.getByTestId('analytics-stat-finished').locator('.value').innerText()).trim())
  expect(attempts).toBeGreaterThanOrEqual(1)
  expect(finished).toBeGreaterThanOrEqual(1)
  await expect(page.getByTestId('analytics-stat-pass-rate').locator('.value')).toHaveText(/^\d+(\.\d)?%$/)
  await expect(page.getByTestId('analytics-stat-average').locator('.value')).toHaveText(/^\d+(\.\d)?$/)
  await expect(page.getByTestId('analytics-stat-violations')).toBeVisible()

  // Charts drawn as SVG, with readable labels.
  const endings = page.getByTestId('analytics-endings-chart')
  await expect(endings.locator('svg')).toBeVisible()
  await expect(endings).toContainText('阶梯定期与定投同步设置')
  const dims = page.getByTestId('analytics-dimensions-chart')
  await expect(dims.locator('svg')).toBeVisible()
  await expect(dims).toContainText('需求挖掘')

  // Turn by turn: the customer's line, the share of each reply, the recommending reply marked.
  const t1 = page.getByTestId('analytics-turn-t1')
  await expect(t1).toContainText('我想把每个月的工资转成定期')
  await expect(page.getByTestId('analytics-choice-t1-a')).toContainText('%')
  await expect(page.getByTestId('analytics-choice-t1-c')).toHaveAttribute('data-recommends', 'time-deposit-3y')
  await expect(page.getByTestId('analytics-choice-t1-c').getByTestId('analytics-recommends')).toContainText('3年期整存整取定期存款')
  await expect(page.getByTestId('analytics-violations')).toBeVisible()

  // The export link points at the CSV endpoint and downloads the file.
  const exportLink = page.getByTestId('analytics-export')
  await expect(exportLink).toHaveAttribute('href', new RegExp(`^/api/v1/training/analytics/${KEY}/export\\?version=\\d+$`))
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()])
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${KEY}-v\\d+-analytics\\.csv$`))
  const res = await page.request.get((await exportLink.getAttribute('href')) ?? '')
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('text/csv')
  expect(await res.text()).toContain(KEY)

  // English too.
  await page.getByTestId('lang-switch-button').click()
  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('analytics-detail-title')).toHaveText("'I want to turn my salary into a fixed deposit'")
  await expect(dims).toContainText('Needs discovery')
  await expect(page.getByTestId('analytics-export')).toHaveText('Export CSV')

  // Back to the overview.
  await page.getByTestId('analytics-back').click()
  await expect(page).toHaveURL(/\/training\/analytics$/)
  await expect(detail).toHaveCount(0)
  await expect(page.getByTestId('analytics-table')).toBeVisible()
})

test('a shared link opens a scenario directly; an unknown one says so', async ({ page }) => {
  await loginOk(page, 'demo', 'auditor')
  await page.goto('/training/analytics?scenario=ecny-introduction')
  await expect(page.getByTestId('analytics-detail-title')).toHaveText('向心存疑虑的客户介绍数字人民币')
  await expect(page.getByTestId('analytics-endings-chart').locator('svg')).toBeVisible()

  await page.goto('/training/analytics?scenario=no-such-scenario')
  await expect(page.getByTestId('analytics-error')).toBeVisible()
  await page.getByTestId('analytics-error').getByRole('button').last().click()
  await expect(page.getByTestId('analytics-overview')).toBeVisible()
})

test('a confirmed suitability violation shows up in red', async ({ page }) => {
  // emp.south.1 (no other journey reads his attempts) recommends the R4 sector fund to the
  // R3 customer at t4 and confirms it despite the warning.
  await loginOk(page, 'demo', 'emp.south.1')
  const csrf = (await page.context().cookies()).find((c) => c.name === 'ss_csrf')?.value ?? ''
  const headers = { 'X-CSRF-Token': csrf }
  const started = await page.request.post('/api/v1/training/attempts', { headers, data: { scenario_id: KEY } })
  expect(started.status()).toBeLessThan(300)
  const id = ((await started.json()) as { id: number }).id
  for (const step of ['a', 'a', 'a', 'b', 'confirm', 'a', 'a']) {
    const res =
      step === 'confirm'
        ? await page.request.post(`/api/v1/training/attempts/${id}/confirm`, { headers })
        : await page.request.post(`/api/v1/training/attempts/${id}/choose`, { headers, data: { choice_id: step, elapsed_ms: 1000 } })
    expect(res.status(), `${step}: ${await res.text()}`).toBe(200)
  }

  await page.context().clearCookies()
  await loginOk(page, 'demo', 'hr')
  await page.goto(`/training/analytics?scenario=${KEY}`)
  await expect(page.getByTestId('analytics-stat-violations')).toHaveClass(/alarm/)
  const violations = page.getByTestId('analytics-violations-table')
  await expect(violations).toContainText('半导体行业主题基金定投')
  await expect(violations).toContainText('R4')
  await expect(page.getByTestId('analytics-violations-lead')).toBeVisible()
  await expect(page.getByTestId('analytics-turn-t4').getByTestId('analytics-turn-violations')).toBeVisible()
  await expect(page.getByTestId('analytics-choice-t4-b')).toContainText('超出客户风险承受能力')
})

test('on a phone the overview is a list of cards', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await loginOk(page, 'demo', 'hr')
  await page.goto('/training/analytics')
  await expect(page.getByTestId('analytics-table')).toHaveCount(0)
  const card = page.getByTestId(`analytics-card-${KEY}`)
  await expect(card).toBeVisible()
  await card.click()
  await expect(page.getByTestId('analytics-stat-attempts')).toBeVisible()
  await expect(page.getByTestId('analytics-endings-chart').locator('svg')).toBeVisible()
  // Nothing on the page is wider than the screen.
  const box = await page.getByTestId('analytics-page').boundingBox()
  expect(box && box.x + box.width).toBeLessThanOrEqual(390)
  const inner = await page.getByTestId('analytics-page').evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(inner).toBeLessThanOrEqual(1)
})

test('an employee has no Analytics menu entry', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  expect(await visibleMenu(page)).not.toContain('analytics')
  await expect(page.getByTestId('menu-analytics')).toHaveCount(0)
})
