import { expect, test } from './fixtures'
import type { Browser, Page } from '@playwright/test'
import { field, loginOk } from './helpers'
import { fillAssignment } from './assignDialog'

// A manager assigns a scenario to his branch's subtree; an employee there is notified,
// finds it in the inbox and starts it; the manager then withdraws it. The demo seed already
// has assignments, so everything here is found by a programme name unique to this run.
test.describe.configure({ mode: 'serial' })

const PROGRAMME = `E2E 训练 ${Date.now()}`
const SCENARIO = 'ecny-introduction'
const TITLE = '向心存疑虑的客户介绍数字人民币'
const NOTE = '重点练习：先了解客户顾虑再介绍'

let assignmentId = ''

async function as(browser: Browser, user: string): Promise<Page> {
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  await loginOk(page, 'demo', user)
  return page
}

/** "YYYY-MM-DD HH:mm" `days` from now, in the browser's (the test's) time zone. */
function wallClock(days: number): string {
  // At least `days` whole days ahead (plus two hours, on the half hour), so the inbox's relative
  // label reads "N天后" whatever the time of day the journey runs at (a fixed 17:30 read "后天"
  // after 17:30).
  const d = new Date(Math.ceil((Date.now() + days * 86_400_000 + 2 * 3_600_000) / 1_800_000) * 1_800_000)
  // The config runs the browser in Asia/Shanghai; format the same instant there.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(d)
}

test('a manager assigns a scenario to the North branch subtree and follows its progress', async ({ browser }) => {
  const page = await as(browser, 'mgr.north')
  await page.getByTestId('menu-assignments').click()
  await expect(page.getByTestId('assignments-page')).toBeVisible()
  // The seed's programme is already listed.
  await expect(page.locator('[data-programme="北方分行服务提升"]').first()).toBeVisible()

  await page.getByTestId('assign-new').click()
  const dialog = page.getByTestId('assign-dialog')
  await expect(dialog).toBeVisible()
  // A programme is suggested.
  await expect(field(page, 'assign-programme')).toHaveValue(/\d{4}-\d{2} 月度训练/)

  // Sending without a scenario is stopped at the field.
  await page.getByTestId('assign-submit').click()
  await expect(dialog.locator('.el-form-item.is-error')).toHaveCount(1)

  await fillAssignment(page, PROGRAMME, SCENARIO, TITLE)
  await expect(page.getByTestId('assign-audience-subtree').locator('input')).toBeChecked()

  const due = field(page, 'assign-due')
  const dueAt = wallClock(3)
  await due.fill(dueAt)
  await due.press('Enter')
  await expect(due).toHaveValue(dueAt)
  await page.getByTestId('assign-note').fill(NOTE)

  // Nobody in North holds the tenant-admin role: the server's 422 is shown in the dialog,
  // in the UI language (the client sends it as Accept-Language). Auditors are not offered at
  // all: an auditor holds no other role and takes no training.
  await page.getByTestId('assign-audience-role').click()
  await page.locator('[data-testid="assign-role"]').click()
  await expect(page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '审计员' })).toHaveCount(0)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '机构管理员' }).click()
  await page.getByTestId('assign-submit').click()
  await expect(page.getByTestId('assign-error')).toContainText('没有人符合所选范围')
  await expect(page.getByTestId('assign-created')).toHaveCount(0)

  await page.getByTestId('assign-audience-subtree').click()
  await page.getByTestId('assign-submit').click()

  const created = page.getByTestId('assign-created')
  await expect(created).toBeVisible()
  await expect(created).toContainText(TITLE)
  await expect(created).toContainText('北方分行')
  await page.getByTestId('assign-done').click()
  await expect(dialog).toBeHidden()

  // Listed under its programme with nobody done yet.
  const group = page.locator(`[data-programme="${PROGRAMME}"]`).first()
  await expect(group).toBeVisible()
  const row = group.locator('[data-testid^="assignment-row-"]')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(TITLE)
  assignmentId = ((await row.getAttribute('data-testid')) ?? '').replace('assignment-row-', '')
  expect(assignmentId).toMatch(/^\d+$/)
  const completion = page.getByTestId(`assign-completion-${assignmentId}`)
  await expect(completion).toHaveAttribute('data-pct', '0')
  await expect(completion).toContainText('0%')

  // Choosing the programme shows its assignments only (the server filters them).
  await page.getByTestId('assign-filter-programme').click()
  await page.getByRole('option', { name: PROGRAMME, exact: true }).click()
  await expect(page).toHaveURL(/programme=/)
  await expect(page.locator('[data-programme="北方分行服务提升"]')).toHaveCount(0)
  await expect(row).toContainText(TITLE)

  // The progress page: totals, the chart (SVG with aria), branches and people.
  await row.getByRole('link', { name: TITLE }).click()
  await expect(page).toHaveURL(new RegExp(`/training/assignments/${assignmentId}$`))
  await expect(page.getByTestId('progress-title')).toHaveText(TITLE)
  await expect(page.getByTestId('progress-programme')).toHaveText(PROGRAMME)
  await expect(page.getByTestId('progress-facts')).toContainText(NOTE)
  expect(Number(await page.getByTestId('progress-members').textContent())).toBeGreaterThan(1)
  await expect(page.getByTestId('progress-done')).toHaveText('0')
  const chart = page.getByTestId('progress-chart')
  await expect(chart.locator('svg').first()).toBeVisible()
  await expect(chart.locator('svg path').first()).toBeAttached()
  await expect(chart.locator('[aria-label]').first()).toHaveAttribute('aria-label', /完成率/)
  await expect(page.getByTestId('progress-branches')).toContainText('北方分行')
  // emp.north.1 is among the people, to do (other specs may rename or move him inside North).
  const res = await page.request.get('/api/v1/users?q=emp.north.1')
  expect(res.status()).toBe(200)
  const emp = ((await res.json()) as { items: { id: number; username: string }[] }).items.find((u) => u.username === 'emp.north.1')!
  const person = page.getByTestId('progress-people').getByTestId(`progress-person-${emp.id}`)
  await expect(person).toHaveAttribute('data-status', 'todo')
  await page.getByTestId('progress-filter-done').click()
  await expect(person).toHaveCount(0)
  await expect(page.getByTestId('progress-cancel')).toBeVisible()
  await page.context().close()
})

