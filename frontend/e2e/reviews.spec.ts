import { expect, test } from './fixtures'
import { loginOk } from './helpers'

// The demo seed gives emp.north.1 (in 朝阳支行) a finished attempt of the salary scenario with a
// coaching comment from mgr.north, whose subtree holds 朝阳支行. (Other journeys may rename the
// employee, so rows are found by branch and scenario, not by name.)
test('a manager reviews an attempt in his subtree and coaches; the employee sees the comment', async ({ page }) => {
  await loginOk(page, 'demo', 'mgr.north')
  await page.goto('/training/reviews')
  const table = page.getByTestId('review-table')
  const row = table.locator('tr', { hasText: '朝阳支行' }).filter({ hasText: '我想把工资都转成定期' }).first()
  await expect(row).toBeVisible()
  await row.locator('[data-testid^="review-open-"]').click()

  await expect(page).toHaveURL(/\/training\/reviews\/\d+$/)
  const attemptId = page.url().split('/').pop()
  await expect(page.getByTestId('review-branch')).toContainText('朝阳支行')
  await expect(page.getByTestId('result-radar').locator('svg')).toBeVisible()
  await expect(page.getByTestId('review-comments')).toContainText('需求挖掘做得好')

  const note = `下次先确认客户的应急备用金 ${Date.now()}`
  await page.locator('textarea[data-testid="review-comment-input"], [data-testid="review-comment-input"] textarea').first().fill(note)
  await page.getByTestId('review-comment-submit').click()
  await expect(page.getByTestId('review-comments')).toContainText(note)

  // The employee reads it on his own result page.
  await page.context().clearCookies()
  await loginOk(page, 'demo', 'emp.north.1')
  await page.goto(`/training/attempts/${attemptId}/result`)
  await expect(page.getByTestId('result-comments')).toContainText(note)
})

test('an auditor reads reviews but cannot comment', async ({ page }) => {
  await loginOk(page, 'demo', 'auditor')
  await page.goto('/training/reviews')
  await page.getByTestId('review-table').locator('[data-testid^="review-open-"]').first().click()
  await expect(page.getByTestId('review-comments')).toBeVisible()
  await expect(page.getByTestId('review-read-only')).toBeVisible()
  await expect(page.getByTestId('review-comment-input')).toHaveCount(0)
})
