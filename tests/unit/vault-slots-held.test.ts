// Checks from the security review of the vault, users, sessions and the audit log that the code
// passes: kept as regression tests. This half: user names that look alike, deactivated users and a
// tampered vault.json (the key slots); unlocks, payloads, the last administrator and the audit
// chain are in vault-sessions-held.test.ts.
import { describe, expect, it, vi } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, createdVault, errorCode } from './support/temp-vault'
import { BILAL, adminHost, codeOf, wiped } from './support/vault-security'
import type * as KeySlotModule from '../../main/core/vault/key-slot'
import type * as RecoveryKeyModule from '../../main/core/vault/recovery-key'

// Every database key handed out by a slot or a typed recovery key, to see that it is wiped.
const handedOut = vi.hoisted(() => ({ keys: [] as Buffer[] }))

vi.mock('../../main/core/vault/key-slot', async (importOriginal) => {
  const original = await importOriginal<typeof KeySlotModule>()
  return {
    ...original,
    unwrapDatabaseKey: async (...args: Parameters<typeof original.unwrapDatabaseKey>) => {
      const key = await original.unwrapDatabaseKey(...args)
      if (key) handedOut.keys.push(key)
      return key
    },
  }
})

vi.mock('../../main/core/vault/recovery-key', async (importOriginal) => {
  const original = await importOriginal<typeof RecoveryKeyModule>()
  return {
    ...original,
    parseRecoveryKey: (typed: string) => {
      const key = original.parseRecoveryKey(typed)
      handedOut.keys.push(key)
      return key
    },
  }
})

const headerFile = (dataDir: string) => join(dataDir, 'vault.json')
const readHeaderJson = (dataDir: string) => JSON.parse(readFileSync(headerFile(dataDir), 'utf8'))
const writeHeaderJson = (dataDir: string, header: unknown) =>
  writeFileSync(headerFile(dataDir), JSON.stringify(header, null, 2))

describe('user names that look alike', () => {
  it.each([
    ['Cyrillic а', 'аmara'],
    ['Greek ο', 'bilal.οkafor'],
    ['fullwidth', 'ａｍａｒａ'],
    ['zero-width space', 'ama\u200bra'],
    ['combining accent', 'amara\u0301'],
  ])('refuses a %s in a user name at creation and at unlock (VALIDATION)', async (_what, username) => {
    const { host } = await adminHost()
    expect(await errorCode(host, 'users:create', { ...BILAL, username })).toBe('VALIDATION')
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username, passphrase: ADMIN.passphrase })).toBe(
      'VALIDATION',
    )
  })

  it('a name differing only in case is a CONFLICT and leaves the existing user’s slot alone', async () => {
    const { host, dataDir } = await adminHost()
    const before = readFileSync(headerFile(dataDir), 'utf8')
    expect(
      await errorCode(host, 'users:create', {
        ...BILAL,
        username: 'Amara',
        role: 'admin',
        passphrase: 'an impostor passphrase',
      }),
    ).toBe('CONFLICT')
    expect(readFileSync(headerFile(dataDir), 'utf8')).toBe(before)
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })).toBe(
      'OK',
    )
  })

  it('user names that are JavaScript prototype words work as ordinary names', async () => {
    const { host } = await adminHost()
    for (const username of ['__proto__', 'constructor', 'toString']) {
      await call(host, 'users:create', { ...BILAL, username, passphrase: `${username} long passphrase` })
    }
    await call(host, 'vault:lock')
    expect(
      await errorCode(host, 'vault:unlock', {
        username: '__proto__',
        passphrase: '__proto__ long passphrase',
      }),
    ).toBe('OK')
    expect((await call<{ user: { role: string } }>(host, 'vault:status')).user.role).toBe('caseworker')
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })).toBe(
      'OK',
    )
  })
})

