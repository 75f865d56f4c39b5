import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from './fixtures'
import { field, loginOk } from './helpers'

// Single sign-on as a bank runs it: the tenant admin points the bank at its OpenID Provider, and
// staff then sign in there instead of with a local password. The provider is a real one
// (app/sso/testop, zitadel's op package) started here on a loopback port; `make test-e2e` builds
// it to bin/testop beforehand so the journey compiles nothing.
const OP_PORT = Number(process.env.SS_E2E_OP_PORT ?? 18117)
const ISSUER = `http://127.0.0.1:${OP_PORT}`
const OP_BIN = resolve(process.env.SS_TESTOP_BIN ?? '../bin/testop')

test.describe.configure({ mode: 'serial' })

let op: ChildProcess | undefined

test.beforeAll(async ({ baseURL }) => {
  if (!existsSync(OP_BIN)) throw new Error(`no test OpenID Provider at ${OP_BIN} (go build -o bin/testop ./app/sso/testop/cmd)`)
  // emp.north.1 is XH0008 in the demo bank; ghost's code belongs to nobody there.
  op = spawn(OP_BIN, ['-addr', `127.0.0.1:${OP_PORT}`, '-redirect', `${baseURL}/api/v1/sso/demo/oidc/callback`, '-user', 'liuyang=XH0008', '-user', 'ghost=XH9999'], {
    stdio: 'inherit',
  })
  // Ready once it serves its discovery document.
  await expect
    .poll(async () => {
      try {
        return (await fetch(`${ISSUER}/.well-known/openid-configuration`)).status
      } catch {
        return 0
      }
    })
    .toBe(200)
})

test.afterAll(() => {
  op?.kill('SIGTERM')
})

async function signOut(page: import('@playwright/test').Page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await expect(page).toHaveURL(/\/login/)
}

async function userTotal(page: import('@playwright/test').Page): Promise<number> {
  const r = await page.request.get('/api/v1/users?page_size=1')
  expect(r.status()).toBe(200)
  return (await r.json()).total
}

test('an admin configures OpenID Connect and a user signs in through it', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  await page.goto('/settings')
  const sso = page.getByTestId('sso-settings')
  await expect(sso.getByRole('heading', { level: 2 })).toBeVisible()
  await page.getByTestId('sso-oidc-enabled').click()
  await field(page, 'sso-oidc-issuer').fill(ISSUER)
  await field(page, 'sso-oidc-client-id').fill('servicestar')
  await field(page, 'sso-oidc-client-secret').fill('journey-secret')
  await field(page, 'sso-oidc-code-claim').fill('employee_code')
  await page.getByTestId('sso-save').click()
  await expect(page.getByText('单点登录设置已保存')).toBeVisible()
  // The address to register at the provider is shown once saved.
  await expect(page.getByTestId('sso-oidc-redirect')).toHaveText(/\/api\/v1\/sso\/demo\/oidc\/callback$/)
  // The secret is write-only: the box comes back empty, saying one is stored.
  await page.reload()
  await expect(field(page, 'sso-oidc-issuer')).toHaveValue(ISSUER)
  await expect(field(page, 'sso-oidc-client-secret')).toHaveValue('')
  await signOut(page)

  // The sign-in page offers the bank's provider once the bank code is typed.
  await field(page, 'login-tenant').fill('demo')
  const start = page.getByTestId('sso-oidc-start')
  await expect(start).toBeVisible()
  await start.click()
  // The provider's own sign-in page; the user is vouched for there, not here.
  await expect(page).toHaveURL(new RegExp(`^${ISSUER}/login`))
  await page.getByLabel('Username').fill('liuyang')
  await page.getByRole('button', { name: 'Sign in' }).click()

  // Back home, signed in as the employee whose code the provider sent.
  await expect(page.getByTestId('welcome-card')).toBeVisible()
  const me = await (await page.request.get('/api/v1/me')).json()
  expect(me.user.username).toBe('emp.north.1')
  expect(me.user.employee_code).toBe('XH0008')
})

test('a provider user with an unknown employee code is refused and no user is created', async ({ page }) => {
  await loginOk(page, 'demo', 'admin')
  const before = await userTotal(page)
  await signOut(page)

  await field(page, 'login-tenant').fill('demo')
  await page.getByTestId('sso-oidc-start').click()
  await expect(page).toHaveURL(new RegExp(`^${ISSUER}/login`))
  await page.getByLabel('Username').fill('ghost')
  await page.getByRole('button', { name: 'Sign in' }).click()

  // Back on the sign-in page with the reason in words, and no session.
  await expect(page).toHaveURL(/\/login\?.*sso_error=unknown_user/)
  await expect(page.getByTestId('sso-error')).toContainText('本行没有使用该员工编号的在职用户')
  expect((await page.request.get('/api/v1/me')).status()).toBe(401)

  await loginOk(page, 'demo', 'admin')
  expect(await userTotal(page)).toBe(before)
  const found = await (await page.request.get('/api/v1/users?q=XH9999')).json()
  expect(found.total).toBe(0)
})
