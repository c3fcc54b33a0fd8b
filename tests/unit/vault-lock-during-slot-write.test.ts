// Found by a reviewing helper (failed before). Changing one's own passphrase derives the new slot's
// key with Argon2 (≥ 0.5 s in the app); a lock then (the lid closed right after "Save", idle time)
// zeroed the database-key Buffer the slot was wrapping, and neither passphrase opened the vault
// again. The slot now wraps a copy, and is not written once the session is gone.
import { describe, expect, it, vi } from 'vitest'
import { call } from './support/temp-vault'
import { CASEWORKER, staffedHost } from './support/case-fixtures'

const hooks = vi.hoisted(() => ({ beforeHash: null as null | (() => void) }))
vi.mock('argon2', async (importOriginal) => {
  const original = (await importOriginal()) as { default: { hash: (...args: unknown[]) => Promise<unknown> } }
  const hash = async (...args: unknown[]) => {
    const result = await original.default.hash(...args)
    const hook = hooks.beforeHash
    if (hook) hook() // the lock lands while this derivation is still running
    return result
  }
  return { ...original, default: { ...original.default, hash } }
})

describe('a lock while changing one’s own passphrase', () => {
  it('leaves the user able to unlock with the old or the new passphrase', async () => {
    const { host } = await staffedHost('bilal')
    const newPassphrase = 'bilal brand new passphrase'
    let derivations = 0
    hooks.beforeHash = () => {
      derivations += 1
      if (derivations === 2) host.lock('idle') // 1: checking the current passphrase; 2: the new slot
    }
    await host.dispatch('vault:changePassphrase', {
      currentPassphrase: CASEWORKER.passphrase,
      newPassphrase,
    })
    hooks.beforeHash = null
    const withNew = await host.dispatch('vault:unlock', { username: 'bilal', passphrase: newPassphrase })
    if (withNew.ok) await call(host, 'vault:lock')
    const withOld = await host.dispatch('vault:unlock', {
      username: 'bilal',
      passphrase: CASEWORKER.passphrase,
    })
    const codes = { new: withNew.ok ? 'OK' : withNew.error.code, old: withOld.ok ? 'OK' : withOld.error.code }
    expect(derivations).toBeGreaterThanOrEqual(2)
    expect(codes.new === 'OK' || codes.old === 'OK', JSON.stringify(codes)).toBe(true)
  })
})
