// Restoring a backup of another vault: found by trying the Backup screen as a shelter manager with
// a USB stick of several organisations' backups (same backup passphrase). It was restored without
// a word, and afterwards nobody of this vault could unlock. Now main refuses it and says whose it
// is; only a second, explicit choice restores it.
import { mkdtempSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from '@playwright/test'
import type { createApiHost } from '../../main/api/host'
import { ADMIN, CHEAP_KDF, expect, test } from './support/harness'
import { signIn } from './support/app'

const BACKUP_PASSPHRASE = 'quiet walnut ferry orbit 1987 maple'

/** A backup of another vault (Riverside Shelter), made by a second API host from the same build. */
async function otherVaultBackup(): Promise<string> {
  const built = resolve(import.meta.dirname, '../../out/main/host.js')
  const { createApiHost: make } = (await import(pathToFileURL(built).href)) as {
    createApiHost: typeof createApiHost
  }
  const folder = mkdtempSync(join(tmpdir(), 'casevault-e2e-other-'))
  const file = join(folder, 'riverside.cvbackup')
  const none = () => Promise.resolve(null)
  const other = make({
    dataDir: join(folder, 'data'),
    kdf: CHEAP_KDF,
    allowKdfBelowFloor: true,
    files: {
      chooseSaveLocation: () => Promise.resolve(file),
      write: async () => {},
      chooseBackupFile: none,
      chooseFolder: none,
    },
  })
  expect(
    (await other.dispatch('vault:create', { ...ADMIN, organisation: 'Riverside Shelter', username: 'rita' }))
      .ok,
  ).toBe(true)
  expect((await other.dispatch('backup:create', { passphrase: BACKUP_PASSPHRASE })).ok).toBe(true)
  other.dispose()
  return file
}

async function startRestore(page: Page): Promise<void> {
  await page.getByTestId('restore-confirm-word').fill('RESTORE')
  await page.getByTestId('restore-passphrase').fill(BACKUP_PASSPHRASE)
  await page.getByTestId('restore-run').click()
}

test('a backup of another vault is not restored unasked: whose it is is shown, and keeping this vault is the default', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  await page.getByTestId('nav-backup').click()
  // Our own backup first (the harness's open dialog then offers that file), then that file is
  // replaced on the "stick" by the other shelter's backup.
  await page.getByTestId('backup-passphrase').fill(BACKUP_PASSPHRASE)
  await page.getByTestId('backup-passphrase-confirm').fill(BACKUP_PASSPHRASE)
  await page.getByTestId('backup-create').click()
  const ours = page.getByTestId('backup-result')
  await expect(ours).toContainText('The backup was saved to:', { timeout: 30_000 })
  const path = (await ours.innerText()).match(/\/\S+\.cvbackup/)![0]
  renameSync(await otherVaultBackup(), path)

  await startRestore(page)
  const warning = page.getByTestId('restore-other-vault')
  await expect(warning).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('restore-other-vault-details')).toContainText(
    'Organisation: Riverside Shelter.',
  )
  await expect(page.locator('#restore-other-vault-heading')).toBeFocused()
  await harness.screenshot('restore-other-vault')
  // Keeping this vault: the warning goes, the vault is as it was and still open.
  await page.getByTestId('restore-other-vault-keep').click()
  await expect(warning).toHaveCount(0)
  expect(await harness.call('vault:status')).toMatchObject({ ok: true, value: { state: 'unlocked' } })

  // Asked again and confirmed, that vault replaces this one.
  await startRestore(page)
  await expect(warning).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('restore-other-vault-replace').click()
  await expect(page.getByTestId('unlock-username')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('Riverside Shelter').first()).toBeVisible()
})
