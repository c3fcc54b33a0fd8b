// Undoing a restore from the Backup screen: the copy a restore kept becomes the vault again, and
// the vault it replaces is kept as a copy in turn. Before, the screen said a restore "can be
// undone" and offered no way to do it.
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
import type { AuditEntry, CasePage, RollbackCopy, VaultStatus } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'

async function restoredVault() {
  const parent = tempDir()
  const dataDir = join(parent, 'data')
  const { host } = testHost(dataDir, folderFileAccess(tempDir()))
  await call(host, 'vault:create', ADMIN)
  await call(host, 'backup:create', { passphrase: PASS })
  await call(host, 'cases:create', survivorCase()) // after the backup: gone once restored
  await restoreOverNewerWork(host, { passphrase: PASS })
  await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
  expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(0)
  return { host, parent }
}

describe('bringing a rollback copy back', () => {
  it('makes the copy the vault again, keeps the restored one as a copy, and locks', async () => {
    const { host, parent } = await restoredVault()
    const [copy] = await call<RollbackCopy[]>(host, 'backup:rollbackCopies')
    await call(host, 'backup:bringBackRollbackCopy', { name: copy!.name })
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({ state: 'locked' })
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
    const copies = await call<RollbackCopy[]>(host, 'backup:rollbackCopies')
    expect(copies).toHaveLength(1)
    expect(copies[0]!.name).not.toBe(copy!.name)
    expect(existsSync(join(parent, copy!.name))).toBe(false)
    // Recorded in the vault that was moved aside: open it as the copy it now is.
    const entries = await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })
    expect(entries.map((entry) => entry.action)).toContain('backup.restored')
  })

  it('refuses a name that is no copy of this vault (NOT_FOUND) and one without a vault; nothing moves', async () => {
    const { host, parent } = await restoredVault()
    const before = readdirSync(parent).sort()
    expect(await errorCode(host, 'backup:bringBackRollbackCopy', { name: '../elsewhere' })).toBe('NOT_FOUND')
    expect(await errorCode(host, 'backup:bringBackRollbackCopy', { name: 'data' })).toBe('NOT_FOUND')
    expect(readdirSync(parent).sort()).toEqual(before)
    const empty = 'data.rollback-2026-01-01T00-00-00-000Z'
    mkdirSync(join(parent, empty))
    expect(await errorCode(host, 'backup:bringBackRollbackCopy', { name: empty })).toBe('NO_VAULT')
    expect(readdirSync(parent).sort()).toEqual([...before, empty].sort())
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({ state: 'unlocked' })
  })
})
