import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ADMIN, call, errorCode, restoreOverNewerWork, tempDir, testHost } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import { Vault } from '../../main/core/vault/vault'
import type { BackupCheck, CasePage, VaultStatus } from '../../main/api/contract'

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

/** An office vault with two cases, backed up; its file dialogs "pick" that backup next. */
async function officeWithBackup() {
  const office = await staffedHost('amara')
  await createCase(office.host)
  await createCase(office.host)
  await call(office.host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
  return office
}

describe('restoring a backup on a new computer (no vault yet)', () => {
  it('restores into the empty data folder; the old passphrases open it', async () => {
    const office = await officeWithBackup()
    // The new computer: an empty data folder, the same USB stick (the file dialog picks the backup).
    const fresh = testHost(join(tempDir(), 'data'), office.files)
    expect((await call<VaultStatus>(fresh.host, 'vault:status')).state).toBe('absent')

    expect(
      await errorCode(fresh.host, 'backup:restoreFirst', { passphrase: 'not the backup passphrase' }),
    ).toBe('WRONG_PASSPHRASE')
    expect((await call<VaultStatus>(fresh.host, 'vault:status')).state).toBe('absent')
    expect(readdirSync(dirname(fresh.dataDir)).filter((name) => name.includes('restore'))).toEqual([])

    const restored = await call<BackupCheck>(fresh.host, 'backup:restoreFirst', {
      passphrase: BACKUP_PASSPHRASE,
    })
    expect(restored.counts.cases).toBe(2)
    expect((await call<VaultStatus>(fresh.host, 'vault:status')).state).toBe('locked')
    await call(fresh.host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    expect((await call<CasePage>(fresh.host, 'cases:list', {})).total).toBe(2)
    // No rollback copy: there was nothing to roll back to.
    expect(readdirSync(dirname(fresh.dataDir)).filter((name) => name.includes('rollback'))).toEqual([])
  })

  it('is refused once a vault exists, signed in or not, and leaves that vault alone', async () => {
    const office = await officeWithBackup()
    expect(await errorCode(office.host, 'backup:restoreFirst', { passphrase: BACKUP_PASSPHRASE })).toBe(
      'VAULT_EXISTS',
    )
    await call(office.host, 'vault:lock')
    expect(await errorCode(office.host, 'backup:restoreFirst', { passphrase: BACKUP_PASSPHRASE })).toBe(
      'VAULT_EXISTS',
    )
    expect(await call(office.host, 'backup:cancelRestoreFirst')).toBe(false)
    await call(office.host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    expect((await call<CasePage>(office.host, 'cases:list', {})).total).toBe(2)
  })

  it('validates its input like every call (a hostile payload is refused before anything runs)', async () => {
    const fresh = testHost(join(tempDir(), 'data'))
    expect(await errorCode(fresh.host, 'backup:restoreFirst', { identity: 'AGE-SECRET-KEY-1short' })).toBe(
      'VALIDATION',
    )
    expect(await errorCode(fresh.host, 'backup:restoreFirst', { passphrase: 'x', path: '/etc/passwd' })).toBe(
      'VALIDATION',
    )
    expect(existsSync(join(fresh.dataDir, 'vault.json'))).toBe(false)
  })
})

describe('the admin restore', () => {
  it('records itself in the outgoing vault, which stays as the rollback copy', async () => {
    const office = await officeWithBackup()
    await createCase(office.host)
    const restored = await restoreOverNewerWork<BackupCheck>(office.host, { passphrase: BACKUP_PASSPHRASE })
    expect(restored.counts.cases).toBe(2)
    // Its own rollback copy: other tests restore vaults beside theirs in the same temp folder.
    const rollback = readdirSync(dirname(office.dataDir)).find((name) =>
      name.startsWith(`${basename(office.dataDir)}.rollback-`),
    )
    expect(rollback).toBeDefined()
    const outgoing = new Vault({ dataDir: join(dirname(office.dataDir), rollback!) })
    const session = await outgoing.unlock('amara', ADMIN.passphrase)
    const actions = session.audit.list(20).map((entry) => entry.action)
    expect(actions).toContain('backup.restored')
    outgoing.lock('user')
    await call(office.host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    expect((await call<CasePage>(office.host, 'cases:list', {})).total).toBe(2)
  })
})
