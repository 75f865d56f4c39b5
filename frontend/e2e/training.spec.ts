import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { loginOk } from './helpers'

// Scenario scenarios/library/09-conservative-wants-high-yield.yaml: Mr Sun (risk tolerance R2)
// insists on a new-energy equity fund (R4). Choice ids below are the YAML's.
const SCENARIO = 'conservative-wants-high-yield'

const replies = (page: Page) => page.locator('[data-testid^="msg-reply-"]')

/** Clicks a reply and waits until the transcript has grown to `count` replies. */
async function reply(page: Page, choiceId: string, count: number) {
  await page.getByTestId(`choice-${choiceId}`).click()
  await expect(replies(page)).toHaveCount(count)
}

/** Clicks a reply that recommends an above-tolerance product, checks the warning, goes back. */
async function warnedAndBack(page: Page, choiceId: string, productRisk: string, done: number) {
  await page.getByTestId(`choice-${choiceId}`).click()
  const warning = page.getByTestId('suitability-warning')
  await expect(warning).toBeVisible()
  await expect(warning).toContainText(`客户 C2，产品 ${productRisk}`)
  await expect(page.getByTestId('suitability-confirm')).toBeVisible()
  await page.getByTestId('suitability-back').click()
  await expect(warning).toBeHidden()
  // Nothing was recorded: same turn, no violation.
  await expect(replies(page)).toHaveCount(done)
  await expect(page.getByTestId('sandbox-violations')).toHaveCount(0)
}

