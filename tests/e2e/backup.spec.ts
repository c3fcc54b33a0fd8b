import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { CasePage } from '../../main/api/contract'
import { ADMIN, expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, expectUnlockedAs, lock, signIn, unlock } from './support/app'
import { CASEWORKER, createCaseByApi } from './support/cases'

// Backups through the real renderer and the real API over a real encrypted vault: the harness
// answers main's save and open dialogs with a temp folder (support/harness.ts). Each backup,
// check and restore runs age's scrypt for real (about a second each).

const BACKUP_PASSPHRASE = 'quiet walnut ferry orbit 1987 maple'

async function openBackupAsAdmin(page: Page): Promise<void> {
  await signIn(page, ADMIN)
  await page.getByTestId('nav-backup').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible()
}

async function fillBackupPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('backup-passphrase').fill(passphrase)
  await page.getByTestId('backup-passphrase-confirm').fill(passphrase)
}

test('an admin backs up, checks and restores the vault; a case added after the backup is gone', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  // Today says when the last backup was made (here: never), with the way to the Backup screen.
  await page.getByTestId('nav-dashboard').click()
  await expect(page.getByTestId('dashboard-last-backup')).toContainText('No backup yet.')
  await page.getByTestId('dashboard-last-backup').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible()
  await expect(page.getByTestId('backup-status')).toHaveText('No backup yet.')
  await expect(page.getByTestId('backup-overdue')).toBeVisible()
  await expect(page.getByTestId('backup-overdue-banner')).toContainText('never been backed up')
  const kept = await createCaseByApi(harness, {
    intakeDate: '2025-05-06',
    survivor: { prs_FirstName: 'Somchai', prs_SecondName: 'Boonmee' },
    survivorAliases: [],
  })

  // A weak passphrase never reaches main from the form…
  await fillBackupPassphrase(page, 'password1234')
  await expect(page.getByTestId('backup-strength')).toContainText(/Strength [0-2] of 4/)
  await expect(page.getByTestId('backup-create')).toBeDisabled()
  // …and main refuses it anyway when asked directly.
  const weak = await page.evaluate(() => window.casevault.backup.create({ passphrase: 'password1234' }))
  expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } })

  await fillBackupPassphrase(page, BACKUP_PASSPHRASE)
  await expect(page.getByTestId('backup-strength')).toContainText(/Strength [34] of 4/)
  await page.getByTestId('backup-create').click()
  const result = page.getByTestId('backup-result')
  await expect(result).toContainText('The backup was saved to:', { timeout: 30_000 })
  await expect(result).toContainText(harness.savedFilesDir)
  await expect(result.locator('[data-table="cases"] dd')).toHaveText('1')
  await expect(result.locator('[data-table="users"] dd')).toHaveText('1')
  await expect(result.locator('[data-table="audit_log"] dd')).not.toHaveText('0')
  await expect(page.getByTestId('backup-overdue-banner')).toHaveCount(0)
  await expect(page.getByTestId('backup-overdue')).toHaveCount(0)
  await expect(page.getByTestId('backup-status')).toContainText('Last backup:')
  await harness.screenshot('backup')
  await page.getByTestId('nav-dashboard').click()
  await expect(page.getByTestId('dashboard-last-backup')).toContainText('Last backup:')
  await page.getByTestId('nav-backup').click()

  await page.getByTestId('verify-passphrase').fill(BACKUP_PASSPHRASE)
  await page.getByTestId('verify-run').click()
  const check = page.getByTestId('verify-result')
  await expect(check).toContainText('This backup is complete and readable.', { timeout: 30_000 })
  await expect(check).toContainText(`by ${ADMIN.username}`)
  await expect(check.locator('[data-table="cases"] dd')).toHaveText('1')

  const later = await createCaseByApi(harness, {
    intakeDate: '2025-06-01',
    survivor: {},
    survivorAliases: ['Nok'],
  })

  const run = page.getByTestId('restore-run')
  await expect(run).toBeDisabled()
  await page.getByTestId('restore-confirm-word').fill('RESTORE')
  await expect(run).toBeEnabled()
  await page.getByTestId('restore-passphrase').fill(BACKUP_PASSPHRASE)
  await harness.screenshot('backup-restore')

  // A wrong passphrase is refused before anything changes.
  await page.getByTestId('restore-passphrase').fill('not the backup passphrase')
  await run.click()
  await expect(page.getByTestId('restore-error')).toContainText('passphrase is not correct', {
    timeout: 30_000,
  })
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName)

  await page.getByTestId('restore-passphrase').fill(BACKUP_PASSPHRASE)
  await run.click()
  // The case added after the backup is newer work: main says so before anything changes, and
  // keeping this vault is the first choice.
  const newer = page.getByTestId('restore-newer-work')
  await expect(newer).toContainText('work on one case', { timeout: 30_000 })
  await expect(page.locator('#restore-newer-work-heading')).toBeFocused()
  await harness.screenshot('restore-newer-work')
  await expectNoSeriousA11yViolations(page, 'restore over newer work')
  await page.getByTestId('restore-newer-work-replace').click()
  await expect(page.getByTestId('restore-notice')).toContainText(
    /^Restored the backup of .+\. Unlock with the passphrase that was valid then\.$/,
    { timeout: 30_000 },
  )
  await expect(page.getByTestId('unlock-username')).toBeVisible()
  await harness.screenshot('backup-restored')
  // The replaced vault is kept beside the data folder.
  expect(existsSync(harness.dataDir)).toBe(true)

  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
  await expect(page.getByTestId(`case-row-${kept.caseNumber}`)).toBeVisible()
  await expect(page.getByTestId(`case-row-${later.caseNumber}`)).toHaveCount(0)
  const listed = await harness.call<CasePage>('cases:list', {})
  expect(listed).toMatchObject({ ok: true, value: { total: 1 } })

  // What the restore left behind: one copy of the replaced vault, which the admin removes.
  await page.getByTestId('nav-backup').click()
  // The restored vault knows it is its backup's state: no "never backed up" warning.
  await expect(page.getByTestId('backup-status')).toContainText('Last backup:')
  await expect(page.getByTestId('backup-overdue-banner')).toHaveCount(0)
  await expect(page.getByTestId('rollback-list').locator('li')).toHaveCount(1)

  // The restore is undone: the vault it replaced comes back, with the case added after the backup.
  await page.getByTestId('rollback-bring-back').click()
  await expect(page.getByTestId('rollback-bring-back-keep')).toBeFocused()
  await page.getByTestId('rollback-bring-back-confirm').click()
  await expect(page.getByTestId('restore-notice')).toContainText('is back. Unlock with the passphrase')
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
  await expect(page.getByTestId(`case-row-${later.caseNumber}`)).toBeVisible()
  // Now the restored vault is the copy kept beside it; the admin removes it.
  await page.getByTestId('nav-backup').click()
  await expect(page.getByTestId('rollback-list').locator('li')).toHaveCount(1)
  await page.getByTestId('rollback-remove').click()
  await expect(page.getByTestId('rollback-keep')).toBeFocused()
  await harness.screenshot('backup-rollback-copies')
  await page.getByTestId('rollback-confirm').click()
  await expect(page.getByTestId('rollback-none')).toHaveText('The copies were removed.')
})

