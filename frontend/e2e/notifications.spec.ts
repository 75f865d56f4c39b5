import { expect, test } from './fixtures'
import { loginOk } from './helpers'

// Other journeys read some of this employee's notifications, so counts are compared, not fixed.
test('an employee pages through all notifications, filters the unread ones and marks them read', async ({ page }) => {
  await loginOk(page, 'demo', 'emp.north.1')
  await page.getByTestId('notification-bell').click()
  await page.getByTestId('notification-all').click()
  await expect(page).toHaveURL(/\/notifications$/)
  // A page outside the menu lights up no menu entry (it used to light up the home page's).
  await expect(page.getByTestId('side-menu').locator('.is-active')).toHaveCount(0)
  const list = page.getByTestId('notifications-page').getByTestId('notification-list')
  await expect(list.locator('li').first()).toBeVisible()
  const all = await list.locator('li').count()
  expect(all).toBeGreaterThanOrEqual(2)

  const unreadCount = page.getByTestId('notifications-unread')
  const unread = Number(await unreadCount.getAttribute('data-count'))
  await page.getByTestId('notifications-unread-only').click()
  if (unread > 0) {
    await expect(list.locator('li')).toHaveCount(Math.min(unread, 20))
    await expect(list.locator('li[data-unread="false"]')).toHaveCount(0)
  }

  await page.getByTestId('notifications-unread-only').click()
  await expect(list.locator('li')).toHaveCount(all)
  await page.getByTestId('notifications-read-all').click()
  await expect(unreadCount).toHaveAttribute('data-count', '0')
  await expect(list.locator('li[data-unread="true"]')).toHaveCount(0)
  await expect(page.getByTestId('notifications-read-all')).toBeDisabled()
  // The bell follows on the next navigation.
  await page.goto('/')
  await expect(page.getByTestId('notification-badge')).toHaveAttribute('data-count', '0')

  // Opening one leads to the inbox, as from the bell.
  await page.goto('/notifications')
  await list.locator('li[data-kind="training.assigned"]').first().click()
  await expect(page).toHaveURL(/\/training\/inbox/)
})

test('the notifications page fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await loginOk(page, 'demo', 'emp.south.1')
  await page.goto('/notifications')
  await expect(page.getByTestId('notifications-page')).toBeVisible()
  const width = await page.locator('html').evaluate((el) => el.scrollWidth)
  expect(width).toBeLessThanOrEqual(390)
})
