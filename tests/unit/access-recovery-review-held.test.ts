// Checks of getting in and getting back that held when a reviewing helper tried them (kept as
// regression tests): passphrase change and the recovery key, passphrases after a restore.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import {
  ADMIN,
  call,
  errorCode,
  folderFileAccess,
  restoreOverNewerWork,
  tempDir,
  testHost,
} from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import type { AuditEntry, BackupResult, CreatedVault } from '../../main/api/contract'

const BACKUP_PASS = 'quiet walnut ferry orbit 1987 maple'
const NEW_PASS = 'granite harbour sparrow 42 tulip'

describe('getting in after a passphrase change', () => {
  it('the recovery key still opens the vault after the passphrase was changed, and the old passphrase does not', async () => {
    const { host } = testHost()
    const { recoveryKey } = await call<CreatedVault>(host, 'vault:create', ADMIN)
    await call(host, 'vault:changePassphrase', { currentPassphrase: ADMIN.passphrase, newPassphrase: NEW_PASS })
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: NEW_PASS })).toBe('OK')
    await call(host, 'vault:lock')
    // Typed from paper: upper case, spaces for dashes, stray spaces around.
    const typed = `  ${recoveryKey.toUpperCase().replaceAll('-', ' ')}  `
    expect(
      await errorCode(host, 'vault:unlockWithRecoveryKey', {
        recoveryKey: typed,
        username: ADMIN.username,
        newPassphrase: 'copper lantern meadow 7 violin',
      }),
    ).toBe('OK')
  })
})

describe('getting in after a restore from the Backup screen', () => {
  it('the passphrase valid at backup time unlocks, a later one does not, and the unlock records the restore', async () => {
    const usb = tempDir()
    const access = folderFileAccess(usb)
    const { host } = testHost(join(tempDir(), 'data'), access)
    await call(host, 'vault:create', ADMIN)
    await call(host, 'cases:create', survivorCase())
    const made = await call<BackupResult>(host, 'backup:create', { passphrase: BACKUP_PASS })
    access.files.chooseBackupFile = async () => made.file
    await call(host, 'vault:changePassphrase', { currentPassphrase: ADMIN.passphrase, newPassphrase: NEW_PASS })
    // The passphrase changed since counts as newer work: main asks first, then restores.
    await restoreOverNewerWork(host, { passphrase: BACKUP_PASS })
    expect(await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: NEW_PASS })).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toBe(
      'OK',
    )
    const audit = await call<AuditEntry[]>(host, 'audit:list', {})
    expect(JSON.stringify(audit)).toContain('backup.restored_here')
    const copies = await call<unknown[]>(host, 'backup:rollbackCopies')
    expect(copies).toHaveLength(1)
  })
})
