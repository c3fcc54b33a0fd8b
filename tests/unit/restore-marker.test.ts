// A restored vault is its backup's state: without the restore's note it would say "never backed
// up" (its settings predate the backup) and its own log would not say where it came from.
import { describe, expect, it } from 'vitest'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, createdVault } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import { applyRestoreMarker, RESTORE_MARKER_FILE } from '../../main/core/backup/restore-marker'
import type { AuditEntry, BackupCheck, BackupResult, BackupStatus } from '../../main/api/contract'

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

async function restoredActions(host: Awaited<ReturnType<typeof staffedHost>>['host']) {
  const entries = await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })
  return entries.filter((entry) => entry.action === 'backup.restored_here')
}

describe('after a restore', () => {
  it('the first unlock records the backup as the last one and says in the log which backup this is', async () => {
    const { host, dataDir } = await staffedHost('amara')
    await createCase(host)
    expect(await call<BackupResult>(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })).toMatchObject({
      counts: { cases: 1 },
    })
    const restored = await call<BackupCheck>(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE })
    expect(existsSync(join(dataDir, RESTORE_MARKER_FILE))).toBe(true)

    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(await call<BackupStatus>(host, 'backup:status')).toMatchObject({
      lastBackupAt: restored.createdAt,
      overdue: false,
    })
    const rows = await restoredActions(host)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actor: ADMIN.username, details: { backupCreatedAt: restored.createdAt } })
    expect(existsSync(join(dataDir, RESTORE_MARKER_FILE))).toBe(false)

    // Once only.
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(await restoredActions(host)).toHaveLength(1)
  })

  it('a damaged note is removed and changes nothing', async () => {
    const { host, dataDir } = await staffedHost('amara')
    await call(host, 'vault:lock')
    writeFileSync(join(dataDir, RESTORE_MARKER_FILE), '{"backupCreatedAt": "yesterday"}')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect((await call<BackupStatus>(host, 'backup:status')).lastBackupAt).toBeNull()
    expect(await restoredActions(host)).toHaveLength(0)
    expect(existsSync(join(dataDir, RESTORE_MARKER_FILE))).toBe(false)
  })

  it('never fails the unlock: when the records cannot be written, the note stays for the next one', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const note = join(vault.dataDir, RESTORE_MARKER_FILE)
    writeFileSync(
      note,
      JSON.stringify({ backupCreatedAt: '2026-11-01T10:00:00.000Z', restoredAt: '2026-11-02T10:00:00.000Z' }),
    )
    vault.lock('user') // its database is closed now: every write fails
    expect(applyRestoreMarker(vault.dataDir, session)).toBeNull()
    expect(existsSync(note)).toBe(true)
  })
})
