import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, restoreOverNewerWork } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import type { BackupCheck, BackupResult, BackupStatus, CasePage, VaultStatus } from '../../main/api/contract'

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

describe('backup through the API (age defaults)', () => {
  it('backs up to the file the admin picked, clears the overdue warning, verifies, and restores', async () => {
    const { host } = await staffedHost('amara')
    await createCase(host)
    expect(await call<BackupStatus>(host, 'backup:status')).toMatchObject({
      lastBackupAt: null,
      overdue: true,
      warnAfterDays: 7,
    })
    expect(await errorCode(host, 'backup:create', { passphrase: 'password1234' })).toBe('WEAK_PASSPHRASE')

    const made = await call<BackupResult>(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    expect(made.file).toMatch(/CaseVault-Safe-Harbour-Shelter-\d{4}-\d{2}-\d{2}-\d{4}\.cvbackup$/)
    expect(made.counts).toMatchObject({ cases: 1, users: 5, referrals: 0, assessments: 0 })
    expect(await call<BackupStatus>(host, 'backup:status')).toMatchObject({ overdue: false })

    const checked = await call<BackupCheck>(host, 'backup:verify', { passphrase: BACKUP_PASSPHRASE })
    expect(checked).toMatchObject({ file: made.file, counts: { cases: 1 }, createdBy: 'amara' })

    await createCase(host)
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(2)
    const restored = await restoreOverNewerWork<BackupCheck>(host, { passphrase: BACKUP_PASSPHRASE })
    expect(restored.counts.cases).toBe(1)
    expect((await call<VaultStatus>(host, 'vault:status')).state).toBe('locked')
    await call(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
  })

  it('does nothing when the admin cancels the dialog, and is admin-only', async () => {
    const { host, files } = await staffedHost('amara')
    files.cancelNextSave()
    expect(await call<BackupResult>(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })).toEqual({
      file: null,
      counts: {},
      sameDriveAsVault: false,
    })
    expect(await call<BackupStatus>(host, 'backup:status')).toMatchObject({ overdue: true })
    await signInAs(host, 'dana')
    expect(await errorCode(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE })).toBe('FORBIDDEN')
    expect((await call<BackupStatus>(host, 'backup:status')).overdue).toBe(true)
  })

  it('refuses malformed keys and mixed protection', async () => {
    const { host } = await staffedHost('amara')
    expect(await errorCode(host, 'backup:create', { recipients: ['ssh-rsa AAAA'] })).toBe('VALIDATION')
    expect(await errorCode(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE, recipients: [] })).toBe(
      'VALIDATION',
    )
    expect(await errorCode(host, 'backup:verify', { identity: 'AGE-SECRET-KEY-1short' })).toBe('VALIDATION')
  })
})
