import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, createdVault, testVault } from './support/temp-vault'
import { CaseVaultError } from '../../main/core/errors'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'OK'
  } catch (error) {
    if (error instanceof CaseVaultError) return error.code
    throw error
  }
}

describe('vault lifecycle', () => {
  it('creates a vault, opens a session for the first admin and writes vault.json beside the DB', async () => {
    const { vault, recoveryKey } = await createdVault()
    expect(vault.session()?.user).toMatchObject({ username: 'amara', role: 'admin' })
    expect(recoveryKey).toMatch(/^([0-9a-f]{4}-){16}[0-9a-f]{4}$/)
    const header = JSON.parse(readFileSync(join(vault.dataDir, 'vault.json'), 'utf8'))
    expect(header).toMatchObject({
      format: 'casevault-vault',
      formatVersion: 1,
      cipher: { name: 'sqlcipher', legacy: 4 },
    })
    expect(header.slots).toHaveLength(1)
    expect(JSON.stringify(header)).not.toContain(ADMIN.passphrase)
  })

  it('refuses to create a second vault over an existing one', async () => {
    const { vault } = await createdVault()
    expect(await codeOf(vault.create(ADMIN))).toBe('VAULT_EXISTS')
  })

  it('locks, wipes the key buffer, and unlocks again with the passphrase', async () => {
    const { vault } = await createdVault()
    const internal = vault as unknown as { current: { databaseKey: Buffer } }
    const keyBuffer = internal.current.databaseKey
    expect(keyBuffer.some((byte) => byte !== 0)).toBe(true)
    vault.lock('user')
    expect(vault.session()).toBeNull()
    expect(keyBuffer.every((byte) => byte === 0)).toBe(true)
    const session = await vault.unlock('amara', ADMIN.passphrase)
    expect(session.user.displayName).toBe('Amara Okafor')
  })

  it('treats user names case-insensitively at unlock', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    await expect(vault.unlock('AMARA', ADMIN.passphrase)).resolves.toBeTruthy()
  })

  it('rejects a wrong passphrase with WRONG_PASSPHRASE and leaves the data untouched', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const before = readFileSync(join(vault.dataDir, 'casevault.db'))
    expect(await codeOf(vault.unlock('amara', 'not the passphrase'))).toBe('WRONG_PASSPHRASE')
    expect(vault.session()).toBeNull()
    expect(readFileSync(join(vault.dataDir, 'casevault.db')).equals(before)).toBe(true)
    await expect(vault.unlock('amara', ADMIN.passphrase)).resolves.toBeTruthy()
  })

  it('rejects an unknown user with UNKNOWN_USER', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    expect(await codeOf(vault.unlock('nobody', ADMIN.passphrase))).toBe('UNKNOWN_USER')
  })

  it('grows the delay after repeated failures and refuses attempts during it', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z')
    const { vault } = await createdVault({ clock: () => new Date(now) })
    vault.lock('user')
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await codeOf(vault.unlock('amara', 'wrong wrong wrong'))).toBe('WRONG_PASSPHRASE')
    }
    // Even the right passphrase waits out the delay: the check happens before Argon2 runs.
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('TOO_MANY_ATTEMPTS')
    now += 1_000
    expect(await codeOf(vault.unlock('amara', 'wrong wrong wrong'))).toBe('WRONG_PASSPHRASE')
    now += 1_000
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('TOO_MANY_ATTEMPTS')
    now += 1_000
    const session = await vault.unlock('amara', ADMIN.passphrase)
    const unlockRow = session.audit.list(1)[0]
    expect(unlockRow).toMatchObject({ action: 'session.unlocked', details: { failedAttemptsBefore: 4 } })
  })

  it('reports NO_VAULT for an empty folder and CORRUPT_HEADER for a damaged vault.json', async () => {
    const empty = testVault()
    expect(await codeOf(empty.unlock('amara', ADMIN.passphrase))).toBe('NO_VAULT')
    const { vault } = await createdVault()
    vault.lock('user')
    const headerFile = join(vault.dataDir, 'vault.json')
    const original = readFileSync(headerFile, 'utf8')
    writeFileSync(headerFile, original.slice(0, original.length / 2))
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('CORRUPT_HEADER')
    // Written by a newer CaseVault: said as such (update), not as damage that invites a rebuild.
    writeFileSync(headerFile, JSON.stringify({ ...JSON.parse(original), formatVersion: 99 }))
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('SCHEMA_TOO_NEW')
  })

  it('refuses a slot whose Argon2 cost was lowered in vault.json (authenticated header fields)', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const headerFile = join(vault.dataDir, 'vault.json')
    const header = JSON.parse(readFileSync(headerFile, 'utf8'))
    header.slots[0].kdf.iterations = 2
    writeFileSync(headerFile, JSON.stringify(header))
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('WRONG_PASSPHRASE')
  })

  it('changes a passphrase by rewrapping one slot without re-encrypting the database', async () => {
    const { vault } = await createdVault()
    const dbFile = join(vault.dataDir, 'casevault.db')
    vault.lock('user')
    const before = readFileSync(dbFile)
    await vault.unlock('amara', ADMIN.passphrase)
    await vault.writeSlot('amara', 'a brand new passphrase')
    vault.lock('user')
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('WRONG_PASSPHRASE')
    await vault.unlock('amara', 'a brand new passphrase')
    vault.lock('user')
    // Same first page (salt + encrypted header): the database was not re-keyed.
    expect(readFileSync(dbFile).subarray(0, 4096).equals(before.subarray(0, 4096))).toBe(true)
  })

  it('refuses Argon2 parameters below the floor unless a test explicitly allows them', () => {
    expect(() => testVault({ allowKdfBelowFloor: false })).toThrow(/floor/)
  })
})
