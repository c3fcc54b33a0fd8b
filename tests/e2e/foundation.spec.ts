import type { Page } from '@playwright/test'
import { ADMIN, expect, test } from './support/harness'
import {
  expectNoSeriousA11yViolations,
  expectUnlockedAs,
  expectUnlockRefused,
  lock,
  signIn,
  unlock,
} from './support/app'

// The foundation flows, through the real renderer and the real API over a real encrypted vault.
// Only the IPC transport is swapped (see support/harness.ts).

const CASEWORKER = {
  username: 'kofi.caseworker',
  displayName: 'Kofi Mensah',
  role: 'caseworker',
  passphrase: 'copper kettle meadow 17',
}
const RECOVERY_KEY_FORMAT = /^(?:[0-9a-f]{4}-){16}[0-9a-f]{4}$/

/** A native <select> or a PrimeVue Select: either way pick the option by its value or label. */
async function chooseRole(page: Page, role: string): Promise<void> {
  const field = page.getByTestId('user-role')
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') {
    await field.selectOption(role)
    return
  }
  await field.click()
  await page.getByRole('option', { name: new RegExp(role, 'i') }).click()
}

test('first run: setup, recovery key, lock and unlock, a caseworker who cannot reach Admin', async ({
  page,
  harness,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('setup-organisation')).toBeVisible()
  await harness.screenshot('setup')

  await page.getByTestId('setup-organisation').fill(ADMIN.organisation)
  await page.getByTestId('setup-username').fill(ADMIN.username)
  await page.getByTestId('setup-display-name').fill(ADMIN.displayName)
  await page.getByTestId('setup-passphrase').fill(ADMIN.passphrase)
  await page.getByTestId('setup-passphrase-confirm').fill(ADMIN.passphrase)
  await page.getByTestId('setup-submit').click()

  const recoveryKey = page.getByTestId('recovery-key')
  await expect(recoveryKey).toHaveText(RECOVERY_KEY_FORMAT)
  await harness.screenshot('recovery-key')
  // Printing shows the key (the print sheet is the only thing left visible on paper).
  await page.emulateMedia({ media: 'print' })
  await expect(recoveryKey).toBeVisible()
  await expect(page.getByTestId('recovery-print')).toBeHidden()
  await page.emulateMedia({ media: 'screen' })
  const lastGroup = (await recoveryKey.textContent())!.trim().split('-').at(-1)!
  await expect(page.getByTestId('recovery-confirm-submit')).toBeDisabled()
  await page.getByTestId('recovery-confirm-input').fill(lastGroup)
  await page.getByTestId('recovery-confirm-submit').click()

  await expectUnlockedAs(page, ADMIN.displayName)
  await harness.screenshot('frame')

  await lock(page)
  await harness.screenshot('unlock')

  await expectUnlockRefused(page, ADMIN.username, 'not the passphrase at all')
  await expect(page.getByTestId('unlock-error')).toContainText(/passphrase/i)
  await harness.screenshot('unlock-error')
  // The failed attempt leaves the vault usable: the right passphrase still opens it.
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expectUnlockedAs(page, ADMIN.displayName)

  await page.getByTestId('nav-admin').click()
  await expect(page.getByTestId('users-table')).toBeVisible()
  await harness.screenshot('admin-users')
  await page.getByTestId('add-user-button').click()
  await page.getByTestId('user-username').fill(CASEWORKER.username)
  await page.getByTestId('user-display-name').fill(CASEWORKER.displayName)
  await chooseRole(page, CASEWORKER.role)
  await page.getByTestId('user-passphrase').fill(CASEWORKER.passphrase)
  await page.getByTestId('user-passphrase-confirm').fill(CASEWORKER.passphrase)
  await harness.screenshot('add-user-dialog')
  await page.getByTestId('user-submit').click()
  await expect(page.getByTestId('users-table')).toContainText(CASEWORKER.username)

  await lock(page)
  await unlock(page, CASEWORKER.username, CASEWORKER.passphrase)
  await expectUnlockedAs(page, CASEWORKER.displayName)
  await expect(page.getByTestId('nav-cases')).toBeVisible()
  await expect(page.getByTestId('nav-admin')).toHaveCount(0)

  // Typing the address by hand does not get past the role check in the UI…
  await page.evaluate(() => {
    window.location.hash = '#/app/admin/users'
  })
  await expect(page.getByTestId('not-allowed')).toBeVisible()
  await expect(page.getByTestId('users-table')).toHaveCount(0)
  await harness.screenshot('not-allowed')

  // …and the API refuses on its own, whatever the UI shows.
  const listed = await page.evaluate(() => window.casevault.users.list())
  expect(listed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('a forgotten passphrase is replaced with the recovery key; the old one stops working', async ({
  page,
  harness,
}) => {
  const recoveryKey = await harness.seedVault()
  const newPassphrase = 'harbour lights at dawn 9'
  await page.goto('/')
  await page.getByTestId('unlock-recovery-link').click()

  // A key with one wrong digit is refused with a message, not a crash.
  const wrongKey = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'))
  await page.getByTestId('recovery-key-input').fill(wrongKey)
  await page.getByTestId('recovery-username').fill(ADMIN.username)
  await page.getByTestId('recovery-new-passphrase').fill(newPassphrase)
  await page.getByTestId('recovery-new-passphrase-confirm').fill(newPassphrase)
  await page.getByTestId('recovery-submit').click()
  await expect(page.getByTestId('recovery-error')).toBeVisible()
  await harness.screenshot('recovery-unlock-error')

  await page.getByTestId('recovery-key-input').fill(recoveryKey)
  await page.getByTestId('recovery-new-passphrase').fill(newPassphrase)
  await page.getByTestId('recovery-new-passphrase-confirm').fill(newPassphrase)
  await page.getByTestId('recovery-submit').click()
  await expectUnlockedAs(page, ADMIN.displayName)

  await lock(page)
  await expectUnlockRefused(page, ADMIN.username, ADMIN.passphrase)
  await unlock(page, ADMIN.username, newPassphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
})

test('a user changes their own passphrase', async ({ page, harness }) => {
  await harness.seedVault()
  const newPassphrase = 'quiet valley stone 2024'
  await signIn(page, ADMIN)

  await page.getByTestId('nav-change-passphrase').click()
  await page.getByTestId('current-passphrase').fill(ADMIN.passphrase)
  await page.getByTestId('new-passphrase').fill(newPassphrase)
  await page.getByTestId('new-passphrase-confirm').fill(newPassphrase)
  await harness.screenshot('change-passphrase')
  await page.getByTestId('change-passphrase-submit').click()
  await expect(page.getByTestId('change-passphrase-done')).toBeVisible()

  await lock(page)
  await expectUnlockRefused(page, ADMIN.username, ADMIN.passphrase)
  await unlock(page, ADMIN.username, newPassphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
})

test('a lock from main (idle) sends the open app back to the unlock screen', async ({ page, harness }) => {
  await harness.seedVault()
  await signIn(page, ADMIN)

  harness.lockFromMain('idle')
  await expect(page.getByTestId('unlock-username')).toBeVisible()
  await expect(page.getByTestId('current-user')).toHaveCount(0)
  await expect(page.getByTestId('lock-notice')).toBeVisible()
  // The session really is gone in main, not only hidden in the page.
  expect(await page.evaluate(() => window.casevault.vault.status())).toMatchObject({
    ok: true,
    value: { state: 'locked', user: null },
  })
})

test('setup, unlock, the app frame and Admin have no serious accessibility violations', async ({
  page,
  harness,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('setup-organisation')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'setup')

  await harness.seedVault()
  await page.reload()
  await expect(page.getByTestId('unlock-username')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'unlock')

  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
  await expectNoSeriousA11yViolations(page, 'app frame')

  await page.getByTestId('nav-admin').click()
  await expect(page.getByTestId('users-table')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'admin users')

  await page.getByTestId('add-user-button').click()
  await expect(page.getByTestId('user-username')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'add user dialog')
})

test('unlock works with the keyboard alone', async ({ page, harness }) => {
  await harness.seedVault()
  await page.goto('/')
  await expect(page.getByTestId('unlock-username')).toBeVisible()

  // Tab until the username field has focus (the view autofocuses it, so usually no Tab is needed).
  const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
  for (let presses = 0; (await focusedTestId()) !== 'unlock-username'; presses++) {
    expect(presses, 'the username field is reachable with Tab').toBeLessThan(15)
    await page.keyboard.press('Tab')
  }
  await page.keyboard.type(ADMIN.username)
  await page.keyboard.press('Tab')
  expect(await focusedTestId()).toBe('unlock-passphrase')
  await page.keyboard.type(ADMIN.passphrase)
  await page.keyboard.press('Enter')
  await expectUnlockedAs(page, ADMIN.displayName)
})
