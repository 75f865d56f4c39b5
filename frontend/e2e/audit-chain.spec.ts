import { expect, test } from './fixtures'
import { loginOk } from './helpers'

test('the auditor reads the head of the audit chain and verifies it', async ({ page }) => {
  await loginOk(page, 'demo', 'auditor')
  // The sealer runs when the server starts and every 5 s after; the demo's
  // records are in the chain once it has run.
  await expect
    .poll(async () => {
      const res = await page.request.get('/api/v1/audit/chain')
      return res.ok() && Boolean((await res.json()).head)
    })
    .toBe(true)

  await page.getByTestId('side-menu').getByText('审计日志').click()
  await expect(page).toHaveURL(/\/audit$/)
  const chain = page.getByTestId('audit-chain')
  await expect(chain).toContainText('审计链')
  await expect(chain.getByTestId('audit-chain-hash')).toHaveText(/^[0-9a-f]{64}$/)
  const seq = Number(await chain.getByTestId('audit-chain-seq').textContent())
  expect(seq).toBeGreaterThan(0)
  await expect(chain.getByTestId('audit-chain-counts')).toContainText(`已封存 ${seq} 条`)

  await chain.getByTestId('audit-chain-verify').click()
  const ok = chain.getByTestId('audit-chain-ok')
  await expect(ok).toBeVisible()
  await expect(ok).toHaveText(/审计链完好：已校验 \d+ 条记录/)
  await expect(chain.getByTestId('audit-chain-broken')).toHaveCount(0)
  // What was verified ends at a head the page shows in full, to be written down.
  await expect(chain.getByTestId('audit-chain-result')).toContainText(/最后一条完好的记录：序号 \d+，哈希 [0-9a-f]{64}/)
})

test('the audit chain speaks English when the user does', async ({ page }) => {
  await loginOk(page, 'demo', 'auditor')
  await page.getByTestId('lang-switch-button').click()
  await page.getByTestId('lang-en').click()
  await page.getByTestId('side-menu').getByText('Audit log').click()
  const chain = page.getByTestId('audit-chain')
  await expect(chain).toContainText('Audit chain')
  await chain.getByTestId('audit-chain-verify').click()
  await expect(chain.getByTestId('audit-chain-result')).toContainText(/The audit chain is intact: \d+ records checked|There is no record to verify yet/)
})
