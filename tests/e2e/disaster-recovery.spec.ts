import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { rollbackFolderFor } from '../../main/core/backup/rollback-copies'
import { restoreStagingFolder } from '../../main/core/backup/scratch-folder'
import { writeSwapJournal } from '../../main/core/backup/swap-journal'
import type { CasePage } from '../../main/api/contract'
import { ADMIN, expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, expectUnlockedAs, signIn, unlock } from './support/app'
import { createCaseByApi } from './support/cases'

// The "done when": back up to a USB folder, lose the data folder (stolen or dead PC),
// restore on the new computer's first-run screen, and find every record. The harness's saved-files
// folder plays the USB stick; the data folder is deleted for real.

const BACKUP_PASSPHRASE = 'quiet walnut ferry orbit 1987 maple'

test('the data folder is lost; the setup screen restores the backup and every case is back', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  const cases = [
    await createCaseByApi(harness, {
      intakeDate: '2025-05-06',
      survivor: { prs_FirstName: 'Somchai', prs_SecondName: 'Boonmee' },
      survivorAliases: [],
    }),
    await createCaseByApi(harness, { intakeDate: '2025-06-01', survivor: {}, survivorAliases: ['Nok'] }),
  ]

  // The backup, to the "USB stick", by keyboard-free clicks (backup.spec.ts covers the keyboard).
  await page.getByTestId('nav-backup').click()
  await page.getByTestId('backup-passphrase').fill(BACKUP_PASSPHRASE)
  await page.getByTestId('backup-passphrase-confirm').fill(BACKUP_PASSPHRASE)
  await page.getByTestId('backup-create').click()
  await expect(page.getByTestId('backup-result')).toContainText('The backup was saved to:', {
    timeout: 30_000,
  })
  expect(readdirSync(harness.savedFilesDir).filter((name) => name.endsWith('.cvbackup'))).toHaveLength(1)

  // The computer is gone: nothing is left of the data folder.
  harness.lockFromMain('user')
  rmSync(harness.dataDir, { recursive: true, force: true })
  await page.goto('/')
  await expect(page.getByTestId('first-restore-open')).toBeVisible()

  // The new computer's first screen offers the way back, by keyboard.
  await page.getByTestId('first-restore-open').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Restore from a backup' })).toBeFocused()
  await page.getByTestId('first-restore-passphrase').fill('not the backup passphrase')
  await page.getByTestId('first-restore-run').click()
  await expect(page.getByTestId('first-restore-error')).toContainText('passphrase is not correct', {
    timeout: 30_000,
  })
  expect(await harness.call('vault:status')).toMatchObject({ ok: true, value: { state: 'absent' } })

  await page.getByTestId('first-restore-passphrase').fill(BACKUP_PASSPHRASE)
  await harness.screenshot('first-restore')
  await expectNoSeriousA11yViolations(page, 'restore from a backup on the setup screen')
  await page.getByTestId('first-restore-run').click()
  await expect(page.getByTestId('restore-notice')).toContainText(
    /^Restored the backup of .+\. Unlock with the passphrase that was valid then\.$/,
    { timeout: 30_000 },
  )
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
  for (const one of cases) await expect(page.getByTestId(`case-row-${one.caseNumber}`)).toBeVisible()
  const listed = await harness.call<CasePage>('cases:list', {})
  expect(listed).toMatchObject({ ok: true, value: { total: 2 } })
})

test('a restore cut short by a power cut: the setup screen says so, and Try again finishes it', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  const kept = await createCaseByApi(harness, {
    intakeDate: '2025-07-01',
    survivor: {},
    survivorAliases: ['Mai'],
  })
  harness.lockFromMain('user')

  // What the power leaves between a restore's two renames (the restored vault staged, the live one
  // moved aside), with a file another program left in the re-created data folder, so the start
  // cannot finish the swap (as when a virus scanner holds the vault's files).
  const now = new Date()
  const incoming = join(restoreStagingFolder(harness.dataDir, now), 'vault')
  cpSync(harness.dataDir, incoming, { recursive: true })
  const movedAside = rollbackFolderFor(harness.dataDir, now)
  writeSwapJournal(harness.dataDir, incoming, movedAside)
  renameSync(harness.dataDir, movedAside)
  mkdirSync(harness.dataDir)
  writeFileSync(join(harness.dataDir, 'desktop.ini'), '')

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'A restore was cut short' })).toBeVisible()
  await expect(page.getByTestId('restore-unfinished')).toContainText('Nothing is lost')
  await expect(page.getByTestId('first-restore-open')).toHaveCount(0)
  await harness.screenshot('restore-unfinished')
  await expectNoSeriousA11yViolations(page, 'a restore cut short, on the setup screen')

  // The other program lets go; Try again, by keyboard.
  rmSync(join(harness.dataDir, 'desktop.ini'))
  await page.getByTestId('restore-unfinished-retry').focus()
  await page.keyboard.press('Enter')
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
  await expect(page.getByTestId(`case-row-${kept.caseNumber}`)).toBeVisible()
})
