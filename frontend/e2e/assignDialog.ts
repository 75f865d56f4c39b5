import { expect, type Page } from '@playwright/test'
import { field, pickBranch } from './helpers'

/** In the open assign dialog: names the programme, picks one scenario (checking the select
 * shows its title) and North as the branch. */
export async function fillAssignment(page: Page, programme: string, scenario: string, title: string) {
  await field(page, 'assign-programme').fill(programme)
  await page.locator('[data-testid="assign-scenarios"]').click()
  await page.getByTestId(`assign-scenario-${scenario}`).click()
  await page.keyboard.press('Escape')
  await expect(page.locator('[data-testid="assign-scenarios"]')).toContainText(title)
  await pickBranch(page, 'assign-branch', '北方分行', 'north')
}
