// Checks from the security review of the vault, users, sessions and the audit log that the code
// passes: kept as regression tests.
import { describe, expect, it, vi } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, createdVault, errorCode, tempDir, testHost } from './support/temp-vault'
import { CaseVaultError } from '../../main/core/errors'
import type { AuditEntry } from '../../main/api/contract'
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

const BILAL = {
  username: 'bilal',
  displayName: 'Bilal Haddad',
  role: 'caseworker',
  passphrase: 'bilal passphrase 1',
}

async function adminHost(dataDir = tempDir()) {
  const { host } = testHost(dataDir)
  await call(host, 'vault:create', ADMIN)
  return { host, dataDir }
}

const headerFile = (dataDir: string) => join(dataDir, 'vault.json')
const readHeaderJson = (dataDir: string) => JSON.parse(readFileSync(headerFile(dataDir), 'utf8'))
const writeHeaderJson = (dataDir: string, header: unknown) =>
  writeFileSync(headerFile(dataDir), JSON.stringify(header, null, 2))

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof CaseVaultError ? error.code : `RAW:${String(error)}`),
  )
}

const wiped = (key: Buffer) => key.every((byte) => byte === 0)

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

describe('failed unlocks', () => {
  it('the wait after failures holds for every user name and for the recovery key', async () => {
    let now = Date.parse('2026-11-27T10:00:00Z')
    const { vault, recoveryKey } = await createdVault({ clock: () => new Date(now) })
    const { createUserService } = await import('../../main/core/users/user-service')
    await createUserService(vault).create(vault.session()!, { ...BILAL, role: 'caseworker' })
    vault.lock('user')
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await codeOf(vault.unlock('amara', `wrong guess ${attempt}`))).toBe('WRONG_PASSPHRASE')
    }
    expect(await codeOf(vault.unlock('bilal', BILAL.passphrase))).toBe('TOO_MANY_ATTEMPTS')
    expect(await codeOf(vault.unlockWithRecoveryKey(recoveryKey, 'amara', 'a new passphrase here'))).toBe(
      'TOO_MANY_ATTEMPTS',
    )
    now += 1_000
    expect(await codeOf(vault.unlock('bilal', BILAL.passphrase))).toBe('OK')
  })

  it('a second unlock while the first runs Argon2 is refused (no parallel guessing)', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const first = vault.unlock('amara', 'first guess here')
    const second = codeOf(vault.unlock('amara', 'second guess here'))
    expect(await second).toBe('CONFLICT')
    expect(await codeOf(first)).toBe('WRONG_PASSPHRASE')
  })

  it('a wrong recovery key of the right shape counts as a failure and its buffer is wiped', async () => {
    const { vault } = await createdVault()
    const other = await createdVault()
    vault.lock('user')
    handedOut.keys.length = 0
    expect(
      await codeOf(vault.unlockWithRecoveryKey(other.recoveryKey, 'amara', 'a new passphrase here')),
    ).toBe('BAD_RECOVERY_KEY')
    expect(handedOut.keys).toHaveLength(1)
    expect(wiped(handedOut.keys[0]!)).toBe(true)
  })

  it('neither the error nor the audit log ever carries a typed passphrase', async () => {
    const { host } = await adminHost()
    await call(host, 'vault:lock')
    const typed = 'my-secret-guess-7731'
    const results = [
      await host.dispatch('vault:unlock', { username: 'amara', passphrase: typed }),
      await host.dispatch('vault:unlock', { username: 'amara', passphrase: typed.repeat(60) }), // too long
      await host.dispatch('vault:unlock', { username: 'nobody', passphrase: typed }),
    ]
    for (const result of results) expect(JSON.stringify(result)).not.toContain('secret-guess')
    await call(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    const short = await host.dispatch('vault:changePassphrase', {
      currentPassphrase: 'wrong-current-9981',
      newPassphrase: 'new-secret-4412',
    })
    expect(JSON.stringify(short)).not.toMatch(/9981|4412/)
    const entries = await call<AuditEntry[]>(host, 'audit:list', { limit: 100 })
    const text = JSON.stringify(entries)
    expect(text).not.toContain('secret-guess')
    expect(text).not.toContain(ADMIN.passphrase)
    // The one wrong passphrase is counted (no passphrase): the too long one never reached Argon2,
    // the unknown name is no guess at a passphrase.
    expect(entries.find((entry) => entry.action === 'session.unlocked')).toMatchObject({
      details: { failedAttemptsBefore: 1 },
    })
  })

  it('the key buffer is wiped on lock and when a lock arrives during the unlock', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    handedOut.keys.length = 0
    await vault.unlock('amara', ADMIN.passphrase)
    expect(wiped(handedOut.keys[0]!)).toBe(false)
    vault.lock('user')
    expect(wiped(handedOut.keys[0]!)).toBe(true)

    // The machine suspends while Argon2 runs: the unlock ends LOCKED and its key is wiped.
    handedOut.keys.length = 0
    const opening = codeOf(vault.unlock('amara', ADMIN.passphrase))
    vault.lock('suspend')
    expect(await opening).toBe('LOCKED')
    expect(vault.session()).toBeNull()
    expect(handedOut.keys).toHaveLength(1)
    expect(wiped(handedOut.keys[0]!)).toBe(true)
  })
})

