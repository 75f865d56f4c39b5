import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { loginOk } from './helpers'

// HR's scenario library. The clone's source is scenarios/library/09-conservative-wants-high-yield.yaml:
// Mr Sun (risk tolerance R2) insists on an R4 equity fund; choice ids below are the YAML's.
const SOURCE = 'conservative-wants-high-yield'

interface Entry {
  key: string
  status: string
  published_version: number
  draft_version: number
}

async function library(page: Page): Promise<Entry[]> {
  const res = await page.request.get('/api/v1/training/library')
  expect(res.status()).toBe(200)
  return ((await res.json()) as { items: Entry[] }).items
}

async function openLibrary(page: Page) {
  await loginOk(page, 'demo', 'hr')
  await page.getByTestId('menu-library').click()
  await expect(page).toHaveURL(/\/training\/library$/)
  await expect(page.getByTestId('library-page')).toBeVisible()
}

/** Accepts the Element Plus confirmation box, after checking what it says. */
async function confirmBox(page: Page, says: string | RegExp) {
  const box = page.locator('.library-confirm')
  await expect(box).toBeVisible()
  await expect(box).toContainText(says)
  await box.getByRole('button', { name: '确认' }).click()
  await expect(box).toBeHidden()
}

/** Uploads a scenario file through the dialog: checked first (valid as `valid` says), then saved. */
async function uploadDraft(page: Page, text: string, valid: string) {
  await page.getByTestId('library-upload').click()
  const up = page.getByTestId('library-upload-dialog')
  await up.getByTestId('library-upload-text').fill(text)
  await up.getByTestId('library-upload-check').click()
  await expect(up.getByTestId('library-upload-valid')).toContainText(valid)
  await up.getByTestId('library-upload-save').click()
  await expect(up).toBeHidden()
}

const replies = (page: Page) => page.locator('[data-testid^="msg-reply-"]')

