import type { Page } from '@playwright/test'
import { ADMIN, expect, test, type Harness } from './support/harness'
import { expectNoSeriousA11yViolations, lock, signIn } from './support/app'

// The Admin area: settings (admin only) and the audit log (admins and supervisors), through the
// real renderer and the real API over a real encrypted vault.

const SUPERVISOR = {
  username: 'grace.supervisor',
  displayName: 'Grace Banda',
  role: 'supervisor',
  passphrase: 'amber compass tide 58',
}

async function unlockAsAdmin(page: Page): Promise<void> {
  await signIn(page, ADMIN)
}

async function openAdminSection(page: Page, section: 'users' | 'settings' | 'audit'): Promise<void> {
  await page.getByTestId('nav-admin').click()
  await page.getByTestId(`admin-nav-${section}`).click()
  await expect(page.getByTestId(`admin-nav-${section}`)).toHaveAttribute('aria-current', 'page')
}

/** Presses Tab until the element with this test id has focus (fails after a sane number of presses). */
async function tabTo(page: Page, testId: string): Promise<void> {
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
  for (let presses = 0; (await focused()) !== testId; presses++) {
    expect(presses, `${testId} is reachable with Tab`).toBeLessThan(40)
    await page.keyboard.press('Tab')
  }
}

/** Writes `count` audit rows through the API (as the admin), then locks again. */
async function writeAuditRows(harness: Harness, count: number): Promise<void> {
  expect(
    await harness.call('vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
  ).toMatchObject({ ok: true })
  for (let index = 0; index < count; index++) {
    const minutes = 10 + (index % 5)
    expect(await harness.call('vault:updateSettings', { autoLockMinutes: minutes })).toMatchObject({
      ok: true,
    })
  }
  harness.lockFromMain('user')
}

test('an admin sets auto-lock to 5 minutes; the setting is saved and survives lock and unlock', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await unlockAsAdmin(page)
  await openAdminSection(page, 'settings')

  const minutes = page.getByTestId('settings-autolock')
  await expect(minutes).toHaveValue('10')
  await expect(
    page.getByText(/also locks .* when the computer goes to sleep or the screen is locked/),
  ).toBeVisible()

  // A value outside the contract's range is refused in the form, before main is asked.
  await minutes.fill('0')
  await page.getByTestId('settings-save').click()
  await expect(page.getByRole('alert').filter({ hasText: 'Enter 1 or more.' })).toBeVisible()
  await expect(minutes).toHaveAttribute('aria-invalid', 'true')

  await minutes.fill('5')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-saved')).toContainText('5 minutes')
  await harness.screenshot('admin-settings')

  await lock(page)
  await unlockAsAdmin(page)
  await openAdminSection(page, 'settings')
  await expect(page.getByTestId('settings-autolock')).toHaveValue('5')
  expect(await harness.call('vault:getSettings')).toEqual({ ok: true, value: { autoLockMinutes: 5 } })
})

test('an admin reads the audit log and verifies that the chain is intact', async ({ page, harness }) => {
  await harness.seedVault()
  await unlockAsAdmin(page)
  await openAdminSection(page, 'audit')

  const table = page.getByTestId('audit-table')
  await expect(table.locator('[data-action="vault.created"]')).toHaveText('Vault created')
  await expect(table.locator('[data-action="session.unlocked"]')).toHaveText('Unlocked')
  await expect(table.locator('tbody tr').first()).toContainText(ADMIN.username)
  await expect(page.getByTestId('audit-load-older')).toHaveCount(0)

  await page.getByTestId('audit-verify').click()
  const result = page.getByTestId('audit-verify-result')
  await expect(result).toHaveText(/^Intact: \d+ rows checked\.$/)
  await expect(page.getByRole('status').filter({ has: result })).toBeVisible()
  // The check itself is recorded, and appears on top without reloading the page.
  await expect(table.locator('tbody tr').first().locator('[data-action="audit.verified"]')).toBeVisible()
  await harness.screenshot('admin-audit')
})

test('the audit log pages back 50 rows at a time to the vault’s creation', async ({ page, harness }) => {
  await harness.seedVault()
  await writeAuditRows(harness, 60)
  await unlockAsAdmin(page)
  await openAdminSection(page, 'audit')

  const rows = page.getByTestId('audit-table').locator('tbody tr')
  await expect(rows).toHaveCount(50)
  await expect(page.locator('[data-action="vault.created"]')).toHaveCount(0)

  await page.getByTestId('audit-load-older').click()
  // seed (created, recovery key confirmed, locked) + unlock + 60 changes + lock + unlock in the UI
  // = 66 rows.
  await expect(rows).toHaveCount(66)
  await expect(rows.last().locator('[data-action="vault.created"]')).toBeVisible()
  await expect(page.getByTestId('audit-load-older')).toHaveCount(0)
})

test('settings and the audit log work with the keyboard alone', async ({ page, harness }) => {
  await harness.seedVault()
  await unlockAsAdmin(page)

  await tabTo(page, 'nav-admin')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('users-table')).toBeVisible()
  await tabTo(page, 'admin-nav-settings')
  await page.keyboard.press('Enter')
  await tabTo(page, 'settings-autolock')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('7')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('settings-saved')).toContainText('7 minutes')

  await tabTo(page, 'admin-nav-audit')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('audit-table')).toBeVisible()
  await tabTo(page, 'audit-verify')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('audit-verify-result')).toContainText('Intact')
})

test('a supervisor sees the audit log but not Users or Settings, and main refuses their settings change', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(SUPERVISOR)
  await signIn(page, SUPERVISOR)

  await page.getByTestId('nav-admin').click()
  await expect(page.getByTestId('audit-table')).toBeVisible()
  await expect(page.getByTestId('admin-nav-audit')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('admin-nav-users')).toHaveCount(0)
  await expect(page.getByTestId('admin-nav-settings')).toHaveCount(0)
  await expect(page.getByTestId('audit-table').locator('[data-action="user.created"]')).toBeVisible()

  for (const hash of ['#/app/admin/settings', '#/app/admin/users']) {
    await page.evaluate((target) => {
      window.location.hash = target
    }, hash)
    await expect(page.getByTestId('not-allowed')).toBeVisible()
    await expect(page.getByTestId('settings-autolock')).toHaveCount(0)
  }

  const changed = await page.evaluate(() => window.casevault.vault.updateSettings({ autoLockMinutes: 3 }))
  expect(changed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await harness.call('vault:getSettings')).toEqual({ ok: true, value: { autoLockMinutes: 10 } })
})

test('the settings and audit log screens have no serious accessibility violations', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await unlockAsAdmin(page)

  await openAdminSection(page, 'settings')
  await expect(page.getByTestId('settings-autolock')).toHaveValue('10')
  await expectNoSeriousA11yViolations(page, 'admin settings')
  await page.getByTestId('settings-autolock').fill('500')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('settings-autolock')).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousA11yViolations(page, 'admin settings with an error')

  await openAdminSection(page, 'audit')
  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-verify-result')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'audit log')
})
