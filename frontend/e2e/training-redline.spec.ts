import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { loginOk } from './helpers'

// Red lines and the "customer insists" path, played as an employee would. Choices are picked
// by their id in the scenario's YAML: the order they are shown in is shuffled per attempt.

const replies = (page: Page) => page.locator('[data-testid^="msg-reply-"]')

/** Clicks a reply and waits until the transcript has grown to `count` replies. */
async function reply(page: Page, choiceId: string, count: number) {
  await page.getByTestId(`choice-${choiceId}`).click()
  await expect(replies(page)).toHaveCount(count)
}

// scenarios/library/10-lost-card-report.yaml, assigned to the North branch in the demo:
// t3 c reissues the card without checking a valid ID, a red line.
test('an employee reissues a card without checking ID: the attempt fails, the reason is named, and the task stays open as failed', async ({ page, browser }) => {
  await loginOk(page, 'demo', 'staff.north.1')
  await page.goto('/training/inbox?tab=todo')
  // The demo's assignment; another journey (assignments.spec.ts) may assign the same scenario
  // to the North branch too, so take the first one not started.
  const item = page.getByTestId('inbox-list-todo').locator('[data-scenario="lost-card-report"][data-result="not_started"]').first()
  await expect(item).toBeVisible()
  const assignmentId = ((await item.getAttribute('data-testid')) ?? '').replace('inbox-item-', '')
  expect(assignmentId).toMatch(/^\d+$/)
  await item.getByTestId(`inbox-start-${assignmentId}`).click()
  await expect(page).toHaveURL(/\/training\/attempts\/\d+$/)
  const attemptId = /\/training\/attempts\/(\d+)/.exec(page.url())![1]

  // t1 (typed): a natural, correct first reply.
  await page
    .getByTestId('free-text-input')
    .fill('李女士，请您先别慌，我们马上处理。我先核实一下您的身份，然后立即给这张卡办理临时挂失、冻结止付，剩下的钱就安全了。那两笔消费我们接着处理，也建议您尽快报警。')
  await page.getByTestId('free-text-submit').click()
  await expect(replies(page)).toHaveCount(1)
  await reply(page, 'a', 2) // t2
  await reply(page, 'c', 3) // t3 c: the new card without a valid ID — the red line
  await expect(page.getByTestId('sandbox-violations')).toContainText('违规 1 次')
  await reply(page, 'a', 4) // t4
  await reply(page, 'a', 5) // t5
  await page.getByTestId('choice-a').click() // t6: a written checklist, time limits → resolved

  // The result says it failed and why, whatever the score of the rest.
  const verdict = page.getByTestId('result-passed')
  await expect(verdict).toHaveAttribute('data-passed', 'false')
  await expect(verdict).toContainText('未通过')
  await expect(page.getByTestId('result-violation-note')).toContainText('触碰红线')
  await expect(page.getByTestId('result-violations').locator('[data-kind="red_line"]')).toHaveText('红线：未核验有效证件就补卡')
  await expect(page.getByTestId('result-ending')).toHaveAttribute('data-kind', 'resolved')

  // The inbox keeps the task open and says it failed (text, not colour only): not "completed".
  await page.goto('/training/inbox?tab=todo')
  const open = page.getByTestId(`inbox-item-${assignmentId}`)
  await expect(open).toHaveAttribute('data-result', 'failed')
  await expect(open).not.toHaveAttribute('data-status', 'done')
  await expect(open.getByTestId('inbox-result')).toHaveText('未通过')
  await expect(open.getByTestId(`inbox-start-${assignmentId}`)).toContainText('再练一次')
  await open.getByTestId(`inbox-result-${assignmentId}`).click()
  await expect(page).toHaveURL(new RegExp(`/training/attempts/${attemptId}/result$`))
  await expect(page.getByTestId('result-passed')).toHaveAttribute('data-passed', 'false')
  await page.goto('/training/inbox?tab=done')
  await expect(page.getByTestId('inbox-list-done')).toBeVisible()
  await expect(page.getByTestId(`inbox-item-${assignmentId}`)).toHaveCount(0)

  // The branch manager's progress page counts the person as failed, not done.
  const ctx = await browser.newContext()
  const mgr = await ctx.newPage()
  await loginOk(mgr, 'demo', 'mgr.north')
  const res = await mgr.request.get('/api/v1/users?q=staff.north.1')
  expect(res.status()).toBe(200)
  const emp = ((await res.json()) as { items: { id: number; username: string }[] }).items.find((u) => u.username === 'staff.north.1')!
  await mgr.goto(`/training/assignments/${assignmentId}`)
  const person = mgr.getByTestId('progress-people').getByTestId(`progress-person-${emp.id}`)
  await expect(person).toHaveAttribute('data-result', 'failed')
  await expect(person).not.toHaveAttribute('data-status', 'done')
  expect(Number(await mgr.getByTestId('progress-failed').textContent())).toBeGreaterThanOrEqual(1)
  await mgr.getByTestId('progress-filter-failed').click()
  await expect(person).toBeVisible()
  await mgr.getByTestId('progress-filter-done').click()
  await expect(person).toHaveCount(0)
  await ctx.close()
})

