import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './harness'

// Steps many specs share, written the way a person does them through the UI.

export async function unlock(page: Page, username: string, passphrase: string): Promise<void> {
  await page.getByTestId('unlock-username').fill(username)
  await page.getByTestId('unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
}

/** Opens the app and unlocks it as `user`, as a person does on the unlock screen. */
export async function signIn(
  page: Page,
  user: { username: string; passphrase: string; displayName: string },
): Promise<void> {
  await page.goto('/')
  await unlock(page, user.username, user.passphrase)
  await expectUnlockedAs(page, user.displayName)
}

export async function expectUnlockedAs(page: Page, displayName: string): Promise<void> {
  await expect(page.getByTestId('current-user')).toContainText(displayName)
}

export async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click()
  await expect(page.getByTestId('unlock-username')).toBeVisible()
}

export async function expectUnlockRefused(page: Page, username: string, passphrase: string): Promise<void> {
  await unlock(page, username, passphrase)
  await expect(page.getByTestId('unlock-error')).toBeVisible()
  await expect(page.getByTestId('current-user')).toHaveCount(0)
}

export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      // Enough to find and fix the element without rerunning: selector, markup, axe's reason.
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        html: node.html.slice(0, 200),
        why: node.failureSummary?.split('\n').slice(1).join(' ').trim(),
      })),
    }))
  // Soft: one run reports every screen's violations, not just the first screen's.
  expect.soft(serious, `serious/critical axe violations on the ${screen} screen`).toEqual([])
}