describe('deactivated users stay out', () => {
  it('an old copy of their active slot put back into vault.json still gets USER_DEACTIVATED, and the key is wiped', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'users:create', BILAL)
    const withActiveSlot = readHeaderJson(dataDir)
    await call(host, 'users:deactivate', { username: 'bilal' })
    await call(host, 'vault:lock')
    writeHeaderJson(dataDir, withActiveSlot)
    handedOut.keys.length = 0
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })).toBe(
      'USER_DEACTIVATED',
    )
    // The slot did open (the passphrase was right): the key it gave was wiped when the user was refused.
    expect(handedOut.keys).toHaveLength(1)
    expect(wiped(handedOut.keys[0]!)).toBe(true)
    expect((await call<{ state: string }>(host, 'vault:status')).state).toBe('locked')
  })

  it('the recovery key does not let a deactivated user in, wipes the key and leaves vault.json as it was', async () => {
    const { vault, recoveryKey } = await createdVault()
    const { createUserService } = await import('../../main/core/users/user-service')
    const users = createUserService(vault)
    await users.create(vault.session()!, { ...BILAL, role: 'caseworker' })
    users.deactivate(vault.session()!, 'bilal')
    vault.lock('user')
    const before = readFileSync(headerFile(vault.dataDir), 'utf8')
    handedOut.keys.length = 0
    expect(await codeOf(vault.unlockWithRecoveryKey(recoveryKey, 'bilal', 'back in through the key'))).toBe(
      'USER_DEACTIVATED',
    )
    expect(handedOut.keys).toHaveLength(1)
    expect(wiped(handedOut.keys[0]!)).toBe(true)
    expect(readFileSync(headerFile(vault.dataDir), 'utf8')).toBe(before)
    expect(vault.session()).toBeNull()
  })

  it('an admin cannot reset the passphrase of a deactivated user (no key material comes back)', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'users:create', BILAL)
    await call(host, 'users:deactivate', { username: 'bilal' })
    expect(
      await errorCode(host, 'users:resetPassphrase', {
        username: 'bilal',
        newPassphrase: 'welcome back bilal',
      }),
    ).toBe('CONFLICT')
    const slot = readHeaderJson(dataDir).slots.find((one: { username: string }) => one.username === 'bilal')
    expect(slot).toMatchObject({ status: 'deactivated', wrappedKey: '' })
  })

  it('a user whose row is gone from the database gets UNKNOWN_USER even though vault.json still has a slot', async () => {
    const { vault } = await createdVault()
    const { createUserService } = await import('../../main/core/users/user-service')
    await createUserService(vault).create(vault.session()!, { ...BILAL, role: 'caseworker' })
    vault.session()!.db.prepare("DELETE FROM users WHERE username = 'bilal'").run()
    vault.lock('user')
    handedOut.keys.length = 0
    expect(await codeOf(vault.unlock('bilal', BILAL.passphrase))).toBe('UNKNOWN_USER')
    expect(handedOut.keys.every(wiped)).toBe(true)
  })
})

describe('a tampered vault.json gives a clear refusal, never a weaker unlock', () => {
  it('slots swapped between two users open for neither passphrase', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'users:create', BILAL)
    await call(host, 'vault:lock')
    const header = readHeaderJson(dataDir)
    const amara = header.slots.find((slot: { username: string }) => slot.username === 'amara')
    const bilal = header.slots.find((slot: { username: string }) => slot.username === 'bilal')
    ;[amara.username, bilal.username] = [bilal.username, amara.username]
    writeHeaderJson(dataDir, header)
    expect(await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: BILAL.passphrase })).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: ADMIN.passphrase })).toBe(
      'WRONG_PASSPHRASE',
    )
  })

  it('a slot copied from another vault, or a changed vault id, does not open', async () => {
    const { host, dataDir } = await adminHost()
    const other = await adminHost()
    await call(host, 'vault:lock')
    await call(other.host, 'vault:lock')
    const original = readHeaderJson(dataDir)
    writeHeaderJson(dataDir, { ...original, slots: readHeaderJson(other.dataDir).slots })
    expect(
      await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase }),
    ).not.toBe('OK')
    writeHeaderJson(dataDir, { ...original, vaultId: readHeaderJson(other.dataDir).vaultId })
    expect(await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })).toBe(
      'WRONG_PASSPHRASE',
    )
  })

  it('a user removed from vault.json gets UNKNOWN_USER; a role word added to a slot changes nothing', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'users:create', BILAL)
    await call(host, 'vault:lock')
    const header = readHeaderJson(dataDir)
    header.slots = header.slots.map((slot: Record<string, unknown>) => ({ ...slot, role: 'admin' }))
    writeHeaderJson(dataDir, header)
    await call(host, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })
    expect((await call<{ user: { role: string } }>(host, 'vault:status')).user.role).toBe('caseworker')
    expect(await errorCode(host, 'users:list')).toBe('FORBIDDEN')
    await call(host, 'vault:lock')
    header.slots = header.slots.filter((slot: { username: string }) => slot.username !== 'bilal')
    writeHeaderJson(dataDir, header)
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })).toBe(
      'UNKNOWN_USER',
    )
  })
})