test('HR clones a built-in scenario, previews the draft without recording anything, publishes it and uploads a new draft', async ({ page }) => {
  const key = `e2e-lib-${Date.now()}`
  await openLibrary(page)

  // The built-in scenario is listed with its localized title, source and status.
  const source = page.getByTestId(`library-row-${SOURCE}`)
  await expect(source).toContainText('谨慎型（C2）客户坚持要买R4高收益产品')
  await expect(page.getByTestId(`library-status-${SOURCE}`)).toHaveAttribute('data-status', 'published')

  // Clone: the dialog suggests <key>-copy; an invalid id is refused before sending.
  await page.getByTestId(`library-clone-${SOURCE}`).click()
  const dialog = page.getByTestId('library-clone-dialog')
  await expect(dialog).toBeVisible()
  const input = dialog.getByTestId('library-clone-key')
  await expect(input).toHaveValue(`${SOURCE}-copy`)
  await input.fill('Bad Id')
  await expect(dialog).toContainText('只能使用小写字母')
  await expect(dialog.getByTestId('library-clone-submit')).toBeDisabled()
  await input.fill(key)
  await dialog.getByTestId('library-clone-submit').click()
  await expect(dialog).toBeHidden()

  // The copy is the bank's own draft v1, here and on the server.
  await expect(page.getByTestId(`library-row-${key}`)).toContainText(`克隆自 ${SOURCE}`)
  await expect(page.getByTestId(`library-status-${key}`)).toHaveAttribute('data-status', 'draft')
  await expect(page.getByTestId(`library-draft-${key}`)).toContainText('草稿 v1')
  expect((await library(page)).find((e) => e.key === key)).toMatchObject({ status: 'draft', draft_version: 1, published_version: 0 })

  // Filters: the search finds it by id, the status filter keeps drafts only.
  await page.getByTestId('library-search').fill(key)
  await expect(page.getByTestId(`library-row-${SOURCE}`)).toHaveCount(0)
  await expect(page.getByTestId(`library-row-${key}`)).toBeVisible()
  await page.getByTestId('library-search').fill('')
  await page.getByTestId('library-filter-status').click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '草稿' }).click()
  await expect(page.getByTestId(`library-row-${SOURCE}`)).toHaveCount(0)
  await expect(page.getByTestId(`library-row-${key}`)).toBeVisible()

  // Download the draft's YAML: it carries the new id and version 1.
  await page.getByTestId(`library-more-${key}`).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`library-download-${key}`).click()])
  expect(download.suggestedFilename()).toBe(`${key}-draft.yaml`)
  const yaml = await readFile((await download.path())!, 'utf8')
  expect(yaml).toMatch(new RegExp(`^id: ${key}$`, 'm'))
  expect(yaml).toMatch(/^version: 1$/m)

  // Preview the draft.
  await page.getByTestId(`library-preview-${key}`).click()
  await expect(page).toHaveURL(new RegExp(`/training/library/${key}/preview\\?version=draft$`))
  await expect(page.getByTestId('preview-banner')).toContainText('预览模式，不计入成绩')
  await expect(page.getByTestId('preview-version')).toContainText('草稿 v1')
  await expect(page.getByTestId('preview-title')).toContainText('谨慎型（C2）客户')
  await expect(page.getByTestId('mood-meter')).toBeVisible()
  await expect(page.getByTestId('current-customer-line')).toContainText('新能源基金')
  await expect(page.getByTestId('preview-undo')).toBeDisabled()

  // t1 b recommends the R4 fund: the suitability warning, then back — nothing kept.
  await page.getByTestId('choice-b').click()
  const warning = page.getByTestId('suitability-warning')
  await expect(warning).toBeVisible()
  await expect(warning).toContainText('客户 C2，产品 R4')
  await page.getByTestId('suitability-back').click()
  await expect(warning).toBeHidden()
  await expect(replies(page)).toHaveCount(0)
  await expect(page.getByTestId('preview-moves')).toHaveAttribute('data-count', '0')

  // t1 a, then undo it, then again; a reload keeps the position.
  await page.getByTestId('choice-a').click()
  await expect(replies(page)).toHaveCount(1)
  await expect(page.getByTestId('current-customer-line')).toContainText('重新测')
  await page.getByTestId('preview-undo').click()
  await expect(replies(page)).toHaveCount(0)
  await expect(page.getByTestId('current-customer-line')).toContainText('新能源基金')
  await page.getByTestId('choice-a').click()
  await expect(replies(page)).toHaveCount(1)
  await page.reload()
  await expect(replies(page)).toHaveCount(1)
  await expect(page.getByTestId('preview-moves')).toHaveAttribute('data-count', '1')

  // Play to the end (the same path the sandbox test passes with): the result and the debrief show.
  for (let n = 2; n <= 5; n++) {
    await page.getByTestId('choice-a').click()
    await expect(replies(page)).toHaveCount(n)
  }
  await page.getByTestId('choice-c').click() // t5i: he wavers; no pressure
  await expect(replies(page)).toHaveCount(6)
  await page.getByTestId('choice-a').click()
  await expect(page.getByTestId('result-total')).toBeVisible()
  expect(Number(await page.getByTestId('result-total').textContent())).toBeGreaterThanOrEqual(80)
  await expect(page.getByTestId('result-ending')).toHaveAttribute('data-kind', 'resolved')
  await expect(page.getByTestId('debrief-turns').locator('> li')).toHaveCount(7)
  await expect(page.getByTestId('result-retry')).toHaveCount(0)
  // Restart goes back to the first line.
  await page.getByTestId('preview-restart').click()
  await expect(page.getByTestId('current-customer-line')).toContainText('新能源基金')
  await expect(replies(page)).toHaveCount(0)

  // Nothing was recorded: HR has no attempt on the scenario.
  const attempts = await page.request.get('/api/v1/training/attempts')
  expect(attempts.status()).toBe(200)
  const mine = ((await attempts.json()) as { items: { scenario_id: string }[] | null }).items ?? []
  expect(mine.filter((a) => a.scenario_id === key)).toEqual([])

  // Published as cloned it would be a second identical card: refused, the origin named.
  await page.getByTestId('preview-back').click()
  await expect(page.getByTestId('library-page')).toBeVisible()
  await page.getByTestId(`library-publish-${key}`).click()
  await confirmBox(page, '发布后该版本不可再修改')
  await expect(page.locator('.ss-error-message')).toContainText(`与复制来源 ${SOURCE} 相比没有任何修改`)
  await expect(page.getByTestId(`library-status-${key}`)).toHaveAttribute('data-status', 'draft')

  // The bank adapts its copy (its name in the title) and saves the draft again.
  const edited = yaml.replace(/^title:\n {2}zh-CN: "/m, 'title:\n  zh-CN: "【星海】')
  expect(edited).not.toBe(yaml)
  await uploadDraft(page, edited, `${key} v1`)

  // Publish from the library, after a confirmation that says versions are final.
  await page.getByTestId(`library-publish-${key}`).click()
  await confirmBox(page, '发布后该版本不可再修改')
  await expect(page.getByTestId(`library-status-${key}`)).toHaveAttribute('data-status', 'published')
  await expect(page.getByTestId(`library-row-${key}`).locator('xpath=ancestor::tr')).toContainText('已发布 v1')
  await expect(page.getByTestId(`library-draft-${key}`)).toHaveCount(0)
  await expect(page.getByTestId(`library-publish-${key}`)).toHaveCount(0)
  expect((await library(page)).find((e) => e.key === key)).toMatchObject({ status: 'published', published_version: 1, draft_version: 0 })
  // …and employees can now find it in the catalogue.
  const catalogue = await page.request.get('/api/v1/training/scenarios')
  expect(((await catalogue.json()) as { items: { id: string }[] }).items.map((s) => s.id)).toContain(key)

  // The versions drawer lists v1.
  await page.getByTestId(`library-more-${key}`).click()
  await page.getByTestId(`library-versions-${key}`).click()
  const drawer = page.getByTestId('library-versions')
  await expect(drawer.getByTestId('library-version-1')).toBeVisible()
  await expect(drawer.getByTestId('library-version-draft')).toHaveCount(0)
  await drawer.locator('.el-drawer__close-btn').click()
  await expect(drawer).toBeHidden()

  // Upload v2 of the file as a new draft: check first, then save.
  await uploadDraft(page, edited.replace(/^version: 1$/m, 'version: 2'), `${key} v2`)
  await expect(page.getByTestId(`library-draft-${key}`)).toContainText('草稿 v2')
  await expect(page.getByTestId(`library-status-${key}`)).toHaveAttribute('data-status', 'published')
  expect((await library(page)).find((e) => e.key === key)).toMatchObject({ status: 'published', published_version: 1, draft_version: 2 })

  // Retire: the scenario leaves the employees' catalogue.
  await page.getByTestId(`library-retire-${key}`).click()
  await confirmBox(page, '停用')
  await expect(page.getByTestId(`library-status-${key}`)).toHaveAttribute('data-status', 'retired')
  const after = await page.request.get('/api/v1/training/scenarios')
  expect(((await after.json()) as { items: { id: string }[] }).items.map((s) => s.id)).not.toContain(key)
})

