// Found by a reviewing helper's security review of the vault, key slots, users and sessions; each
// test failed before its fix: two slot writes at once lost one (vault.json written back from a
// copy read before Argon2), a double-submitted user creation left a dead account, "Change my
// passphrase" was an unthrottled guessing oracle, a deactivated user's open session went on, an
// admin could reset their own passphrase without the current one, vault.json's Argon2 parameters
// were used unchecked (below the floor, or impossible), and a routine reset replaced a vault.json
// it could not read.
import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, errorCode, tempDir, testHost } from './support/temp-vault'
import { Vault } from '../../main/core/vault/vault'
import { atLeastFloor, KDF_FLOOR } from '../../main/core/vault/kdf'
import { readHeader } from '../../main/core/vault/vault-header'
import { CaseVaultError } from '../../main/core/errors'

const BILAL = {
  username: 'bilal',
  displayName: 'Bilal Haddad',
  role: 'caseworker',
  passphrase: 'bilal passphrase 1',
}
const CHEN = {
  username: 'chen',
  displayName: 'Chen Wei',
  role: 'caseworker',
  passphrase: 'chen passphrase 22',
}

async function adminHost(dataDir = tempDir()) {
  const { host } = testHost(dataDir)
  await call(host, 'vault:create', ADMIN)
  return { host, dataDir }
}

interface HeaderJson {
  kdf: Record<string, unknown>
  slots: { username: string; kdf: { memoryKiB: number; iterations: number; parallelism: number } }[]
}

function editHeader(dataDir: string, edit: (header: HeaderJson) => void): void {
  const file = join(dataDir, 'vault.json')
  const header = JSON.parse(readFileSync(file, 'utf8')) as HeaderJson
  edit(header)
  writeFileSync(file, JSON.stringify(header, null, 2))
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof CaseVaultError ? error.code : `RAW:${String(error)}`),
  )
}

describe('vault.json is rewritten from a stale copy when two slot writes overlap', () => {
  // An admin creates two staff accounts in quick succession (or resets one passphrase while a
  // creation is still running Argon2 — 0.5 s or more in the app). Both calls read vault.json before
  // either wrote it; the one that finishes last writes its stale copy back, and the other user's
  // new slot is gone. Now: one of the two new users gets UNKNOWN_USER at unlock although the admin
  // screen lists them as active. Should: both users unlock with their passphrases.
  // Cause: main/core/vault/vault-slots.ts:23-41 (writeUserSlot reads the header, awaits Argon2,
  // then writes `withSlot(header, slot)` from the copy read before the wait; nothing serialises
  // slot writes). Fix: re-read vault.json after the wrap (or queue slot writes in Vault).
  it('two users created at the same time can both unlock afterwards', async () => {
    const { host } = await adminHost()
    const results = await Promise.all([
      host.dispatch('users:create', BILAL),
      host.dispatch('users:create', CHEN),
    ])
    expect(results.map((result) => result.ok)).toEqual([true, true])
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })).toBe(
      'OK',
    )
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'chen', passphrase: CHEN.passphrase })).toBe(
      'OK',
    )
  })

  // The admin double-clicks "Create user" (two identical users:create calls). Both pass the
  // "name taken?" check before either inserted the row; the second insert then fails on the
  // UNIQUE constraint and its clean-up deactivates the slot *of the user the first call created*
  // (main/core/users/user-service.ts:24-41: `vault.deactivateSlot(input.username)` in the catch).
  // Now: the second call returns INTERNAL, and the new colleague (listed as active) is told
  // USER_DEACTIVATED at unlock. Should: the second call gets CONFLICT and the created user unlocks.
  it('a double-submitted user creation leaves one working account and a CONFLICT, not a dead account', async () => {
    const { host } = await adminHost()
    const results = await Promise.all([
      host.dispatch('users:create', BILAL),
      host.dispatch('users:create', BILAL),
    ])
    const codes = results.map((result) => (result.ok ? 'OK' : result.error.code)).sort()
    expect.soft(codes).toEqual(['CONFLICT', 'OK'])
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })).toBe(
      'OK',
    )
  })
})