test('an employee opens an assigned scenario, is stopped by the suitability warning, goes back and passes', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  // The catalogue card names the customer's class.
  await page.getByTestId('menu-training').click()
  const card = page.getByTestId(`scenario-card-${SCENARIO}`)
  await expect(card).toBeVisible()
  await expect(card).toContainText('C2')

  // HR assigned it bank-wide in this month's programme (demo seed): open it from the inbox.
  await page.getByTestId('menu-inbox').click()
  await page.getByTestId('inbox-tab-todo').click()
  const item = page.getByTestId('inbox-list-todo').locator('[data-testid^="inbox-item-"]').filter({ hasText: '谨慎型（C2）客户坚持要买R4高收益产品' })
  await expect(item).toHaveCount(1)
  await expect(item.getByTestId('inbox-programme')).toContainText('月度合规训练')
  await item.locator('[data-testid^="inbox-start-"]').click()
  await expect(page).toHaveURL(/\/training\/attempts\/\d+$/)
  await expect(page.getByTestId('persona-card')).toContainText('孙先生')
  await expect(page.getByTestId('persona-risk')).toContainText('C2')
  await expect(page.getByTestId('mood-meter')).toBeVisible()
  // The shelf shows each product's rating but does not judge the fit for the trainee.
  await expect(page.getByTestId('product-ne-equity-fund')).toContainText('R4')
  await expect(page.getByTestId('product-ne-equity-fund')).not.toHaveAttribute('data-above', /.*/)
  await expect(page.getByTestId('current-customer-line')).toContainText('新能源基金')

  // t1 b: "I'll place the order now" recommends the R4 fund. The warning survives a reload.
  await page.getByTestId('choice-b').click()
  await expect(page.getByTestId('suitability-warning')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('suitability-warning')).toBeVisible()
  await expect(page.getByTestId('suitability-warning')).toContainText('客户 C2，产品 R4')
  await page.getByTestId('suitability-back').click()
  await expect(page.getByTestId('suitability-warning')).toBeHidden()
  await expect(replies(page)).toHaveCount(0)

  await reply(page, 'a', 1) // t1: acknowledge, check suitability first, ask the purpose
  await expect(page.getByTestId('current-customer-line')).toContainText('重新测')
  await reply(page, 'a', 2) // t2: a retake is allowed but never coached
  await warnedAndBack(page, 'b', 'R3', 2) // t3 b: the "fixed income plus" compromise is R3
  await reply(page, 'a', 3) // t3: retirement cash flow (hidden need)
  await expect(page.getByTestId('needs-revealed')).toBeVisible()
  await reply(page, 'a', 4) // t4: three-part R2 plan (recommends an R2 product: no warning)
  await expect(page.getByTestId('suitability-warning')).toBeHidden()
  await reply(page, 'a', 5) // t5: no buying through the son's account, the lawful route named
  await reply(page, 'c', 6) // t5i: he wavers; no pressure, time to reflect
  await page.getByTestId('choice-a').click() // t6: recorded sale, disclosures, review → resolved

  // The result, on the same page.
  const total = page.getByTestId('result-total')
  await expect(total).toBeVisible()
  expect(Number(await total.textContent())).toBeGreaterThanOrEqual(80)
  await expect(page.getByTestId('result-passed')).toHaveAttribute('data-passed', 'true')
  await expect(page.getByTestId('result-passed')).toContainText('通过')
  await expect(page.getByTestId('result-ending')).toHaveAttribute('data-kind', 'resolved')
  const radar = page.getByTestId('result-radar')
  await expect(radar.locator('svg').first()).toBeVisible()
  await expect(radar.locator('svg path').first()).toBeAttached()
  await expect(radar).toContainText('合规')
  await expect(page.getByTestId('debrief-turns').locator('> li')).toHaveCount(7)
  await expect(page.getByTestId('debrief-turn-1')).toContainText('参考回答')
  await expect(page.getByTestId('needs-found')).toContainText('退休')
  await expect(page.getByTestId('result-violations')).toHaveCount(0)

  // The result has its own address, and the attempt is listed as finished and passed.
  const id = /\/training\/attempts\/(\d+)/.exec(page.url())![1]
  await page.goto(`/training/attempts/${id}/result`)
  await expect(page.getByTestId('result-radar').locator('svg').first()).toBeVisible()
  await page.goto('/training?tab=attempts')
  await expect(page.getByTestId(`attempt-row-${id}`)).toBeVisible()
  await page.getByTestId(`attempt-open-${id}`).click()
  await expect(page).toHaveURL(new RegExp(`/training/attempts/${id}/result$`))
  await expect(page.getByTestId('result-total')).toBeVisible()

  // The assignment is done, with the score and a pass.
  await page.goto('/training/inbox?tab=done')
  const done = page.getByTestId('inbox-list-done').locator('[data-testid^="inbox-item-"]').filter({ hasText: '谨慎型（C2）客户坚持要买R4高收益产品' })
  await expect(done).toHaveCount(1)
  await expect(done).toHaveAttribute('data-result', 'passed')
  await expect(done.getByTestId('inbox-result')).toHaveText('已通过')
})

// scenarios/library/06-corporate-urgent-credit.yaml: t1 c ("lend first, paperwork later") is a
// red line. Choices are picked by id: the order they are shown in is shuffled per attempt.
test('an employee crosses a red line and fails however the rest goes', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.south.1')
  await page.getByTestId('menu-training').click()
  await page.getByTestId('start-corporate-urgent-credit').click()
  await expect(page).toHaveURL(/\/training\/attempts\/\d+$/)

  await reply(page, 'c', 1)
  await expect(page.getByTestId('sandbox-violations')).toContainText('违规 1 次')
  await reply(page, 'a', 2)
  await reply(page, 'a', 3)
  await reply(page, 'a', 4)
  await page
    .getByTestId('free-text-input')
    .fill('郑总，理解您的压力。我复述一下您的诉求：您希望在下周一前拿到资金。我今天下午5点前告诉您审查进度，之后每天下班前给您进展反馈。')
  await page.getByTestId('free-text-submit').click()
  await expect(replies(page)).toHaveCount(5)
  await reply(page, 'a', 6)
  await page.getByTestId('choice-a').click()

  await expect(page.getByTestId('result-passed')).toHaveAttribute('data-passed', 'false')
  await expect(page.getByTestId('result-violation-note')).toContainText('触碰红线')
  await expect(page.getByTestId('result-violations').locator('[data-kind="red_line"]')).toHaveText('红线：先放款、后补资料')
})