test('making a backup works with the keyboard; a cancelled save dialog writes nothing', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await openBackupAsAdmin(page)
  await page.getByTestId('backup-protection-passphrase').focus()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('backup-passphrase')).toBeFocused()
  await page.keyboard.type(BACKUP_PASSPHRASE)
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('backup-passphrase-confirm')).toBeFocused()
  await page.keyboard.type(BACKUP_PASSPHRASE)
  await expect(page.getByTestId('backup-create')).toBeEnabled()

  harness.cancelNextDialog()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('backup-result')).toHaveText('No place was chosen, so nothing was written.')
  await expect(page.getByTestId('backup-status')).toHaveText('No backup yet.')

  // Public keys instead: the arrow keys move between the two choices, as in any radio group.
  await page.getByTestId('backup-protection-passphrase').focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('backup-protection-keys')).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('backup-recipients')).toBeFocused()
  await page.keyboard.type('age1notakey')
  await page.getByTestId('backup-create').press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'Line 1 is not an age public key' })).toBeVisible()
})

test('a USB stick pulled out before the backup is written: the screen says so, and no backup counts', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await openBackupAsAdmin(page)
  rmSync(harness.savedFilesDir, { recursive: true }) // the "stick" the save dialog pointed at is gone
  await fillBackupPassphrase(page, BACKUP_PASSPHRASE)
  await expect(page.getByTestId('backup-strength')).toContainText(/Strength [34] of 4/)
  await page.getByTestId('backup-create').click()
  await expect(page.getByTestId('backup-error')).toContainText('the USB stick taken out', { timeout: 30_000 })
  await expect(page.getByTestId('backup-status')).toHaveText('No backup yet.')
  await expect(page.getByTestId('backup-overdue-banner')).toBeVisible()
  await harness.screenshot('backup-drive-gone')
})

