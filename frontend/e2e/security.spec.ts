import { expect, test } from './fixtures'
import { loginOk } from './helpers'

// The pages are served with a Content-Security-Policy that allows only our own scripts; the
// fixture fails any journey in which Chromium refused something. These two visit the pages
// with the most third-party code: the charts and the API reference.
test('the app and the API reference work under the Content-Security-Policy', async ({ page }) => {
  const doc = await page.goto('/login')
  const headers = doc!.headers()
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['x-frame-options']).toBe('DENY')

  await loginOk(page, 'demo', 'hr')
  await page.goto('/training/analytics?scenario=salary-to-fixed-deposit')
  await expect(page.getByTestId('analytics-endings-chart').locator('svg').first()).toBeVisible()

  await page.goto('/api/docs')
  // RapiDoc renders the OpenAPI document inside its shadow root (Playwright's CSS pierces it);
  // with 170 operations that takes a while on a busy machine.
  await expect(page.locator('rapi-doc').getByRole('heading', { name: "Page and filter the tenant's audit log" })).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('rapi-doc').getByText('/api/v1/branches').first()).toBeVisible()
})

test('another site cannot frame the app', async ({ browser, baseURL }) => {
  // Its own context: the refusal this test waits for is what the fixture fails other journeys on.
  const context = await browser.newContext()
  const page = await context.newPage()
  const refused = new Promise<string>((resolve) => {
    context.on('console', (msg) => {
      if (msg.text().includes('frame-ancestors')) resolve(msg.text())
    })
  })
  await page.setContent(`<iframe id="f" src="${baseURL}/login"></iframe>`)
  expect(await refused).toContain("frame-ancestors 'none'")
  await expect(page.frameLocator('#f').getByTestId('login-submit')).toHaveCount(0)
  await context.close()
})
