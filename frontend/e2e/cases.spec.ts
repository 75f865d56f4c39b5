import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { field, loginOk, pickBranch } from './helpers'

// The case-library journey of issue 12: an employee of North writes a case (a customer's phone
// number in it is flagged while typing and masked on save) and submits it; the North manager
// approves it; an employee of South finds it by a two-character Chinese query; HR features it
// and turns it into a draft scenario, which the scenario library shows. Then the library at
// phone width, and rating by keyboard alone.

// The journey's own word pair: rare enough that the new case is among the first results.
const WORD = '琥珀'
const PHONE = '13812345678'
const MASKED = '138****5678'

async function pick(page: Page, testid: string, option: string) {
  await page.getByTestId(testid).click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option }).first().click()
}

test.describe.configure({ mode: 'serial' })

let caseId = 0
let title = ''

test('an employee writes a case, sees the phone number flagged, and submits it masked', async ({ page }) => {
  title = `老人带着${WORD}色存折来办理定期转存 ${Date.now().toString(36)}`
  await loginOk(page, 'demo', 'emp.north.1')
  await page.getByTestId('menu-cases').click()
  await expect(page.getByTestId('cases-page')).toBeVisible()
  await page.getByTestId('cases-new').click()
  await expect(page.getByTestId('case-editor')).toBeVisible()

  await field(page, 'case-f-title').fill(title)
  await field(page, 'case-f-title_en').fill('An elderly customer renews a deposit')
  await page.getByTestId('case-f-summary').fill('耐心讲解定期转存与大额存单的区别，客户满意离开。')
  await pick(page, 'case-f-line', '财富管理')
  await pick(page, 'case-f-customer', '老年客户')
  const tags = field(page, 'case-f-tags')
  await tags.fill('老年客户')
  await tags.press('Enter')
  await tags.fill('定期存款')
  await tags.press('Enter')
  await page.getByTestId('case-f-situation').fill(`一位老人拿着${WORD}色封皮的存折来网点，说儿子的电话是${PHONE}，要我们打电话确认后再办。`)
  // Flagged while typing, before any save.
  await expect(page.getByTestId('case-pii-list')).toContainText(MASKED)
  await expect(page.getByTestId('case-pii-list')).toContainText('手机号')
  await page.getByTestId('case-f-actions').fill('先请老人坐下，倒水，用大字版利率表逐项说明；征得同意后陪同在柜台办理。')
  await page.getByTestId('case-f-outcome').fill('老人顺利办理了三年期定期转存，临走时说下次还来这里。')
  await page.getByTestId('case-f-lesson').fill('面对老年客户，先安心再办事；不替客户做决定，也不怕多讲一遍。')

  // The preview is rendered by the server as the case page will be, the number masked.
  await page.getByRole('tab', { name: '预览' }).click()
  await expect(page.getByTestId('case-preview')).toContainText(title)
  await expect(page.getByTestId('case-preview-situation')).toContainText(MASKED)
  await expect(page.getByTestId('case-preview-situation')).not.toContainText(PHONE)
  await page.getByRole('tab', { name: '编写' }).click()

  await page.getByTestId('case-save-submit').click()
  await expect(page).toHaveURL(/\/cases\/\d+$/)
  caseId = Number(/\/cases\/(\d+)$/.exec(page.url())![1])
  await expect(page.getByTestId('case-title')).toHaveText(title)
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'submitted')
  await expect(page.getByTestId('case-status')).toHaveText('待审核')
  await expect(page.getByTestId('case-situation')).toContainText(MASKED)
  await expect(page.getByTestId('case-situation')).not.toContainText(PHONE)

  // It is listed among the author's cases with its status in words.
  await page.goto('/cases/mine')
  await expect(page.getByTestId(`case-card-${caseId}`)).toContainText('待审核')
})

test('the North manager approves it from the review queue', async ({ page }) => {
  expect(caseId).toBeGreaterThan(0)
  await loginOk(page, 'demo', 'mgr.north')
  await page.getByTestId('menu-casesReview').click()
  await expect(page.getByTestId(`case-card-${caseId}`)).toBeVisible()
  await page.getByTestId(`case-review-${caseId}`).click()
  await expect(page.getByTestId('case-title')).toHaveText(title)
  await page.getByTestId('case-approve').click()
  await page.getByTestId('case-decision-comment').fill('情境写得具体，经验可复制。')
  await page.getByTestId('case-decision-ok').click()
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'published')
  await expect(page.getByTestId('case-comments')).toContainText('情境写得具体')
})