test('the employee is notified, finds the assignment in the inbox and starts it', async ({ browser }) => {
  expect(assignmentId).not.toBe('')
  const page = await as(browser, 'emp.north.1')
  const badge = page.getByTestId('notification-badge')
  await expect(badge).toBeVisible()
  await expect(badge).not.toHaveAttribute('data-count', '0')
  const before = Number(await badge.getAttribute('data-count'))
  await expect(badge.locator('.el-badge__content')).toBeVisible()

  await page.getByTestId('notification-bell').click()
  const panel = page.getByTestId('notification-panel')
  await expect(panel).toBeVisible()
  const note = panel.locator('[data-kind="training.assigned"]', { hasText: PROGRAMME })
  await expect(note).toHaveCount(1)
  await expect(note).toContainText(`给您布置了培训《${TITLE}》`)
  await expect(note).toHaveAttribute('data-unread', 'true')
  await note.click()

  await expect(page).toHaveURL(/\/training\/inbox\?tab=todo$/)
  await expect(page.getByTestId('inbox-page')).toBeVisible()
  await expect(badge).toHaveAttribute('data-count', String(before - 1))
  const item = page.getByTestId(`inbox-item-${assignmentId}`)
  await expect(item).toBeVisible()
  await expect(item).toHaveAttribute('data-status', 'todo')
  await expect(item).toContainText(TITLE)
  await expect(item).toContainText(PROGRAMME)
  await expect(item).toContainText(NOTE)
  await expect(item).toContainText('王磊')
  await expect(item.getByTestId('inbox-due')).toContainText(/\d天后截止/)
  // The seed's item due within 36 hours is flagged.
  await expect(page.getByTestId('inbox-list-todo').getByTestId('inbox-due-soon').first()).toBeVisible()

  await page.getByTestId(`inbox-start-${assignmentId}`).click()
  await expect(page).toHaveURL(/\/training\/attempts\/\d+$/)
  await expect(page.getByTestId('persona-card')).toBeVisible()
  await page.context().close()
})

test('the manager cancels the assignment and it leaves the inbox', async ({ browser }) => {
  expect(assignmentId).not.toBe('')
  const mgr = await as(browser, 'mgr.north')
  await mgr.goto(`/training/assignments/${assignmentId}`)
  await mgr.getByTestId('progress-cancel').click()
  await mgr.locator('.ss-cancel-assignment').getByRole('button', { name: '撤销任务' }).click()
  await expect(mgr.getByTestId('progress-cancelled')).toBeVisible()
  await expect(mgr.getByTestId('progress-cancel')).toBeHidden()
  await mgr.getByTestId('progress-back').click()
  await expect(mgr.getByTestId(`assignment-row-${assignmentId}`).getByTestId('assign-cancelled-tag')).toBeVisible()
  await mgr.context().close()

  const emp = await as(browser, 'emp.north.1')
  await emp.getByTestId('menu-inbox').click()
  await expect(emp.getByTestId('inbox-page')).toBeVisible()
  await expect(emp.getByTestId('inbox-list-todo').locator('[data-testid^="inbox-item-"]').first()).toBeVisible()
  await expect(emp.getByTestId(`inbox-item-${assignmentId}`)).toHaveCount(0)
  await emp.context().close()
})

// A manager whose browser is in New York picks the due date on the bank's clock (Shanghai):
// the assignment falls due at the time typed there. The dialog counts the people reached and
// warns that North already has the lost-card scenario (the demo seed assigned it); those not
// started can be reminded once a day.
test('a manager abroad assigns on the bank clock, sees the reach and the duplicate, and reminds once a day', async ({ browser }) => {
  const ctx = await browser.newContext({ timezoneId: 'America/New_York' })
  const page = await ctx.newPage()
  await loginOk(page, 'demo', 'mgr.north')
  await page.goto('/training/assignments')
  await page.getByTestId('assign-new').click()
  const dialog = page.getByTestId('assign-dialog')
  await expect(dialog).toBeVisible()
  await fillAssignment(page, `${PROGRAMME} 提醒`, 'lost-card-report', '银行卡丢失挂失与疑似盗刷')
  await expect(page.getByTestId('assign-reach-count')).toContainText(/将布置给 \d+ 人/)
  await expect(page.getByTestId('assign-duplicate-lost-card-report')).toBeVisible()
  await expect(page.getByTestId('assign-zone')).toContainText('Asia/Shanghai')

  const due = field(page, 'assign-due')
  const dueAt = wallClock(4)
  await due.fill(dueAt)
  await due.press('Enter')
  await page.getByTestId('assign-submit').click()
  const created = page.getByTestId('assign-created')
  await expect(created).toBeVisible()
  await expect(created).toContainText(dueAt)
  await created.locator('a').first().click()

  await expect(page.getByTestId('progress-facts')).toContainText(dueAt)
  await page.getByTestId('progress-remind').click()
  await expect(page.locator('.el-message')).toContainText(/已提醒 \d+ 人/)
  await expect(page.getByTestId('progress-reminded-at')).toBeVisible()
  await page.getByTestId('progress-remind').click()
  await expect(page.locator('.el-message--warning')).toContainText('后可再次提醒')
})
