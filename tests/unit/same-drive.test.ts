// A backup on the vault's own drive does not survive a broken, stolen or seized computer: main
// tells the Backup screen so, for a backup made by hand and for the automatic-backup folder.
import { describe, expect, it } from 'vitest'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { fileOnSameDrive, onSameDrive } from '../../main/core/backup/same-drive'
import { call, tempDir } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import type { AutoBackupStatus, BackupResult } from '../../main/api/contract'

// /dev/shm is memory (tmpfs) on Linux: a different file system from the temp folder's disk here.
const otherDrive = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev

describe('same drive as the vault', () => {
  it('compares the drives (device numbers) of two folders; a folder that is gone is not the same drive', () => {
    const vault = tempDir()
    expect(onSameDrive(tempDir(), vault)).toBe(true)
    expect(fileOnSameDrive(join(tempDir(), 'b.cvbackup'), vault)).toBe(true)
    expect(onSameDrive(join(vault, 'no-such-folder'), vault)).toBe(false)
  })

  it.skipIf(!otherDrive)('tells another file system apart (here: /dev/shm against the temp folder)', () => {
    expect(onSameDrive('/dev/shm', tempDir())).toBe(false)
  })

  it('is in the backup result and in the automatic-backup status', async () => {
    // The test host's "save dialog" picks a temp folder, on the same drive as the test vault.
    const { host } = await staffedHost('amara')
    const made = await call<BackupResult>(host, 'backup:create', {
      passphrase: 'velvet compass hums over eleven salt marshes',
    })
    expect(made.sameDriveAsVault).toBe(true)
    expect((await call<AutoBackupStatus>(host, 'backup:autoStatus')).sameDriveAsVault).toBeNull()
    const chosen = await call<AutoBackupStatus>(host, 'backup:chooseAutoFolder')
    expect(chosen.folder).not.toBeNull()
    expect(chosen.sameDriveAsVault).toBe(true)
    expect((await call<AutoBackupStatus>(host, 'backup:autoStatus')).sameDriveAsVault).toBe(true)
  })
})