test('an employee of South finds it by a two-character Chinese query', async ({ page }) => {
  expect(caseId).toBeGreaterThan(0)
  await loginOk(page, 'demo', 'emp.south.1')
  await page.getByTestId('menu-cases').click()
  await field(page, 'cases-q').fill(WORD)
  await field(page, 'cases-q').press('Enter')
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(WORD)}`))
  const count = page.getByTestId('cases-count')
  await expect(count).toHaveAttribute('aria-live', 'polite')
  await expect(count).toContainText('共找到')
  const card = page.getByTestId(`case-card-${caseId}`)
  await expect(card).toBeVisible()
  // The server's highlighted snippet: the two characters inside a <mark>.
  await expect(card.locator('mark').first()).toHaveText(WORD)
  await card.getByTestId(`case-link-${caseId}`).click()
  await expect(page.getByTestId('case-title')).toHaveText(title)
})

test('HR features it and turns it into a draft scenario that the scenario library shows', async ({ page }) => {
  expect(caseId).toBeGreaterThan(0)
  await loginOk(page, 'demo', 'hr')
  await page.goto(`/cases/${caseId}`)
  await expect(page.getByTestId('case-title')).toHaveText(title)
  await page.getByTestId('case-feature').click()
  await expect(page.getByTestId('case-featured')).toBeVisible()
  await expect(page.getByTestId('case-feature')).toHaveText('取消服务之星')

  // On the featured wall.
  await page.goto('/cases?tab=featured')
  await expect(page.getByTestId('cases-featured').getByTestId(`case-card-${caseId}`)).toBeVisible()

  await page.goto(`/cases/${caseId}`)
  await page.getByTestId('case-to-scenario').click()
  const made = page.getByTestId('case-scenario-made')
  await expect(made).toBeVisible()
  const key = (await page.getByTestId('case-scenario-preview').getAttribute('href'))!.split('/')[3]
  expect(key).toBeTruthy()
  await expect(page.getByTestId('case-scenarios')).toContainText(decodeURIComponent(key))
  await page.getByTestId('case-scenario-library').click()
  await expect(page.getByTestId('library-page')).toBeVisible()
  await expect(page.getByTestId(`library-row-${decodeURIComponent(key)}`)).toBeVisible()
  await expect(page.getByTestId(`library-status-${decodeURIComponent(key)}`)).toHaveAttribute('data-status', 'draft')
})

test('the library works at phone width', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.south.1')
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`/cases?q=${encodeURIComponent(WORD)}`)
  await expect(page.getByTestId('cases-count')).toContainText('共找到')
  // Filters fold behind a button on a phone.
  await expect(page.getByTestId('cases-filters')).toBeHidden()
  await page.getByTestId('cases-filters-toggle').click()
  await expect(page.getByTestId('cases-filters')).toBeVisible()
  const card = page.locator('[data-testid^="case-card-"]').first()
  await expect(card).toBeVisible()
  const box = await card.boundingBox()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(360)
  const scrollWidth = await page.locator('html').evaluate((el) => el.scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
})

test('a case is rated with the keyboard alone, and the rating can be changed', async ({ page }) => {
  expect(caseId).toBeGreaterThan(0)
  await loginOk(page, 'demo', 'emp.south.1')
  await page.goto(`/cases/${caseId}`)
  await expect(page.getByTestId('case-my-rating')).toHaveText('您还没有评分')
  // Tab until a star has the focus.
  let onStar = false
  for (let i = 0; i < 80 && !onStar; i++) {
    await page.keyboard.press('Tab')
    onStar = (await page.locator('[data-testid^="case-rate-"]:focus').count()) > 0
  }
  expect(onStar).toBe(true)
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('case-my-rating')).toHaveText('您的评分：4 星')
  await expect(page.getByTestId('case-rate-4')).toBeChecked()
  await expect(page.getByTestId('case-stats')).toContainText('评分 4.0（1 人）')
  // Changed with one more key, and kept.
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('case-stats')).toContainText('评分 5.0（1 人）')
  await page.reload()
  await expect(page.getByTestId('case-my-rating')).toHaveText('您的评分：5 星')
})

test('the North manager plans a case-study session with the case, then records attendance and notes', async ({ page }) => {
  expect(caseId).toBeGreaterThan(0)
  const topic = `案例研讨 ${Date.now().toString(36)}`
  await loginOk(page, 'demo', 'mgr.north')
  await page.getByTestId('menu-casesSessions').click()
  await page.getByTestId('session-new').click()
  await field(page, 'session-title').fill(topic)
  await pickBranch(page, 'session-branch', '北方分行朝阳支行', 'north-chaoyang')
  const at = page.getByRole('combobox', { name: '时间', exact: true })
  // Yesterday: attendance is recorded once a session has taken place.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
  await at.fill(`${yesterday} 10:00`)
  await at.press('Enter')
  await page.getByTestId('session-cases').click()
  await page.keyboard.type(WORD)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: title }).first().click()
  await expect(page.getByTestId('session-cases').locator('.el-tag')).toHaveCount(1)
  // Close the case list (it stays open for more picks) by clicking the dialog's title.
  await page.locator('.el-dialog__title', { hasText: '安排研讨会' }).click()
  await expect(page.locator('.el-select-dropdown__item:visible', { hasText: title })).toHaveCount(0)
  // The first person of Chaoyang, picked with the keyboard.
  await page.getByTestId('session-attendees').click()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('session-attendees').locator('.el-tag')).toHaveCount(1)
  await page.getByTestId('session-save').click()

  const card = page.getByTestId('sessions-list').locator('.el-card', { hasText: topic })
  await expect(card).toBeVisible()
  await expect(card).toContainText(title)
  await expect(card).toContainText('未记录')
  await card.getByRole('button', { name: '记录出勤与讨论' }).click()
  await expect(page.getByTestId('session-attended').locator('input[type=checkbox]').first()).toBeChecked()
  await page.getByTestId('session-notes').fill('大家讨论了如何在不替客户做决定的前提下讲清利率差异。')
  await page.getByTestId('session-record-save').click()
  await expect(card).toContainText('已记录')
  await expect(card).toContainText('出勤 1/1')
  await expect(card).toContainText('不替客户做决定')
})
