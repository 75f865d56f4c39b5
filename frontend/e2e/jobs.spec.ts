import { expect, test } from './fixtures'
import { loginOk } from './helpers'

test('HR opens the background jobs from the menu and reads the list', async ({ page }) => {
  await loginOk(page, 'demo', 'hr')
  await page.getByTestId('side-menu').getByText('后台任务').click()
  await expect(page).toHaveURL(/\/jobs$/)
  const jobs = page.getByTestId('jobs-page')
  await expect(jobs.getByRole('heading', { level: 1 })).toHaveText('后台任务')
  await expect(jobs.getByTestId('jobs-table')).toBeVisible()
  // The demo's feedback queued KPI recomputes, which the list names and shows finished.
  await expect(jobs.getByTestId('jobs-table')).toContainText('绩效重新计算')
  await expect(jobs.getByTestId('jobs-table')).toContainText('已完成')
})

test('an employee is offered no background jobs', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  await expect(page.getByTestId('side-menu')).toBeVisible()
  await expect(page.getByTestId('side-menu').getByText('后台任务')).toHaveCount(0)
})