test('a caseworker sees when the last backup was made, and main refuses them a backup', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await signIn(page, CASEWORKER)
  // The reminder is for those who can act on it.
  await expect(page.getByTestId('backup-overdue-banner')).toHaveCount(0)
  await expect(page.getByTestId('dashboard-last-backup')).toHaveCount(0)
  await page.getByTestId('nav-backup').click()
  await expect(page.getByTestId('backup-status')).toHaveText('No backup yet.')
  await expect(page.getByTestId('backup-admin-only')).toContainText('Only an administrator')
  await expect(page.getByTestId('backup-create')).toHaveCount(0)
  await expect(page.getByTestId('restore-run')).toHaveCount(0)

  const refused = await page.evaluate(() =>
    window.casevault.backup.create({ passphrase: 'quiet walnut ferry orbit 1987 maple' }),
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const restore = await page.evaluate(() => window.casevault.backup.restore({ passphrase: 'anything' }))
  expect(restore).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('the backup and about screens have no serious accessibility violations', async ({ page, harness }) => {
  await harness.seedVault()
  await openBackupAsAdmin(page)
  await fillBackupPassphrase(page, 'password1234')
  await expect(page.getByTestId('backup-strength')).toContainText(/Strength [0-2] of 4/)
  await expectNoSeriousA11yViolations(page, 'backup')

  await page.getByTestId('nav-about').click()
  await expect(page.getByRole('heading', { level: 1, name: 'About CaseVault' })).toBeVisible()
  await expect(page.getByTestId('about-version')).toHaveText(/^Version \d+\.\d+\.\d+/)
  await expect(page.getByTestId('about-attribution')).toContainText(
    'International Organization for Migration (IOM), licensed under CC BY 4.0',
  )
  await expect(page.getByTestId('about-attribution')).toContainText('IOM does not endorse CaseVault.')
  // Addresses are text: the app opens no links.
  await expect(page.getByTestId('about-attribution').locator('a')).toHaveCount(0)
  await harness.screenshot('about')
  await expectNoSeriousA11yViolations(page, 'about')
})

test('an admin turns on automatic backup; locking writes one to the chosen folder', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await openBackupAsAdmin(page)
  const { generateX25519Identity, identityToRecipient } = await import('age-encryption')
  const recipient = await identityToRecipient(await generateX25519Identity())

  // Turning it on before a folder is chosen is refused in words, not silently.
  await page.getByTestId('backup-auto-enabled').click()
  await page.getByTestId('backup-auto-recipients').fill(recipient)
  await page.getByTestId('backup-auto-save').click()
  await expect(page.getByTestId('backup-auto-error')).toContainText('Choose a folder')

  await page.getByTestId('backup-auto-choose-folder').click()
  const folder = join(harness.savedFilesDir, 'auto-backups')
  await expect(page.getByTestId('backup-auto-folder-path')).toHaveText(folder)
  await page.getByTestId('backup-auto-keep').fill('3')
  await page.getByTestId('backup-auto-save').click()
  await expect(page.getByTestId('backup-auto-saved')).toBeVisible()
  await harness.screenshot('backup-automatic')
  await expectNoSeriousA11yViolations(page, 'automatic backup settings')

  await lock(page)
  await expect.poll(() => readdirSync(folder).filter((name) => name.endsWith('.cvbackup')).length).toBe(1)

  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await page.getByTestId('nav-backup').click()
  await expect(page.getByTestId('backup-auto-last')).toContainText('Last automatic backup')
  await expect(page.getByTestId('backup-status')).not.toHaveText('No backup yet.')

  // The stick is pulled out: the next automatic backup fails as the vault locks, with nobody at
  // the screen. After unlocking, every screen says so until a backup succeeds again.
  rmSync(folder, { recursive: true })
  await lock(page)
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expect(page.getByTestId('backup-banner-auto-failed')).toContainText('the folder was not found')
  await expect(page.getByTestId('backup-banner-overdue')).toHaveCount(0)
  await harness.screenshot('backup-auto-failed-banner')
  await page.getByTestId('backup-overdue-link').click()
  await expect(page.getByTestId('backup-auto-last')).toContainText('the folder was not found')
})
