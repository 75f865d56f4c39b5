import { createHmac } from 'node:crypto'
import { expect, test } from './fixtures'
import { field, login, loginOk } from './helpers'
import type { Page } from '@playwright/test'

// RFC 6238 with the authenticator apps' settings (SHA-1, 6 digits, 30 s),
// computed here from the key the page shows, as a phone would.
function totp(base32: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const ch of base32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = mac[mac.length - 1] & 0xf
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

async function requireFor(page: Page, role: string, on: boolean) {
  // The box is read only once the page shows the stored policy: read before it arrived, it
  // showed the default, was left alone, and the save wrote the old requirement back.
  const stored = page.waitForResponse((r) => r.url().endsWith('/api/v1/tenant/sign-in-policy') && r.request().method() === 'GET')
  await page.goto('/settings')
  const before = ((await (await stored).json()) as { mfa_roles: string[] }).mfa_roles.includes(role)
  const box = page.getByTestId(`policy-mfa-${role}`)
  await expect(page.getByTestId('sign-in-policy')).toBeVisible()
  await expect(box.locator('input')).toBeChecked({ checked: before })
  if (before !== on) await box.click()
  await page.getByTestId('policy-save').click()
  await expect(page.getByText('登录规则已保存')).toBeVisible()
  const saved = (await (await page.request.get('/api/v1/tenant/sign-in-policy')).json()) as { mfa_roles: string[] }
  expect(saved.mfa_roles.includes(role)).toBe(on)
}

// The bank requires a second factor of HR; the HR user sets one up right
// after the password, keeps the recovery codes, and signs in again with a code.
test('an HR user enrols an authenticator app and signs in with a code', async ({ page, browser }) => {
  await loginOk(page, 'demo', 'admin')
  await requireFor(page, 'hr', true)

  const hr = await (await browser.newContext()).newPage()
  try {
    await login(hr, 'demo', 'hr')
    await expect(hr.getByRole('heading', { name: '设置双重验证登录' })).toBeVisible()
    await expect(hr.getByTestId('totp-qr')).toBeVisible()
    const secret = (await hr.getByTestId('totp-secret').textContent())!.trim()
    await field(hr, 'totp-code').fill(totp(secret))
    await hr.getByTestId('totp-confirm').click()
    await expect(hr.getByTestId('recovery-codes').locator('li')).toHaveCount(10)
    await hr.getByTestId('recovery-done').click()
    await expect(hr.getByTestId('welcome-card')).toBeVisible()

    // Signed out and in again: the password alone no longer opens a session.
    await hr.context().clearCookies()
    await login(hr, 'demo', 'hr')
    await expect(hr.getByRole('heading', { name: '第二步：输入验证码' })).toBeVisible()
    await field(hr, 'mfa-code').fill('000000')
    await hr.getByTestId('mfa-submit').click()
    await expect(hr.getByTestId('login-error')).toContainText('验证码错误或已过期')
    // The next step's code: the one that confirmed the set-up is spent.
    await field(hr, 'mfa-code').fill(totp(secret, Date.now() + 30_000))
    await hr.getByTestId('mfa-submit').click()
    await expect(hr.getByTestId('welcome-card')).toBeVisible()

    // Put the demo back for the other journeys: no requirement, and the admin resets HR's
    // factor on the users page (as for a lost phone), which signs HR out.
    await requireFor(page, 'hr', false)
    await page.goto('/users')
    await field(page, 'user-search').fill('hr')
    await page.getByTestId('user-search-submit').click()
    await expect(page.getByTestId('user-mfa-hr')).toHaveText('已设双重验证')
    await page.getByTestId('user-more-hr').click()
    await page.getByTestId('user-reset-mfa-hr').click()
    const confirm = page.getByRole('dialog', { name: '重置双重验证' })
    await expect(confirm).toContainText('记入审计日志')
    await confirm.getByRole('button', { name: '确认' }).click()
    await expect(page.getByText('已重置“人力资源部 周敏”的双重验证')).toBeVisible()
    await expect(page.getByTestId('user-mfa-hr')).toHaveCount(0)
    await expect(page.getByTestId('user-more-hr')).toBeVisible()
    expect((await hr.request.get('/api/v1/me')).status()).toBe(401)
  } finally {
    await hr.context().close()
  }
})