describe('wrong current passphrases at "Change my passphrase"', () => {
  // Someone finds a colleague's session unlocked (auto-lock is 10 minutes by default) and uses
  // the "Change my passphrase" form as a guessing oracle for the colleague's passphrase (to come
  // back later, or for the colleague's other accounts). The unlock screen allows 3 free attempts
  // and then doubles a wait (unlock-throttle.ts); this form answers WRONG_PASSPHRASE as fast as
  // Argon2 runs, for ever, and nothing is written to the audit log. Should: the same throttle
  // (TOO_MANY_ATTEMPTS) after a few failures. Cause: main/core/users/user-service.ts:82-84 and
  // main/core/vault/vault.ts:182-185 (verifyOwnPassphrase bypasses this.throttle).
  it('is throttled like the unlock screen', async () => {
    const { host } = await adminHost()
    const codes: string[] = []
    for (let attempt = 0; attempt < 8; attempt += 1) {
      codes.push(
        await errorCode(host, 'vault:changePassphrase', {
          currentPassphrase: `guess number ${attempt}`,
          newPassphrase: 'the thief’s own passphrase',
        }),
      )
    }
    expect(codes).toContain('TOO_MANY_ATTEMPTS')
  })
})

describe('a session outlives the deactivation of its user', () => {
  // The vault folder is opened by two programs at once (a shared drive, or the CLI beside the
  // app: in-use-marker.ts is written for exactly that). Bilal is signed in on one; the manager,
  // signed in on the other, deactivates him (he has just been dismissed). Now: Bilal's open
  // session goes on listing and reading survivors' cases until he locks. Should: his next call
  // is refused (USER_DEACTIVATED or LOCKED).
  // Cause: main/api/dispatch.ts:63-70 (checkAccess trusts `session.user`, a snapshot taken at
  // unlock in vault-session.ts:21; the users row is never read again). Fix: re-read the user's
  // row (active, role) in checkAccess and lock the session when it is gone or deactivated.
  it('a deactivated caseworker’s already-open session is refused on its next call', async () => {
    const { host: managerHost, dataDir } = await adminHost()
    await call(managerHost, 'users:create', BILAL)
    await call(managerHost, 'vault:lock')
    const { host: bilalHost } = testHost(dataDir)
    await call(bilalHost, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })
    expect(await errorCode(bilalHost, 'cases:list', {})).toBe('OK')

    await call(managerHost, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    await call(managerHost, 'users:deactivate', { username: 'bilal' })

    const after = await errorCode(bilalHost, 'cases:list', {})
    await call(bilalHost, 'vault:lock')
    await call(managerHost, 'vault:lock')
    expect(['USER_DEACTIVATED', 'LOCKED']).toContain(after)
  })
})

describe('an admin resets their own passphrase without knowing it', () => {
  // Amara leaves her admin session unlocked for a moment. Someone at her desk cannot use
  // "Change my passphrase" (it asks for the current one, users.test.ts), but "Reset passphrase"
  // on the admin screen accepts her own name: the passphrase is replaced without the current
  // one, and Amara is locked out of her own account. Should: users:resetPassphrase refuses the
  // caller's own account (CONFLICT/FORBIDDEN) — one changes one's own passphrase with the
  // current one. Cause: main/core/users/user-service.ts:64-73 (no `user.id === session.user.id`
  // check, unlike deactivate at line 47).
  it('users:resetPassphrase on one’s own account is refused and the current passphrase still works', async () => {
    const { host } = await adminHost()
    const code = await errorCode(host, 'users:resetPassphrase', {
      username: 'amara',
      newPassphrase: 'taken over by a passer-by',
    })
    expect(['CONFLICT', 'FORBIDDEN']).toContain(code)
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })).toBe(
      'OK',
    )
  })
})

