import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { CASEWORKER, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { autoBackupFileName, rotateAutoBackups } from '../../main/core/backup/auto-backup'
import { readHeader } from '../../main/core/vault/vault-header'
import type { AuditEntry, AutoBackupStatus, BackupStatus } from '../../main/api/contract'

async function keyPair() {
  const identity = await generateX25519Identity()
  return { identity, recipient: await identityToRecipient(identity) }
}

async function vaultWithAutoBackup(keep = 10) {
  const folder = tempDir()
  const access = folderFileAccess(folder)
  const dataDir = tempDir()
  const { host } = testHost(dataDir, access)
  await call(host, 'vault:create', ADMIN)
  await call(host, 'cases:create', survivorCase())
  const { identity, recipient } = await keyPair()
  await call(host, 'backup:chooseAutoFolder')
  await call(host, 'backup:updateAuto', { enabled: true, recipients: [recipient], keep })
  return { host, folder, identity, dataDir }
}

/** The vault a rotation test stands for, and another vault of the same organisation. */
const OURS = { organisation: 'Safe Harbour Shelter', vaultId: '5b0c9d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' }
const OUR_OTHER_VAULT = { ...OURS, vaultId: '0e9d8c7b-6a5f-4e4d-8c3b-2a1f0e9d8c7b' }

const backupsIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.cvbackup'))

describe('automatic backup on lock', () => {
  it('writes a backup to the chosen folder when the user locks, readable with the private key', async () => {
    const { host, folder, identity } = await vaultWithAutoBackup()
    await call(host, 'vault:lock')
    const files = backupsIn(folder)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(
      /^CaseVault-Safe-Harbour-Shelter-auto-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-\d{6}\.cvbackup$/,
    )
    const { counts } = await verifyBackup(join(folder, files[0]!), { identity })
    expect(counts.cases).toBe(1)

    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const status = await call<AutoBackupStatus>(host, 'backup:autoStatus')
    expect(status).toMatchObject({ enabled: true, folder, keep: 10, lastFailure: null })
    expect(status.lastRunAt).not.toBeNull()
    const entries = await call<AuditEntry[]>(host, 'audit:list', { limit: 20 })
    expect(entries.map((entry) => entry.action)).toContain('backup.auto_created')
    // The last-backup date the dashboard warns about counts automatic backups too.
    expect((await call<{ overdue: boolean }>(host, 'backup:status')).overdue).toBe(false)
  })

  it('makes no backup on suspend or screen lock (those must lock at once) nor when disabled', async () => {
    const { host, folder } = await vaultWithAutoBackup()
    host.lock('suspend')
    expect(backupsIn(folder)).toHaveLength(0)
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const { recipients } = await call<AutoBackupStatus>(host, 'backup:autoStatus')
    await call(host, 'backup:updateAuto', { enabled: false, recipients, keep: 10 })
    await call(host, 'vault:lock')
    expect(backupsIn(folder)).toHaveLength(0)
  })

  it('backs up on quit and on idle lock', async () => {
    const { host, folder } = await vaultWithAutoBackup()
    await host.shutdown()
    expect(backupsIn(folder)).toHaveLength(1)
    expect((await call<{ state: string }>(host, 'vault:status')).state).toBe('locked')
    rmSync(join(folder, backupsIn(folder)[0]!))
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    await host.checkIdle(60 * 60)
    expect(backupsIn(folder)).toHaveLength(1)
    expect((await call<{ state: string }>(host, 'vault:status')).state).toBe('locked')
  })

  it('still locks when the folder is gone, and says why the backup failed', async () => {
    const { host, folder } = await vaultWithAutoBackup()
    rmSync(folder, { recursive: true })
    await call(host, 'vault:lock')
    expect((await call<{ state: string }>(host, 'vault:status')).state).toBe('locked')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect((await call<AutoBackupStatus>(host, 'backup:autoStatus')).lastFailure).toBe('folder_missing')
    const entries = await call<AuditEntry[]>(host, 'audit:list', { limit: 20 })
    expect(entries.map((entry) => entry.action)).toContain('backup.auto_failed')
  })

  it('tells every screen a failed automatic backup until a backup succeeds again', async () => {
    const { host, folder } = await vaultWithAutoBackup()
    rmSync(folder, { recursive: true })
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const { lastRunAt } = await call<AutoBackupStatus>(host, 'backup:autoStatus')
    expect((await call<BackupStatus>(host, 'backup:status')).failedAutoBackup).toEqual({
      at: lastRunAt,
      failure: 'folder_missing',
    })
    // A backup by hand makes the vault safe again: the banner goes, the Backup screen still says why.
    mkdirSync(folder) // the stick is back
    await call(host, 'backup:create', { passphrase: 'velvet compass hums over eleven salt marshes' })
    expect((await call<BackupStatus>(host, 'backup:status')).failedAutoBackup).toBeNull()
    expect((await call<AutoBackupStatus>(host, 'backup:autoStatus')).lastFailure).toBe('folder_missing')
  })

  it('keeps only the newest K automatic backups and never touches other files', async () => {
    const folder = tempDir()
    const names = [0, 1, 2, 3].map((minute) => autoBackupFileName(OURS, new Date(2026, 10, 27, 9, minute, 5)))
    const others = [
      'CaseVault-Safe-Harbour-Shelter-2026-11-27-0900.cvbackup', // made by hand
      autoBackupFileName({ ...OURS, organisation: 'Other Org' }, new Date(2026, 10, 27, 8, 0, 0)),
      autoBackupFileName(OUR_OTHER_VAULT, new Date(2026, 10, 27, 8, 0, 0)),
      'notes.txt',
    ]
    for (const name of [...names, ...others]) writeFileSync(join(folder, name), 'x')
    const removed = await rotateAutoBackups(folder, OURS, 2)
    expect(removed.sort()).toEqual(names.slice(0, 2).sort())
    expect(readdirSync(folder).sort()).toEqual([...names.slice(2), ...others].sort())
  })

  it('keeps the newest by when it was written, also where the clock went back an hour (autumn)', async () => {
    const folder = tempDir()
    // 01:30 summer time, then 40 minutes later 01:10 winter time: the newer name sorts first.
    const older = autoBackupFileName(OURS, new Date(2026, 9, 25, 1, 30, 0))
    const newer = autoBackupFileName(OURS, new Date(2026, 9, 25, 1, 10, 0))
    writeFileSync(join(folder, older), 'x')
    writeFileSync(join(folder, newer), 'x')
    utimesSync(join(folder, older), new Date('2026-10-24T23:30:00Z'), new Date('2026-10-24T23:30:00Z'))
    utimesSync(join(folder, newer), new Date('2026-10-25T00:10:00Z'), new Date('2026-10-25T00:10:00Z'))
    expect(await rotateAutoBackups(folder, OURS, 1)).toEqual([older])
    expect(readdirSync(folder)).toEqual([newer])
  })

  it('rotates after a real backup, leaving no partial file', async () => {
    const { host, folder, dataDir } = await vaultWithAutoBackup(1)
    const { vaultId } = readHeader(dataDir)
    const old = autoBackupFileName(
      { organisation: ADMIN.organisation, vaultId },
      new Date(2020, 0, 1, 0, 0, 0),
    )
    writeFileSync(join(folder, old), 'old')
    await call(host, 'vault:lock')
    const files = readdirSync(folder)
    expect(files).toHaveLength(1)
    expect(files[0]).not.toBe(old)
    expect(files.filter((name) => name.endsWith('.partial'))).toEqual([])
  })
})

describe('automatic backup settings', () => {
  it('refuses to enable without a folder or key, and refuses a path or a bad key from the renderer', async () => {
    const { host } = testHost()
    await call(host, 'vault:create', ADMIN)
    const { recipient } = await keyPair()
    expect(
      await errorCode(host, 'backup:updateAuto', { enabled: true, recipients: [recipient], keep: 5 }),
    ).toBe('VALIDATION')
    await call(host, 'backup:chooseAutoFolder')
    expect(await errorCode(host, 'backup:updateAuto', { enabled: true, recipients: [], keep: 5 })).toBe(
      'VALIDATION',
    )
    expect(
      await errorCode(host, 'backup:updateAuto', { enabled: false, recipients: ['age1nope'], keep: 5 }),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'backup:updateAuto', {
        enabled: true,
        recipients: [recipient],
        keep: 5,
        folder: '/etc',
      }),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'backup:updateAuto', { enabled: true, recipients: [recipient], keep: 0 }),
    ).toBe('VALIDATION')
    expect((await call<AutoBackupStatus>(host, 'backup:autoStatus')).enabled).toBe(false)
  })

  it('keeps the folder when the folder dialog is cancelled', async () => {
    const access = folderFileAccess()
    const { host } = testHost(tempDir(), access)
    await call(host, 'vault:create', ADMIN)
    await call(host, 'backup:chooseAutoFolder')
    access.cancelNextSave()
    expect((await call<AutoBackupStatus>(host, 'backup:chooseAutoFolder')).folder).toBe(access.folder)
  })

  it('is for administrators only', async () => {
    const { host } = await staffedHost(CASEWORKER.username)
    expect(await errorCode(host, 'backup:autoStatus')).toBe('FORBIDDEN')
    expect(await errorCode(host, 'backup:chooseAutoFolder')).toBe('FORBIDDEN')
    await signInAs(host, 'dana')
    expect(await errorCode(host, 'backup:updateAuto', { enabled: false, recipients: [], keep: 3 })).toBe(
      'FORBIDDEN',
    )
  })
})