test('a broken YAML upload lists its problems and stores nothing', async ({ page }) => {
  await openLibrary(page)
  const before = await library(page)

  await page.getByTestId('library-upload').click()
  const up = page.getByTestId('library-upload-dialog')
  await expect(up).toBeVisible()
  await up.getByTestId('library-upload-text').fill('id: [unclosed')

  // Check: the problem list, in Chinese, with the line and the code.
  await up.getByTestId('library-upload-check').click()
  const problems = up.getByTestId('library-problems')
  await expect(problems).toBeVisible()
  await expect(problems).toContainText('发现 1 个问题，未保存任何内容')
  await expect(problems).toContainText('YAML 语法错误')
  await expect(problems.getByTestId('library-problem-0')).toHaveAttribute('data-code', 'syntax')
  await expect(problems.getByTestId('library-problem-0')).toHaveText('1')

  // Save as draft: refused the same way; the dialog stays open with the text.
  await up.getByTestId('library-upload-save').click()
  await expect(problems).toBeVisible()
  await expect(problems).toContainText('YAML 语法错误')
  await expect(up).toBeVisible()
  await expect(up.getByTestId('library-upload-text')).toHaveValue('id: [unclosed')

  // Editing the text clears the stale verdict.
  await up.getByTestId('library-upload-text').fill('id: [still-broken')
  await expect(problems).toBeHidden()

  // A valid file naming a built-in id is refused with its code (nothing taken over).
  const builtin = await page.request.get(`/api/v1/training/library/${SOURCE}/source`)
  expect(builtin.status()).toBe(200)
  await up.getByTestId('library-upload-text').fill(await builtin.text())
  await up.getByTestId('library-upload-save').click()
  await expect(up.getByTestId('library-problem-0')).toHaveAttribute('data-code', 'id_taken')
  await up.getByRole('button', { name: '取消' }).click()
  await expect(up).toBeHidden()

  // Nothing was stored.
  expect(await library(page)).toEqual(before)
})

