import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { loginOk } from './helpers'

// Near misses and turn comments, seen by the employee, the reviewer and the analytics.
// scenarios/library/09-conservative-wants-high-yield.yaml: t1 b recommends the R4 fund to a C2
// customer; going back at the warning is a near miss. Choices are picked by their YAML id.
const SCENARIO = 'conservative-wants-high-yield'
const replies = (page: Page) => page.locator('[data-testid^="msg-reply-"]')

test('a near miss and a comment on one turn reach the reviewer, the analytics and the employee at that turn', async ({ page, browser }) => {
  await loginOk(page, 'demo', 'staff.east.1')
  await page.getByTestId('menu-training').click()
  await page.getByTestId(`start-${SCENARIO}`).click()
  await expect(page).toHaveURL(/\/training\/attempts\/\d+$/)
  const id = /\/training\/attempts\/(\d+)/.exec(page.url())![1]

  // t1 b: the R4 fund for a C2 customer; the warning stops it and the trainee goes back.
  await page.getByTestId('choice-b').click()
  await expect(page.getByTestId('suitability-warning')).toBeVisible()
  await page.getByTestId('suitability-back').click()
  await expect(page.getByTestId('suitability-warning')).toBeHidden()
  for (const [n, choice] of [[1, 'a'], [2, 'a'], [3, 'a'], [4, 'a'], [5, 'a'], [6, 'c']] as const) {
    await page.getByTestId(`choice-${choice}`).click()
    await expect(replies(page)).toHaveCount(n)
  }
  await page.getByTestId('choice-a').click() // t6: the recorded sale → resolved
  await expect(page.getByTestId('result-passed')).toHaveAttribute('data-passed', 'true')

  // The branch manager's review names the near miss in words and comments on turn 2.
  const ctx = await browser.newContext()
  const mgr = await ctx.newPage()
  await loginOk(mgr, 'demo', 'mgr.east')
  await mgr.goto(`/training/reviews/${id}`)
  const missed = mgr.getByTestId('near-misses')
  await expect(missed).toContainText('险些违规（在风险提示处返回）')
  await expect(missed.getByTestId('near-miss-1')).toContainText('第 1 轮：推荐 ')
  await expect(missed.getByTestId('near-miss-1')).toContainText('（客户 C2，产品 R4）后返回')
  const note = `重新测评只能如实作答，这一轮说得很好 ${Date.now()}`
  await mgr.getByTestId('turn-comment-add-t2').click()
  await mgr.locator('textarea[data-testid="turn-comment-input-t2"], [data-testid="turn-comment-input-t2"] textarea').first().fill(note)
  await mgr.getByTestId('turn-comment-submit-t2').click()
  await expect(mgr.getByTestId('turn-t2')).toContainText(note)

  // The scenario's analytics count the near miss beside the violations; the overview too.
  await mgr.goto(`/training/analytics?scenario=${SCENARIO}`)
  const nm = mgr.getByTestId('analytics-near-misses')
  await expect(nm).toContainText('险些违规（在适当性提示处返回）')
  const line = nm.getByTestId('analytics-near-miss-t1-ne-equity-fund')
  await expect(line).toContainText('第 1 轮')
  await expect(line).toContainText('（客户 C2，产品 R4）')
  await expect(line.getByTestId('analytics-near-miss-count')).toContainText('次')
  await mgr.goto('/training/analytics')
  expect(Number(await mgr.getByTestId(`analytics-near-misses-${SCENARIO}`).first().textContent())).toBeGreaterThanOrEqual(1)
  await ctx.close()

  // The employee's bell says who commented; opening it shows the comment under turn 2, with who and when.
  await page.goto('/')
  await page.getByTestId('notification-bell').click()
  const item = page.locator('[data-kind="training.commented"][data-unread="true"]').first()
  await expect(item).toContainText('东方分行行长 林涛')
  await item.click()
  await expect(page).toHaveURL(new RegExp(`/training/attempts/${id}/coaching\\?turn=t2$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText('练习点评')
  const turn = page.getByTestId('turn-t2')
  await expect(turn).toContainText(note)
  await expect(turn.getByTestId('turn-comment-by')).toHaveText('东方分行行长 林涛')
  await expect(turn.getByTestId('turn-comment-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  await expect(page.getByTestId('turn-t1')).not.toContainText(note)
  await expect(page.getByTestId('turn-comment-add-t2')).toHaveCount(0)
  await expect(page.getByTestId('near-misses')).toContainText('（客户 C2，产品 R4）后返回')
  await page.getByTestId('coaching-to-result').click()
  await expect(page).toHaveURL(new RegExp(`/training/attempts/${id}/result$`))
})