describe('hostile payloads on users, vault, audit and settings', () => {
  it.each([
    ['users:create', { ...BILAL, role: 'superadmin' }],
    ['users:create', { ...BILAL, role: ['admin'] }],
    ['users:create', { ...BILAL, username: 'x'.repeat(100_000) }],
    ['users:create', { ...BILAL, displayName: 'x'.repeat(1_000) }],
    ['users:create', { ...BILAL, passphrase: 'p'.repeat(2_000) }],
    ['users:deactivate', { username: ['amara'] }],
    ['users:deactivate', { username: "amara' OR '1'='1" }],
    ['users:resetPassphrase', { username: 'amara', newPassphrase: 12345678901234 }],
    ['audit:list', { limit: 1e9 }],
    ['audit:list', { limit: 10, beforeId: -1 }],
    ['audit:list', { limit: 10, target: "case:1' OR 1=1 --" }],
    ['vault:updateSettings', { autoLockMinutes: '5' }],
    ['vault:updateSettings', { autoLockMinutes: 5.5 }],
    ['vault:updateSettings', { autoLockMinutes: Number.NaN }],
    ['vault:changePassphrase', { currentPassphrase: '', newPassphrase: 'long enough pass' }],
  ])('%s with %j gets VALIDATION', async (channel, input) => {
    const { host } = await adminHost()
    expect(await errorCode(host, channel, input)).toBe('VALIDATION')
  })

  it('extra and prototype keys in settings are dropped, not stored or audited', async () => {
    const { host } = await adminHost()
    const input = JSON.parse(
      '{"autoLockMinutes": 5, "__proto__": {"role": "admin"}, "trainingVault": true, "organisation": "Evil", "anonymityK": 1}',
    )
    expect(await call(host, 'vault:updateSettings', input)).toEqual({ autoLockMinutes: 5 })
    expect(await call(host, 'vault:getSettings')).toEqual({ autoLockMinutes: 5 })
    const [row] = await call<AuditEntry[]>(host, 'audit:list', { limit: 1 })
    expect(row).toMatchObject({ action: 'settings.updated', details: { autoLockMinutes: 5 } })
    expect(Object.keys(row!.details!)).toEqual(['autoLockMinutes'])
    expect((await call<{ organisation: string }>(host, 'vault:status')).organisation).toBe(ADMIN.organisation)
  })

  it('extra keys on a new user (active, id, role twice) do not change who is created', async () => {
    const { host } = await adminHost()
    const created = await call<{ id: number; active: boolean; role: string }>(
      host,
      'users:create',
      JSON.parse(
        '{"username":"bilal","displayName":"Bilal","role":"caseworker","passphrase":"bilal passphrase 1","id":1,"active":false,"__proto__":{"role":"admin"}}',
      ),
    )
    expect(created).toMatchObject({ role: 'caseworker', active: true })
    expect(created.id).not.toBe(1)
  })

  it.each(['caseworker', 'analyst', 'supervisor'] as const)(
    'a %s cannot change settings or manage users',
    async (role) => {
      const { host } = await adminHost()
      await call(host, 'users:create', { ...BILAL, username: role, role })
      await call(host, 'vault:lock')
      await call(host, 'vault:unlock', { username: role, passphrase: BILAL.passphrase })
      expect(await errorCode(host, 'vault:updateSettings', { autoLockMinutes: 240 })).toBe('FORBIDDEN')
      expect(
        await errorCode(host, 'users:resetPassphrase', {
          username: 'amara',
          newPassphrase: 'taken over now!',
        }),
      ).toBe('FORBIDDEN')
      expect(await errorCode(host, 'users:create', { ...BILAL, username: 'mallory', role: 'admin' })).toBe(
        'FORBIDDEN',
      )
      expect(await errorCode(host, 'users:deactivate', { username: 'amara' })).toBe('FORBIDDEN')
      expect(await call(host, 'vault:getSettings')).toEqual({ autoLockMinutes: 10 })
    },
  )
})

describe('the last administrator', () => {
  it('two admins: one may deactivate the other, but then not themselves — someone can always administer', async () => {
    const { host } = await adminHost()
    await call(host, 'users:create', { ...BILAL, username: 'second', role: 'admin' })
    await call(host, 'users:deactivate', { username: 'second' })
    expect(await errorCode(host, 'users:deactivate', { username: 'amara' })).toBe('CONFLICT')
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })).toBe(
      'OK',
    )
    expect((await call<{ user: { role: string } }>(host, 'vault:status')).user.role).toBe('admin')
  })
})

describe('the audit chain notices edits inside it', () => {
  it('two rows swapped (ids exchanged) break the chain at the first of them', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 6; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare('UPDATE audit_log SET id = -3 WHERE id = 3').run()
    db.prepare('UPDATE audit_log SET id = 3 WHERE id = 4').run()
    db.prepare('UPDATE audit_log SET id = 4 WHERE id = -3').run()
    expect(audit.verify()).toEqual({ ok: false, checkedRows: 2, firstBrokenId: 3 })
  })

  it('a changed detail, or a changed time, is reported at that row', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    audit.append({ actor: 'amara', action: 'export.full', details: { cases: 120 } })
    audit.append({ actor: 'amara', action: 'case.read', target: 'case:1' })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare(`UPDATE audit_log SET details = '{"cases":1}' WHERE id = 2`).run()
    expect(audit.verify()).toEqual({ ok: false, checkedRows: 1, firstBrokenId: 2 })
    db.prepare(`UPDATE audit_log SET details = '{"cases":120}' WHERE id = 2`).run()
    expect(audit.verify().ok).toBe(true)
    db.prepare(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 3`).run()
    expect(audit.verify()).toEqual({ ok: false, checkedRows: 2, firstBrokenId: 3 })
  })
})