describe('tampered Argon2 parameters in vault.json', () => {
  // Someone who can write the data folder (a shared drive, malware without the key) lowers the
  // header's Argon2 parameters — the ones new slots are made with — to 8 KiB and one pass. The
  // next passphrase change (or new user, or reset) silently wraps the database key with them,
  // and the attacker, copying vault.json later, guesses that passphrase offline thousands of
  // times faster. Now: the new slot has m=8 KiB, t=1. Should: the header's parameters below the
  // floor are refused (CORRUPT_HEADER) or never used below the floor. Cause:
  // main/core/vault/vault-slots.ts:24-29 (header.kdf used as read; the header fields are not
  // authenticated and not checked against KDF_FLOOR; the Vault was not created with
  // allowKdfBelowFloor).
  it('a passphrase change never wraps the key below the Argon2 floor because vault.json says so', async () => {
    const dataDir = tempDir()
    const vault = new Vault({ dataDir, kdf: KDF_FLOOR })
    await vault.create(ADMIN)
    try {
      editHeader(dataDir, (header) => {
        header.kdf = { algorithm: 'argon2id', version: 19, memoryKiB: 8, iterations: 1, parallelism: 1 }
      })
      const outcome = await codeOf(vault.writeSlot('amara', 'a brand new long passphrase'))
      expect(['OK', 'CORRUPT_HEADER']).toContain(outcome)
      const slot = readHeader(dataDir).slots.find((one) => one.username === 'amara')!
      expect(atLeastFloor(slot.kdf)).toBe(true)
    } finally {
      vault.lock('user')
    }
  })

  // vault.json edited so a slot asks for Argon2 memory of 1 KiB (an impossible value): unlock
  // fails with argon2's raw "Memory cost is too small", which the API turns into INTERNAL
  // "Something went wrong" — the manager is not told that vault.json is damaged or tampered with.
  // Should: CORRUPT_HEADER (at worst WRONG_PASSPHRASE, as for other altered parameters).
  // Cause: main/core/vault/vault-header.ts:15-21 (kdfSchema: any positive integer, no bounds).
  it('a slot with an impossible Argon2 memory size gives a clear error, not INTERNAL', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'vault:lock')
    editHeader(dataDir, (header) => {
      header.slots[0]!.kdf.memoryKiB = 1
    })
    expect(['CORRUPT_HEADER', 'WRONG_PASSPHRASE']).toContain(
      await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase }),
    )
  })

  // The same schema accepts 4 294 967 295 Argon2 passes (or 4 TiB of memory): the next unlock
  // then runs Argon2 for days with the unlock screen spinning and no message. Should: parameters
  // far beyond anything calibrateKdf makes (kdf.ts caps it at 256 MiB and 64 passes) are
  // CORRUPT_HEADER when vault.json is read. Cause: vault-header.ts:15-21.
  it('vault.json asking for billions of Argon2 passes is refused as damaged when read', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'vault:lock')
    editHeader(dataDir, (header) => {
      header.slots[0]!.kdf.iterations = 4_294_967_295
    })
    expect(() => readHeader(dataDir)).toThrow(expect.objectContaining({ code: 'CORRUPT_HEADER' }))
  })
})

describe('a routine slot write replaces a vault.json it cannot read', () => {
  // The vault folder is shared, and a newer CaseVault on another computer has rewritten vault.json
  // in its own format (formatVersion 2; every slot intact). Here the admin, still signed in,
  // resets Bilal's passphrase. Now: the reset answers OK and silently replaces vault.json with a
  // brand-new header (new vault id) holding Bilal's slot alone: every other colleague's slot,
  // the admin's own included, is gone without a copy, and the admin finds UNKNOWN_USER at the next
  // unlock. Should: while a session is open, a slot write refuses a vault.json it cannot read
  // (CORRUPT_HEADER) and leaves the file as it is; rebuilding belongs to the recovery-key unlock,
  // which the user chose for that. Cause: main/core/vault/vault-slots.ts:73-84 (headerOrRebuild
  // rebuilds on NO_VAULT or CORRUPT_HEADER for every caller of prepareUserSlot).
  it('users:resetPassphrase leaves a vault.json of a newer format alone, and the admin can still unlock', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'users:create', BILAL)
    const file = join(dataDir, 'vault.json')
    const newer = { ...JSON.parse(readFileSync(file, 'utf8')), formatVersion: 2 }
    writeFileSync(file, JSON.stringify(newer, null, 2))
    const before = readFileSync(file, 'utf8')

    const code = await errorCode(host, 'users:resetPassphrase', {
      username: 'bilal',
      newPassphrase: 'reset by the admin',
    })
    const after = readFileSync(file, 'utf8')
    expect(code).toBe('SCHEMA_TOO_NEW') // not damaged: written by a newer CaseVault
    expect(after).toBe(before)
  })
})