test('the library and its problems speak English', async ({ page }) => {
  // The language the user picked is kept in the browser; nothing changes on the server.
  await page.addInitScript("localStorage.setItem('ss_locale', 'en')")
  await openLibrary(page)
  await expect(page.getByTestId('library-page')).toContainText('Scenario library')
  await expect(page.getByTestId(`library-row-${SOURCE}`)).toContainText('Cautious (C2) customer insists on a high-yield R4 product')
  await page.getByTestId('library-upload').click()
  const up = page.getByTestId('library-upload-dialog')
  await up.getByTestId('library-upload-text').fill('id: [unclosed')
  await up.getByTestId('library-upload-check').click()
  await expect(up.getByTestId('library-problems')).toContainText('YAML syntax error')
  await expect(up.getByTestId('library-problems')).toContainText('nothing was saved')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

  test('the library is a list of cards and the preview keeps the sandbox layout', async ({ page }) => {
    await loginOk(page, 'demo', 'hr')
    await page.goto('/training/library')
    await expect(page.getByTestId('library-cards')).toBeVisible()
    await expect(page.getByTestId('library-table')).toHaveCount(0)
    const card = page.getByTestId(`library-row-${SOURCE}`)
    await expect(card).toContainText('谨慎型（C2）客户')
    // Every action is a button on the card, nothing hidden in a menu.
    for (const a of ['preview', 'clone', 'hide', 'download']) await expect(card.getByTestId(`library-${a}-${SOURCE}`)).toBeVisible()
    await card.getByTestId(`library-preview-${SOURCE}`).click()
    // the built-in's current version, whatever revision the pack is at
    await expect(page).toHaveURL(new RegExp(`/training/library/${SOURCE}/preview\\?version=\\d+$`))
    await expect(page.getByTestId('preview-banner')).toContainText('预览模式，不计入成绩')
    // A published built-in: the persona and shelf fold into panels, as in the sandbox.
    await expect(page.getByTestId('sandbox-panels')).toContainText('孙先生')
    await page.getByTestId('choice-a').click()
    await expect(replies(page)).toHaveCount(1)
    const box = await page.getByTestId('library-preview').boundingBox()
    expect(box!.width).toBeLessThanOrEqual(390)
  })
})

test('HR lists the scenarios whose facts were checked more than a year ago, the date on each', async ({ page }) => {
  await openLibrary(page)
  // A copy of a built-in scenario whose facts were last checked in 2024, uploaded through the API.
  const key = `e2e-stale-${Date.now()}`
  const src = await page.request.get(`/api/v1/training/library/${SOURCE}/source`)
  const yaml = (await src.text()).replace(/^id: .*$/m, `id: ${key}`).replace(/^facts_checked_on: .*$/m, 'facts_checked_on: "2024-03-01"')
  const csrf = (await page.context().cookies()).find((c) => c.name === 'ss_csrf')?.value ?? ''
  const up = await page.request.post('/api/v1/training/library', { headers: { 'Content-Type': 'application/yaml', 'X-CSRF-Token': csrf }, data: yaml })
  expect(up.status(), await up.text()).toBe(200)
  await page.getByTestId('library-reload').click()

  await expect(page.getByTestId(`library-facts-${key}`)).toHaveText('事实核查于 2024-03-01 · 超过一年，需复核')
  await expect(page.getByTestId(`library-facts-${SOURCE}`)).toContainText('事实核查于 20')
  await expect(page.getByTestId(`library-facts-${SOURCE}`)).not.toContainText('需复核')

  await page.getByTestId('library-filter-stale').click()
  await expect(page.getByTestId(`library-row-${SOURCE}`)).toHaveCount(0)
  await expect(page.getByTestId(`library-row-${key}`)).toBeVisible()
  await page.getByTestId('library-filter-stale').click()
  await expect(page.getByTestId(`library-row-${SOURCE}`)).toBeVisible()
})
