// A full, write-protected or pulled-out drive gets its own message instead of "Something went
// wrong", and leaves nothing half-written and no audit row claiming a file that does not exist.
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { classifyFileError } from '../../main/core/file-errors'
import { classifySqliteError } from '../../main/core/db/connection'
import { autoBackupFailure } from '../../main/api/lock-with-backup'
import { call, createdVault, errorCode, tempDir } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import type { AuditEntry, BackupStatus } from '../../main/api/contract'

/** The error the operating system really throws for this write (not a hand-made look-alike). */
function errorFrom(write: () => void): unknown {
  try {
    write()
  } catch (error) {
    return error
  }
  throw new Error('the write did not fail')
}

const hasDevFull = existsSync('/dev/full') // Linux: every write to it fails with ENOSPC

describe('file-system errors in words a person can act on', () => {
  it.skipIf(!hasDevFull)(
    'a full drive (a real ENOSPC) is DISK_FULL, for exports and automatic backups',
    () => {
      const full = errorFrom(() => writeFileSync('/dev/full', 'x'))
      expect((full as NodeJS.ErrnoException).code).toBe('ENOSPC')
      expect(classifyFileError(full)?.code).toBe('DISK_FULL')
      expect(autoBackupFailure(full, tempDir())).toBe('disk_full')
    },
  )

  it('a folder that is gone (a real ENOENT) is FILE_UNAVAILABLE; a missing backup folder says so', () => {
    const gone = join(tempDir(), 'usb-stick')
    const missing = errorFrom(() => writeFileSync(join(gone, 'export.json'), 'x'))
    expect(classifyFileError(missing)?.code).toBe('FILE_UNAVAILABLE')
    expect(autoBackupFailure(missing, gone)).toBe('folder_missing')
  })

  it('read-only and protected places are FILE_NOT_ALLOWED, ones in use FILE_IN_USE; anything else is left to the caller', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS'])
      expect(classifyFileError(Object.assign(new Error(code), { code }))?.code).toBe('FILE_NOT_ALLOWED')
    expect(autoBackupFailure(Object.assign(new Error(), { code: 'EROFS' }), tempDir())).toBe('not_allowed')
    for (const code of ['EBUSY', 'ETXTBSY'])
      expect(classifyFileError(Object.assign(new Error(code), { code }))?.code).toBe('FILE_IN_USE')
    expect(classifyFileError(new Error('no code'))).toBeNull()
    expect(classifyFileError({ code: 'SQLITE_CONSTRAINT' })).toBeNull()
    expect(classifyFileError(null)).toBeNull()
    expect(autoBackupFailure(new Error('boom'), tempDir())).toBe('failed')
  })

  it('a full vault drive (a real SQLITE_FULL) is DISK_FULL, and the write is rolled back whole', async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    const users = () => db.prepare('SELECT count(*) FROM users').pluck().get()
    const before = users()
    // The database may not grow by a single page: SQLite answers as it does on a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const full = errorFrom(() =>
      db.transaction(() => {
        for (let i = 0; i < 200; i += 1)
          db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`).run(`filler-${i}`, 'x'.repeat(2000))
      })(),
    )
    expect((full as { code?: string }).code).toBe('SQLITE_FULL')
    expect(classifySqliteError(full)?.code).toBe('DISK_FULL')
    expect(users()).toBe(before)
    expect(db.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'filler-%'`).pluck().get()).toBe(0)
  })
})

describe('saving to a USB stick that was pulled out', () => {
  it('an export says FILE_UNAVAILABLE, leaves no file and writes no export row in the audit log', async () => {
    const { host, files } = await staffedHost('amara')
    await createCase(host)
    rmSync(files.folder, { recursive: true })
    for (const protection of [
      { plaintext: true, confirmed: true },
      { passphrase: 'velvet compass hums over eleven salt marshes' },
    ])
      expect(await errorCode(host, 'export:run', { format: 'htcds-json', protection })).toBe(
        'FILE_UNAVAILABLE',
      )
    expect(existsSync(files.folder)).toBe(false)
    const audit = await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })
    expect(audit.map((entry) => entry.action)).not.toContain('export.created')
  })

  it('a backup says FILE_UNAVAILABLE and the vault still counts as never backed up', async () => {
    const { host, files } = await staffedHost('amara')
    await createCase(host)
    rmSync(files.folder, { recursive: true })
    expect(
      await errorCode(host, 'backup:create', { passphrase: 'velvet compass hums over eleven salt marshes' }),
    ).toBe('FILE_UNAVAILABLE')
    expect(await call<BackupStatus>(host, 'backup:status')).toMatchObject({
      lastBackupAt: null,
      overdue: true,
    })
    const audit = await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })
    expect(audit.map((entry) => entry.action)).not.toContain('backup.created')
  })

  it('a backup file that is gone by the time it is checked is FILE_UNAVAILABLE', async () => {
    const { host, files } = await staffedHost('amara')
    await call(host, 'backup:create', { passphrase: 'velvet compass hums over eleven salt marshes' })
    for (const name of readdirSync(files.folder)) rmSync(join(files.folder, name))
    expect(
      await errorCode(host, 'backup:verify', { passphrase: 'velvet compass hums over eleven salt marshes' }),
    ).toBe('FILE_UNAVAILABLE')
  })
})
