import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, testHost } from './support/temp-vault'
import type { UserSummary } from '../../main/api/contract'

async function adminHost() {
  const { host, dataDir } = testHost()
  await call(host, 'vault:create', ADMIN)
  return { host, dataDir }
}

const caseworker = {
  username: 'bilal',
  displayName: 'Bilal Haddad',
  role: 'caseworker',
  passphrase: 'bilal passphrase 1',
}

describe('user administration', () => {
  it('creates a caseworker who can then unlock with their own passphrase', async () => {
    const { host } = await adminHost()
    const created = await call<UserSummary>(host, 'users:create', caseworker)
    expect(created).toMatchObject({ username: 'bilal', role: 'caseworker', active: true })
    await call(host, 'vault:lock')
    const status = await call<{ user: { role: string } }>(host, 'vault:unlock', {
      username: 'bilal',
      passphrase: caseworker.passphrase,
    })
    expect(status.user.role).toBe('caseworker')
  })

  it('refuses a duplicate user name, whatever its case, with CONFLICT', async () => {
    const { host } = await adminHost()
    await call(host, 'users:create', caseworker)
    expect(await errorCode(host, 'users:create', { ...caseworker, username: 'BILAL' })).toBe('CONFLICT')
  })

  it('deactivates a user: their unlock gets USER_DEACTIVATED and their slot holds no key any more', async () => {
    const { host, dataDir } = await adminHost()
    await call(host, 'users:create', caseworker)
    await call(host, 'users:deactivate', { username: 'bilal' })
    const { readFileSync } = await import('node:fs')
    const header = JSON.parse(readFileSync(`${dataDir}/vault.json`, 'utf8'))
    expect(header.slots.find((slot: { username: string }) => slot.username === 'bilal')).toMatchObject({
      status: 'deactivated',
      wrappedKey: '',
    })
    await call(host, 'vault:lock')
    expect(
      await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: caseworker.passphrase }),
    ).toBe('USER_DEACTIVATED')
  })

  it('will not deactivate yourself or the last active admin', async () => {
    const { host } = await adminHost()
    expect(await errorCode(host, 'users:deactivate', { username: 'amara' })).toBe('CONFLICT')
    await call(host, 'users:create', { ...caseworker, username: 'second', role: 'admin' })
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: 'second', passphrase: caseworker.passphrase })
    await call(host, 'users:deactivate', { username: 'amara' })
    expect(await errorCode(host, 'users:deactivate', { username: 'nobody' })).toBe('NOT_FOUND')
  })

  it('resets a passphrase: the old one stops working, the new one works', async () => {
    const { host } = await adminHost()
    await call(host, 'users:create', caseworker)
    await call(host, 'users:resetPassphrase', { username: 'bilal', newPassphrase: 'reset by the admin' })
    await call(host, 'vault:lock')
    expect(
      await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: caseworker.passphrase }),
    ).toBe('WRONG_PASSPHRASE')
    expect(
      await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: 'reset by the admin' }),
    ).toBe('OK')
  })

  it('changes your own passphrase only with the current one', async () => {
    const { host } = await adminHost()
    expect(
      await errorCode(host, 'vault:changePassphrase', {
        currentPassphrase: 'wrong',
        newPassphrase: 'another long one',
      }),
    ).toBe('WRONG_PASSPHRASE')
    await call(host, 'vault:changePassphrase', {
      currentPassphrase: ADMIN.passphrase,
      newPassphrase: 'another long one',
    })
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: 'another long one' })).toBe(
      'OK',
    )
  })

  it('audits user changes by id and role, never by passphrase', async () => {
    const { host } = await adminHost()
    await call(host, 'users:create', caseworker)
    await call(host, 'users:resetPassphrase', { username: 'bilal', newPassphrase: 'reset by the admin' })
    const entries = await call<unknown[]>(host, 'audit:list', { limit: 50 })
    const text = JSON.stringify(entries)
    expect(text).toContain('user.created')
    expect(text).toContain('user.passphrase_reset')
    expect(text).not.toContain('reset by the admin')
    expect(text).not.toContain(caseworker.passphrase)
  })
})

describe('settings and auto-lock', () => {
  it('saves the auto-lock minutes (admin) and locks after that much system idle time', async () => {
    const { host } = await adminHost()
    await call(host, 'vault:updateSettings', { autoLockMinutes: 5 })
    const reasons: string[] = []
    host.onLocked((reason) => reasons.push(reason))
    host.checkIdle(4 * 60)
    expect((await call<{ state: string }>(host, 'vault:status')).state).toBe('unlocked')
    host.checkIdle(5 * 60)
    expect((await call<{ state: string }>(host, 'vault:status')).state).toBe('locked')
    expect(reasons).toEqual(['idle'])
  })

  it('locks on suspend and tells listeners why', async () => {
    const { host } = await adminHost()
    const reasons: string[] = []
    host.onLocked((reason) => reasons.push(reason))
    host.lock('suspend')
    host.lock('suspend') // already locked: no second event
    expect(reasons).toEqual(['suspend'])
    expect(await errorCode(host, 'users:list')).toBe('LOCKED')
  })

  it('rejects out-of-range settings', async () => {
    const { host } = await adminHost()
    expect(await errorCode(host, 'vault:updateSettings', { autoLockMinutes: 0 })).toBe('VALIDATION')
    expect(await errorCode(host, 'vault:updateSettings', { autoLockMinutes: 100000 })).toBe('VALIDATION')
  })
})
