import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, testHost } from './support/temp-vault'
import { contract } from '../../main/api/contract'
import { channels } from '../../main/api/contract/channels'
import { routes } from '../../main/api/dispatch'
import type { VaultStatus } from '../../main/api/contract'

async function hostWithStaff() {
  const { host, dataDir } = testHost()
  await call(host, 'vault:create', ADMIN)
  for (const role of ['supervisor', 'caseworker', 'analyst'] as const) {
    await call(host, 'users:create', {
      username: role,
      displayName: `A ${role}`,
      role,
      passphrase: `${role} passphrase 123`,
    })
  }
  await call(host, 'vault:lock')
  return { host, dataDir }
}

describe('the API contract', () => {
  it('has exactly one channel per contract method, and a route for each', () => {
    const fromContract = Object.fromEntries(
      Object.entries(contract).map(([area, methods]) => [area, Object.keys(methods)]),
    )
    expect(fromContract).toEqual(channels)
    expect([...routes.keys()].sort()).toEqual(
      Object.entries(channels)
        .flatMap(([area, methods]) => methods.map((name) => `${area}:${name}`))
        .sort(),
    )
  })

  it('reports absent → unlocked → locked through vault:status', async () => {
    const { host } = testHost()
    expect((await call<VaultStatus>(host, 'vault:status')).state).toBe('absent')
    await call(host, 'vault:create', ADMIN)
    const unlocked = await call<VaultStatus>(host, 'vault:status')
    expect(unlocked).toMatchObject({
      state: 'unlocked',
      user: { username: 'amara', role: 'admin' },
      organisation: ADMIN.organisation,
    })
    expect(unlocked.settings).toEqual({ autoLockMinutes: 10 })
    await call(host, 'vault:lock')
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({
      state: 'locked',
      user: null,
      settings: null,
    })
  })
})

describe('roles are enforced in main', () => {
  it('refuses every non-public method while locked with LOCKED', async () => {
    const { host } = await hostWithStaff()
    expect(await errorCode(host, 'users:list')).toBe('LOCKED')
    expect(await errorCode(host, 'audit:verify')).toBe('LOCKED')
    expect(await errorCode(host, 'vault:getSettings')).toBe('LOCKED')
  })

  it.each([
    ['caseworker', 'users:list', 'FORBIDDEN'],
    ['caseworker', 'users:create', 'FORBIDDEN'],
    ['caseworker', 'audit:list', 'FORBIDDEN'],
    ['analyst', 'users:resetPassphrase', 'FORBIDDEN'],
    ['analyst', 'audit:verify', 'FORBIDDEN'],
    ['supervisor', 'users:deactivate', 'FORBIDDEN'],
    ['supervisor', 'vault:updateSettings', 'FORBIDDEN'],
    ['supervisor', 'audit:verify', 'OK'],
    ['caseworker', 'vault:getSettings', 'OK'],
  ])('%s calling %s gets %s', async (role, channel, expected) => {
    const { host } = await hostWithStaff()
    await call(host, 'vault:unlock', { username: role, passphrase: `${role} passphrase 123` })
    const input =
      channel === 'users:create'
        ? { username: 'x1', displayName: 'X', role: 'admin', passphrase: 'p'.repeat(12) }
        : undefined
    expect(await errorCode(host, channel, input)).toBe(expected)
  })

  it('writes an audit row for every refused call', async () => {
    const { host } = await hostWithStaff()
    await call(host, 'vault:unlock', { username: 'caseworker', passphrase: 'caseworker passphrase 123' })
    await host.dispatch('users:list', undefined)
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    const entries = await call<{ action: string; actor: string; details: unknown }[]>(host, 'audit:list', {
      limit: 10,
    })
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'access.denied',
        actor: 'caseworker',
        details: { channel: 'users:list' },
      }),
    )
  })
})

describe('hostile payloads get VALIDATION, never a crash', () => {
  it.each([
    ['vault:unlock', null],
    ['vault:unlock', 'amara'],
    ['vault:unlock', { username: 'amara' }],
    ['vault:unlock', { username: 'a'.repeat(10_000), passphrase: 'x' }],
    ['vault:unlock', { username: 'amara', passphrase: 'x'.repeat(5_000) }],
    ['vault:unlock', { username: '../../etc/passwd', passphrase: 'x' }],
    ['vault:unlock', { username: { $gt: '' }, passphrase: 'x' }],
    ['vault:create', { ...ADMIN, passphrase: 'short' }],
    [
      'vault:unlockWithRecoveryKey',
      { recoveryKey: 'x'.repeat(500), username: 'amara', newPassphrase: 'long enough pass' },
    ],
  ])('%s with %j', async (channel, input) => {
    const { host } = await hostWithStaff()
    const result = await host.dispatch(channel, input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.details?.issues).toBeInstanceOf(Array)
    }
  })

  it('refuses unknown channels and prototype tricks with NOT_FOUND', async () => {
    const { host } = testHost()
    for (const channel of ['vault:nope', '__proto__', 'constructor:constructor', 'toString', 42]) {
      expect(await errorCode(host, channel as string)).toBe('NOT_FOUND')
    }
  })

  it('checks the role before it parses the payload (no schema probing when forbidden)', async () => {
    const { host } = await hostWithStaff()
    await call(host, 'vault:unlock', { username: 'analyst', passphrase: 'analyst passphrase 123' })
    expect(await errorCode(host, 'users:create', { nonsense: true })).toBe('FORBIDDEN')
  })
})
