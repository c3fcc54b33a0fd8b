// The vaults restores moved aside: listed for an admin, removed on request (audited), and nothing
// else beside the data folder is ever touched.
import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ADMIN, call, errorCode } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import type { AuditEntry, RollbackCopy } from '../../main/api/contract'

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

describe('copies kept after restores', () => {
  it('lists them oldest first with their size, and removes only them', async () => {
    const { host, dataDir } = await staffedHost('amara')
    const parent = dirname(dataDir)
    const name = basename(dataDir)
    // Look-alikes that are not rollback copies of this vault.
    const decoys = [
      join(parent, `${name}-other`),
      join(parent, `${name}.rollback-notes`),
      join(parent, `${name}.rollback-2026-01-01T00-00-00-000Z`), // a file, not a folder
    ]
    mkdirSync(decoys[0]!)
    mkdirSync(decoys[1]!)
    writeFileSync(decoys[2]!, 'not a vault')
    try {
      expect(await call<RollbackCopy[]>(host, 'backup:rollbackCopies')).toEqual([])
      await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
      for (let i = 0; i < 2; i += 1) {
        await call(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE })
        await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
      }
      const copies = await call<RollbackCopy[]>(host, 'backup:rollbackCopies')
      expect(copies).toHaveLength(2)
      expect(copies.map((copy) => copy.name).every((copy) => copy.startsWith(`${name}.rollback-`))).toBe(true)
      expect(Date.parse(copies[0]!.movedAsideAt)).toBeLessThan(Date.parse(copies[1]!.movedAsideAt))
      expect(copies.every((copy) => copy.bytes > 0)).toBe(true)

      await signInAs(host, 'dana')
      expect(await errorCode(host, 'backup:rollbackCopies')).toBe('FORBIDDEN')
      expect(await errorCode(host, 'backup:removeRollbackCopies')).toBe('FORBIDDEN')
      await signInAs(host, 'amara')

      expect(await call<RollbackCopy[]>(host, 'backup:removeRollbackCopies')).toEqual([])
      for (const copy of copies) expect(existsSync(join(parent, copy.name))).toBe(false)
      for (const decoy of decoys) expect(existsSync(decoy)).toBe(true)
      const audit = await call<AuditEntry[]>(host, 'audit:list', { limit: 20 })
      expect(audit.find((entry) => entry.action === 'backup.rollbacks_removed')?.details).toEqual({
        removed: 2,
      })
    } finally {
      for (const decoy of decoys) rmSync(decoy, { recursive: true, force: true })
    }
  })
})
