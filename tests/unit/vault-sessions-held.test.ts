// Checks from the security review of the vault, users, sessions and the audit log that the code
// passes: kept as regression tests. This half: failed unlocks, hostile payloads, the last
// administrator and the audit chain; user names, deactivated users and a tampered vault.json are
// in vault-slots-held.test.ts.
import { describe, expect, it, vi } from 'vitest'
import { ADMIN, call, createdVault, errorCode } from './support/temp-vault'
import { BILAL, adminHost, codeOf, wiped } from './support/vault-security'
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
    expect(Object.keys(row!.details!)).toEqual(['autoLockMinutes', 'previous'])
    expect(row!.details!['previous']).toEqual({ autoLockMinutes: 10 })
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
