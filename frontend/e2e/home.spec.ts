import { expect, test } from './fixtures'
import { loginOk } from './helpers'

test('the home page tells an employee what training is due and leads to it', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  const todo = page.getByTestId('home-todo')
  await expect(todo).toBeVisible()
  const open = page.getByTestId('home-todo-todo')
  await expect(open).not.toHaveAttribute('data-count', '0')
  // The next open assignments, soonest due first, each with its due date.
  const first = todo.locator('[data-testid^="home-todo-item-"]').first()
  await expect(first).toBeVisible()
  await expect(first).toContainText(/截止/)
  const status = await first.getAttribute('data-status')
  await first.locator('a').click()
  await expect(page).toHaveURL(new RegExp(`/training/inbox\\?tab=${status}$`))
  await expect(page.getByTestId('inbox-page')).toBeVisible()

  await page.goto('/')
  await open.click()
  await expect(page).toHaveURL(/\/training\/inbox\?tab=todo$/)
})

test('someone with nothing assigned is told so', async ({ page }) => {
  // demo2's programme reaches its Kunming branch only, not the head office.
  await loginOk(page, 'demo2', 'admin')
  await expect(page.getByTestId('home-todo-none')).toBeVisible()
  await expect(page.getByTestId('home-todo-overdue')).toHaveAttribute('data-count', '0')
  await expect(page.getByTestId('home-todo-todo')).toHaveAttribute('data-count', '0')
})

test('a manager sees the running assignments of his branches, soonest due first, and opens one', async ({ page }) => {
  await loginOk(page, 'demo', 'mgr.north')
  const follow = page.getByTestId('home-follow')
  await expect(follow).toBeVisible()
  const rows = follow.locator('[data-testid^="home-follow-"]:not([data-testid="home-follow-all"]):not([data-testid="home-follow-none"])')
  await expect(rows.first()).toBeVisible()
  // The seed's North programme falls due within 36 hours: it comes first.
  await expect(rows.first()).toContainText('北方分行服务提升')
  await expect(rows.first()).toContainText(/人完成/)
  await rows.first().locator('a.title').click()
  await expect(page).toHaveURL(/\/training\/assignments\/\d+$/)
})