// scenarios/library/09-conservative-wants-high-yield.yaml: Mr Sun (C2) still wants the R4 fund
// after the suitable plan (t5i). The lawful route: "customer insists" at the warning, then the
// special written risk warning (t7), his own signed confirmation (t8) and the recorded sale (t9).
test('a C2 customer insists on an R4 fund and the employee completes the warning path and passes', async ({ page }) => {
  await loginOk(page, 'demo', 'staff.south.1')
  await page.getByTestId('menu-training').click()
  await page.getByTestId('start-conservative-wants-high-yield').click()
  await expect(page).toHaveURL(/\/training\/attempts\/\d+$/)

  await reply(page, 'a', 1) // t1
  await reply(page, 'a', 2) // t2
  await reply(page, 'a', 3) // t3
  await reply(page, 'a', 4) // t4
  await reply(page, 'a', 5) // t5: the son's account refused, the lawful route named
  // t5i a: he insists on the fund. The warning names both ratings and offers the insist route.
  await page.getByTestId('choice-a').click()
  const warning = page.getByTestId('suitability-warning')
  await expect(warning).toBeVisible()
  await expect(warning).toContainText('客户 C2，产品 R4')
  await expect(page.getByTestId('suitability-insist-note')).toBeVisible()
  await page.getByTestId('suitability-insist').click()
  await expect(warning).toBeHidden()
  await expect(replies(page)).toHaveCount(6)
  await reply(page, 'a', 7) // t7: the special written risk warning, read point by point
  await reply(page, 'a', 8) // t8: his own handwritten, signed confirmation
  await reply(page, 'a', 9) // t9: the recorded sale (双录) by a qualified seller
  await page.getByTestId('choice-a').click() // t10: the order, the rest in the plan

  await expect(page.getByTestId('result-passed')).toHaveAttribute('data-passed', 'true')
  await expect(page.getByTestId('result-passed')).toContainText('通过')
  expect(Number(await page.getByTestId('result-total').textContent())).toBeGreaterThanOrEqual(80)
  await expect(page.getByTestId('result-violations')).toHaveCount(0)
  const ending = page.getByTestId('result-ending')
  await expect(ending).toHaveAttribute('data-kind', 'resolved')
  await expect(ending).toContainText('客户坚持购买，按特别流程办理')
  await expect(ending).toContainText('特别风险提示书')
  // The debrief walks every turn of the path, the insist turns included.
  await expect(page.getByTestId('debrief-turns').locator('> li')).toHaveCount(10)
  await expect(page.getByTestId('debrief-turn-7')).toContainText('特别风险提示')
  await expect(page.getByTestId('debrief-turn-8')).toContainText('亲笔')
  await expect(page.getByTestId('debrief-turn-9')).toContainText('双录')
})
