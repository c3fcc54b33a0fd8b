// A vault whose database is damaged could not be restored from the app: unlocking said "restore
// the latest backup", the Backup screen needed a session and the first-run restore refused a
// folder holding a vault (a helper's hunt, session 21; failed before). Now the person whose
// passphrase just opened their key slot may restore over it; nobody else may.
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { flipByte } from './support/flip-byte'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import type { BackupCheck, BackupResult, VaultStatus } from '../../main/api/contract'

const BACKUP_PASS = 'quiet walnut ferry orbit 1987 maple'

async function officeWithDamagedDatabase() {
  const usb = tempDir()
  const access = folderFileAccess(usb)
  const dataDir = join(tempDir(), 'data')
  const office = testHost(dataDir, access)
  await call(office.host, 'vault:create', ADMIN)
  await call(office.host, 'cases:create', survivorCase())
  const made = await call<BackupResult>(office.host, 'backup:create', { passphrase: BACKUP_PASS })
  access.files.chooseBackupFile = async () => made.file
  await call(office.host, 'vault:lock')
  const dbFile = join(dataDir, 'casevault.db')
  const pages = statSync(dbFile).size / 4096
  flipByte(dbFile, 4096 * (pages - 2) + 100)
  return { ...office, dataDir }
}

describe('a vault whose database is damaged', () => {
  it('is replaced by its backup from the unlock screen once the passphrase has proven who asks', async () => {
    const office = await officeWithDamagedDatabase()
    expect(
      await errorCode(office.host, 'vault:unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      }),
    ).toBe('DB_CORRUPT')
    const restored = await call<BackupCheck>(office.host, 'backup:restoreDamaged', {
      passphrase: BACKUP_PASS,
    })
    expect(restored.counts.cases).toBe(1)
    // The damaged vault is kept aside, and the restored one opens with the passphrase of the backup.
    const status = await call<VaultStatus>(office.host, 'vault:unlock', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    })
    expect(status.state).toBe('unlocked')
    const list = await call<{ total: number }>(office.host, 'cases:list', {})
    expect(list.total).toBe(1)
    const copies = await call<unknown[]>(office.host, 'backup:rollbackCopies')
    expect(copies.length).toBe(1)
  })

  it('is not replaced by someone who has not given a passphrase that opens it', async () => {
    const office = await officeWithDamagedDatabase()
    // A wrong passphrase proves nothing.
    expect(
      await errorCode(office.host, 'vault:unlock', {
        username: ADMIN.username,
        passphrase: 'not the passphrase',
      }),
    ).toBe('WRONG_PASSPHRASE')
    expect(await errorCode(office.host, 'backup:restoreDamaged', { passphrase: BACKUP_PASS })).toBe(
      'FORBIDDEN',
    )
    const dataEntries = readdirSync(office.dataDir)
    expect(dataEntries).toContain('casevault.db')
    expect(existsSync(join(office.dataDir, 'vault.json'))).toBe(true)
  })
})
