// Reviewing helper (user and role administration): checks the code passes, kept as regression
// tests. The defects found are in users-review.test.ts.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ADMIN, call, errorCode, tempDir, testHost } from './support/temp-vault'
import type { AuditEntry, UserSummary } from '../../main/api/contract'

const hooks = vi.hoisted(() => ({ afterHash: null as null | (() => void) }))
vi.mock('argon2', async (importOriginal) => {
  const original = (await importOriginal()) as { default: { hash: (...args: unknown[]) => Promise<unknown> } }
  const hash = async (...args: unknown[]) => {
    const result = await original.default.hash(...args)
    if (hooks.afterHash) hooks.afterHash()
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
const RESET_TO = 'quiet walnut ferry orbit 1987'

async function withBilal() {
  const dataDir = tempDir()
  const { host } = testHost(dataDir)
  const { recoveryKey } = await call<{ recoveryKey: string }>(host, 'vault:create', ADMIN)
  await call(host, 'users:create', BILAL)
  return { host, dataDir, recoveryKey }
}

const actions = async (host: Awaited<ReturnType<typeof withBilal>>['host']) =>
  (await call<AuditEntry[]>(host, 'audit:list', { limit: 500 })).map((entry) => entry.action)

describe('held: user administration', () => {
  it('a lock during a reset’s key derivation changes nothing: the old passphrase unlocks, no reset is audited', async () => {
    const { host } = await withBilal()
    hooks.afterHash = () => host.lock('idle')
    const reset = await host.dispatch('users:resetPassphrase', { username: 'bilal', newPassphrase: RESET_TO })
    hooks.afterHash = null
    expect(reset.ok).toBe(false)
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })).toBe(
      'OK',
    )
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(await actions(host)).not.toContain('user.passphrase_reset')
  })

  it('a deactivation vault.json cannot take is not half made: the user stays active, nothing audited', async () => {
    const { host, dataDir } = await withBilal()
    const headerFile = join(dataDir, 'vault.json')
    const original = readFileSync(headerFile, 'utf8')
    writeFileSync(headerFile, JSON.stringify({ ...JSON.parse(original), formatVersion: 2 }))
    expect(await errorCode(host, 'users:deactivate', { username: 'bilal' })).toBe('SCHEMA_TOO_NEW')
    writeFileSync(headerFile, original)
    const bilal = (await call<UserSummary[]>(host, 'users:list')).find((user) => user.username === 'bilal')
    expect(bilal?.active).toBe(true)
    expect(await actions(host)).not.toContain('user.deactivated')
  })

  it('user names with SQL wildcards or spaces deactivate nobody else', async () => {
    const { host } = await withBilal()
    for (const username of ['b_lal', 'bil%', 'bilal%', "bilal' --"]) {
      expect(['NOT_FOUND', 'VALIDATION']).toContain(await errorCode(host, 'users:deactivate', { username }))
    }
    expect(await errorCode(host, 'users:deactivate', { username: '  BILAL ' })).toBe('OK')
    const listed = await call<UserSummary[]>(host, 'users:list')
    expect(listed.map((user) => [user.username, user.active])).toEqual([
      ['amara', true],
      ['bilal', false],
    ])
  })

  it('after an admin’s reset the recovery key still lets the user choose a passphrase, and the reset one stops', async () => {
    const { host, recoveryKey } = await withBilal()
    await call(host, 'users:resetPassphrase', { username: 'bilal', newPassphrase: RESET_TO })
    const mine = 'copper meadow lantern drift 7'
    await call(host, 'vault:unlockWithRecoveryKey', { recoveryKey, username: 'bilal', newPassphrase: mine })
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: RESET_TO })).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: mine })).toBe('OK')
  })

  it('a supervisor’s list of assignees carries names and roles only, and the user list is refused', async () => {
    const { host } = await withBilal()
    await call(host, 'users:create', {
      username: 'sara',
      displayName: 'Sara Kim',
      role: 'supervisor',
      passphrase: 'violet harbour drum sixty 4',
    })
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: 'sara', passphrase: 'violet harbour drum sixty 4' })
    const assignees = await call<Record<string, unknown>[]>(host, 'users:assignable')
    expect(assignees.every((one) => Object.keys(one).sort().join() === 'displayName,id,role')).toBe(true)
    for (const channel of ['users:list', 'users:create', 'users:deactivate', 'users:resetPassphrase'])
      expect(await errorCode(host, channel, { username: 'bilal' })).toBe('FORBIDDEN')
  })
})
