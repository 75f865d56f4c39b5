import { expect, test } from './fixtures'
import { loginOk } from './helpers'

test('HR opens the background jobs from the menu and reads the list', async ({ page }) => {
  await loginOk(page, 'demo', 'hr')
  await page.getByTestId('side-menu').getByText('后台任务').click()
  await expect(page).toHaveURL(/\/jobs$/)
  const jobs = page.getByTestId('jobs-page')
  await expect(jobs.getByRole('heading', { level: 1 })).toHaveText('后台任务')
  await expect(jobs.getByTestId('jobs-table')).toBeVisible()
  // The demo bank has queued no job of its own yet: the table says so rather than staying blank.
  await expect(jobs.getByTestId('jobs-table')).toContainText('暂无后台任务')
})

test('an employee is offered no background jobs', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  await expect(page.getByTestId('side-menu')).toBeVisible()
  await expect(page.getByTestId('side-menu').getByText('后台任务')).toHaveCount(0)
})
