import { expect, test } from './fixtures'
import { field, loginOk } from './helpers'

// The tenant admin keeps the bank's details and its retention periods on one page.
// Only the periods change here: other journeys read the bank's name and time zone.
test('the tenant admin sets how long personal data is kept', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  await page.getByTestId('side-menu').getByText('本行设置').click()
  await expect(page).toHaveURL(/\/settings$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本行设置')
  await expect(field(page, 'bank-name')).not.toHaveValue('')

  const replies = page.getByTestId('retention-typed_replies_days')
  const notes = page.getByTestId('retention-notifications_days')
  // The demo bank keeps typed replies two years and notifications one.
  await expect(field(page, 'retention-typed_replies_days-days')).toHaveValue('730')
  await expect(field(page, 'retention-notifications_days-days')).toHaveValue('365')

  await field(page, 'retention-typed_replies_days-days').fill('400')
  await field(page, 'retention-typed_replies_days-days').blur()
  await notes.getByText('永久保留').click()
  await expect(notes.getByRole('spinbutton')).toHaveCount(0)
  await page.getByTestId('retention-save').click()
  await expect(page.getByText('保留期限已保存')).toBeVisible()

  await page.reload()
  await expect(field(page, 'retention-typed_replies_days-days')).toHaveValue('400')
  await expect(notes.getByRole('checkbox', { name: '永久保留' })).toBeChecked()
  await expect(replies.getByRole('checkbox', { name: '永久保留' })).not.toBeChecked()
  const saved = await (await page.request.get('/api/v1/retention')).json()
  expect(saved).toMatchObject({ typed_replies_days: 400, feedback_comments_days: 1095, notifications_days: null })
  // Nothing in the demo is old enough for the job to have removed anything.
  await expect(page.getByTestId('retention-no-runs')).toBeVisible()
})

test('HR has no bank settings', async ({ page }) => {
  await loginOk(page, 'demo', 'hr')
  await expect(page.getByTestId('side-menu').getByText('本行设置')).toHaveCount(0)
  expect((await page.request.get('/api/v1/retention')).status()).toBe(403)
})

// Passwords and lockout: the admin changes the lockout; the server keeps
// the bounds the form shows and names the field it refuses.
test('the tenant admin sets the password and lockout rules', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  await page.goto('/settings')
  const policy = page.getByTestId('sign-in-policy')
  await expect(policy.getByRole('heading', { level: 2 })).toHaveText('密码与锁定')
  await expect(field(page, 'policy-lockout_threshold')).toHaveValue('5')
  await field(page, 'policy-lockout_threshold').fill('6')
  await field(page, 'policy-lockout_threshold').blur()
  await page.getByTestId('policy-save').click()
  await expect(page.getByText('登录规则已保存')).toBeVisible()
  await page.reload()
  await expect(field(page, 'policy-lockout_threshold')).toHaveValue('6')

  const token = (await page.context().cookies()).find((c) => c.name === 'ss_csrf')?.value ?? ''
  const body = { min_password_length: 7, lockout_threshold: 5, lockout_minutes: 15, mfa_roles: [] }
  const refused = await page.request.put('/api/v1/tenant/sign-in-policy', { data: body, headers: { 'X-CSRF-Token': token } })
  expect(refused.status()).toBe(422)
  expect(JSON.stringify(await refused.json())).toContain('body.min_password_length')
  const back = await page.request.put('/api/v1/tenant/sign-in-policy', { data: { ...body, min_password_length: 8 }, headers: { 'X-CSRF-Token': token } })
  expect(back.status()).toBe(200)
})
