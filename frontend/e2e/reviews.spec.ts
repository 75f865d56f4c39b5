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

// staff.north.1 (no other journey plays as him) fails an attempt: he recommends whatever the
// customer is offered and confirms the suitability warnings. mgr.north, whose subtree holds
// North, comments on its first turn and assigns him a retake with a limit; he finds it in
// his inbox.
test('a manager comments on one turn of a failed attempt and assigns a retake', async ({ browser }) => {
  const emp = await (await browser.newContext()).newPage()
  await loginOk(emp, 'demo', 'staff.north.1')
  const csrf = (await emp.context().cookies()).find((c) => c.name === 'ss_csrf')?.value ?? ''
  const headers = { 'X-CSRF-Token': csrf }
  const started = await emp.request.post('/api/v1/training/attempts', { headers, data: { scenario_id: 'conservative-wants-high-yield' } })
  expect(started.status(), await started.text()).toBe(200)
  const id = ((await started.json()) as { id: number }).id
  type Turn = { id: string; free_text: boolean; choices: { id: string; recommends: string | null }[] }
  let first = ''
  for (let i = 0; i < 60; i++) {
    const a = (await (await emp.request.get(`/api/v1/training/attempts/${id}`)).json()) as { status: string; pending: unknown; turn: Turn | null; result: { passed: boolean } | null }
    if (a.status === 'finished') {
      expect(a.result?.passed).toBe(false)
      break
    }
    if (!a.turn) throw new Error('no turn')
    first ||= a.turn.id
    const res = a.pending
      ? await emp.request.post(`/api/v1/training/attempts/${id}/confirm`, { headers })
      : a.turn.free_text
        ? await emp.request.post(`/api/v1/training/attempts/${id}/answer`, { headers, data: { text: '好的，我明白了。' } })
        : await emp.request.post(`/api/v1/training/attempts/${id}/choose`, {
            headers,
            data: { choice_id: (a.turn.choices.find((c) => c.recommends) ?? a.turn.choices[0]).id },
          })
    expect(res.status(), await res.text()).toBe(200)
  }

  const page = await (await browser.newContext()).newPage()
  await loginOk(page, 'demo', 'mgr.north')
  await page.goto(`/training/reviews/${id}`)
  await expect(page.getByTestId('turn-comments')).toBeVisible({ timeout: 30_000 })
  const note = `这一轮先做风险测评 ${Date.now()}`
  await page.getByTestId(`turn-comment-add-${first}`).click()
  await page.locator(`textarea[data-testid="turn-comment-input-${first}"], [data-testid="turn-comment-input-${first}"] textarea`).first().fill(note)
  await page.getByTestId(`turn-comment-submit-${first}`).click()
  await expect(page.getByTestId(`turn-${first}`)).toContainText(note)

  await page.getByTestId('review-retake').click()
  const dialog = page.getByTestId('retake-dialog')
  await expect(dialog).toBeVisible()
  await dialog.locator('[data-testid="retake-max-attempts"] input, input[data-testid="retake-max-attempts"]').first().fill('2')
  await dialog.locator('textarea[data-testid="retake-note"], [data-testid="retake-note"] textarea').first().fill('重点练习适当性')
  await page.getByTestId('retake-submit').click()
  await expect(page.getByTestId('retake-created')).toBeVisible()

  await emp.goto('/training/inbox?tab=todo')
  const card = emp.locator('[data-testid^="inbox-item-"]', { has: emp.getByTestId('inbox-retake') }).first()
  await expect(card).toBeVisible()
  await expect(card.getByTestId('inbox-attempts')).toContainText('0/2')
  await expect(card).toContainText('重点练习适当性')
})
