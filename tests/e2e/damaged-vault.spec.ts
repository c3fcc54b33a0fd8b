import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { CasePage } from '../../main/api/contract'
import { flipByte } from '../unit/support/flip-byte'
import { ADMIN, expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, expectUnlockedAs, signIn, unlock } from './support/app'
import { createCaseByApi } from './support/cases'

// Two ways back that need no command line (session 21): the database of the vault is damaged, and
// the recovery key shown at setup was never confirmed before the vault locked.

const BACKUP_PASSPHRASE = 'quiet walnut ferry orbit 1987 maple'

test('a damaged database: the unlock screen restores the latest backup over it, and the case is back', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  const made = await createCaseByApi(harness, {
    intakeDate: '2025-05-06',
    survivor: { prs_FirstName: 'Somchai', prs_SecondName: 'Boonmee' },
    survivorAliases: [],
  })
  expect(await harness.call('backup:create', { passphrase: BACKUP_PASSPHRASE })).toMatchObject({ ok: true })
  harness.lockFromMain('user')

  // A bad sector in the database file.
  const dbFile = join(harness.dataDir, 'casevault.db')
  flipByte(dbFile, 4096 * (statSync(dbFile).size / 4096 - 2) + 100)
  await page.goto('/')
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expect(page.getByTestId('unlock-error')).toContainText('damaged')
  await expect(page.getByTestId('damaged-restore-open')).toBeVisible()
  await harness.screenshot('unlock-damaged')

  await page.getByTestId('damaged-restore-open').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Restore the latest backup' })).toBeFocused()
  await page.getByTestId('damaged-restore-passphrase').fill(BACKUP_PASSPHRASE)
  await harness.screenshot('damaged-restore')
  await expectNoSeriousA11yViolations(page, 'restore over a damaged vault')
  await page.getByTestId('damaged-restore-run').click()
  await expect(page.getByTestId('restore-notice')).toContainText(/^Restored the backup of .+\./, {
    timeout: 30_000,
  })
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expectUnlockedAs(page, ADMIN.displayName)
  await expect(page.getByTestId(`case-row-${made.caseNumber}`)).toBeVisible()
  const listed = await harness.call<CasePage>('cases:list', {})
  expect(listed).toMatchObject({ ok: true, value: { total: 1 } })
})

test('a recovery key not confirmed before a lock is shown again after the next unlock', async ({
  page,
  harness,
}) => {
  // Set up as the setup screen does, and locked before the key's last group was typed back.
  const created = await harness.call<{ recoveryKey: string }>('vault:create', ADMIN)
  if (!created.ok) throw new Error(created.error.code)
  harness.lockFromMain('screen-lock')
  await page.goto('/')
  await unlock(page, ADMIN.username, ADMIN.passphrase)
  await expect(page.getByTestId('recovery-key')).toHaveText(created.value.recoveryKey)
  await expect(page.getByTestId('recovery-key-again-intro')).toBeVisible()
  await harness.screenshot('recovery-key-again')
  await expectNoSeriousA11yViolations(page, 'the recovery key shown again')
  await page.getByTestId('recovery-confirm-input').fill(created.value.recoveryKey.slice(-4))
  await page.getByTestId('recovery-confirm-submit').click()
  await expectUnlockedAs(page, ADMIN.displayName)
})
