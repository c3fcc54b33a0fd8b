// Reviewing helper (user and role administration): each test here failed on the code before its fix and
// names one defect. Real encrypted vaults through the real API host; only Argon2 is hooked, to
// land a lock at the moment a slot's key is being derived (as vault-lock-during-slot-write does).
import { describe, expect, it, vi } from 'vitest'
import { ADMIN, call, errorCode, tempDir, testHost } from './support/temp-vault'
import type { UserSummary } from '../../main/api/contract'
import { readHeader } from '../../main/core/vault/vault-header'

const hooks = vi.hoisted(() => ({ afterHash: null as null | (() => void) }))
vi.mock('argon2', async (importOriginal) => {
  const original = (await importOriginal()) as { default: { hash: (...args: unknown[]) => Promise<unknown> } }
  const hash = async (...args: unknown[]) => {
    const result = await original.default.hash(...args)
    const hook = hooks.afterHash
    if (hook) hook() // a lock lands while this derivation is still running
    return result
  }
  return { ...original, default: { ...original.default, hash } }
})

const BILAL = {
  username: 'bilal',
  displayName: 'Bilal Haddad',
  role: 'caseworker',
  passphrase: 'harbour lantern quietly 58',
}

async function adminHost(dataDir = tempDir()) {
  const { host } = testHost(dataDir)
  const { recoveryKey } = await call<{ recoveryKey: string }>(host, 'vault:create', ADMIN)
  return { host, dataDir, recoveryKey }
}

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error!.code)

describe('a lock (idle, lid closed) while an admin adds a user', () => {
  // Today: users:create inserts the row, then derives the slot key with Argon2 (≥ 0.5 s in the
  // app). A lock in that time makes writeSlot throw LOCKED, and the clean-up in
  // user-service.ts:36 only removes the row "if vault.session() === session" — the session is
  // gone, so the row stays. After unlocking again the admin, told the creation failed, finds an
  // active account in the list that cannot unlock (UNKNOWN_USER), with no "user.created" audit
  // row, and trying again is refused as "username taken".
  it('leaves no account behind: the name can be added again and is not listed as active', async () => {
    const { host } = await adminHost()
    hooks.afterHash = () => host.lock('idle')
    const created = await host.dispatch('users:create', BILAL)
    hooks.afterHash = null
    expect(created.ok).toBe(false)

    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const listed = await call<UserSummary[]>(host, 'users:list')
    expect(listed.map((user) => user.username)).toEqual([ADMIN.username])
    expect(await errorCode(host, 'users:create', BILAL)).toBe('OK')
  })
})

describe('a staff passphrase made of the staff member’s own name', () => {
  // Today: vault:create counts the first admin's display name as an easy guess (vault.ts:92), but
  // every other way to set a passphrase (users:create, users:resetPassphrase, changePassphrase,
  // recovery) goes through Vault.writeSlot, which passes only [username, organisation] to zxcvbn
  // (vault.ts:173). "Bilal Haddad" (12 characters) is accepted as Bilal's passphrase: anyone who
  // knows who works at the shelter guesses it first against a copied vault.json, and one staff
  // passphrase opens every survivor's record.
  it('refuses the user’s display name as their new passphrase', async () => {
    const { host } = await adminHost()
    expect(await errorCode(host, 'users:create', { ...BILAL, passphrase: 'Bilal Haddad' })).toBe(
      'WEAK_PASSPHRASE',
    )
  })

  it('refuses the user’s display name as a reset passphrase', async () => {
    const { host } = await adminHost()
    await call(host, 'users:create', BILAL)
    expect(
      await errorCode(host, 'users:resetPassphrase', {
        username: 'bilal',
        newPassphrase: 'bilal haddad 2024',
      }),
    ).toBe('WEAK_PASSPHRASE')
  })
})

describe('a user deactivated while their account is still being created', () => {
  // The same race the team fixed for a reset (session-fixes-review.test.ts), from the other side:
  // users:create inserts bilal's row, then spends Argon2's time (≥ 0.5 s) making his slot. A
  // deactivation meanwhile (a second admin on the shared folder, or a next click) finds the row,
  // marks it inactive, and deactivateUserSlot (vault-slots.ts:61-62) returns without a trace
  // because there is no slot yet. The creation then finds no "deactivated" slot and writes an
  // ACTIVE slot wrapping the database key: vault.json holds key material for a dismissed user,
  // who knows the passphrase (and a copy of the folder opens offline). The admin is also shown
  // "bilal added" with active: true. Should: no key material for an inactive user in vault.json.
  it('leaves no key material for the deactivated user in vault.json', async () => {
    const { host, dataDir } = await adminHost()
    const results = await Promise.all([
      host.dispatch('users:create', BILAL),
      host.dispatch('users:deactivate', { username: 'bilal' }),
    ])
    const listed = await call<UserSummary[]>(host, 'users:list')
    const slot = readHeader(dataDir).slots.find((one) => one.username === 'bilal')
    const bilal = listed.find((user) => user.username === 'bilal')
    // Either the deactivation came first and found no account yet (nothing to deactivate), and the
    // account was then made; or it deactivated the account, which then holds no key material.
    if (codeOf(results[1]!) === 'NOT_FOUND') {
      expect({ created: codeOf(results[0]!), active: bilal?.active, status: slot?.status }).toEqual({
        created: 'OK',
        active: true,
        status: 'active',
      })
    } else {
      expect(codeOf(results[1]!)).toBe('OK')
      expect(bilal?.active).toBe(false)
      expect({ status: slot?.status ?? 'none', keyMaterial: slot?.wrappedKey ?? '' }).toEqual({
        status: slot ? 'deactivated' : 'none',
        keyMaterial: '',
      })
    }
  })
})
