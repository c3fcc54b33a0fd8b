// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiResult, VaultLockedReason, VaultStatus } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { ApiError } from '../../renderer/src/api-error'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { useUsersStore } from '../../renderer/src/stores/users'

const unlockedAdmin: VaultStatus = {
  state: 'unlocked',
  user: { id: 1, username: 'amina.admin', displayName: 'Amina Okafor', role: 'admin' },
  settings: { autoLockMinutes: 10 },
  organisation: 'Safe Harbour Network',
}

/** A stand-in for the transport: window.casevault as the preload exposes it, answering from a script. */
function installClient(answers: { unlock: ApiResult<VaultStatus> }) {
  let lockedListener: ((reason: VaultLockedReason) => void) | null = null
  const client = {
    vault: {
      status: vi.fn(async () => ({ ok: true, value: { ...unlockedAdmin, state: 'locked', user: null } })),
      unlock: vi.fn(async () => answers.unlock),
    },
    users: { list: vi.fn(async () => ({ ok: true, value: [] })) },
    onLocked: (listener: (reason: VaultLockedReason) => void) => {
      lockedListener = listener
      return () => {
        lockedListener = null
      }
    },
  }
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
  return { client, fireLocked: (reason: VaultLockedReason) => lockedListener?.(reason) }
}

describe('the session store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('turns { ok: false } into an ApiError carrying the code, and stays locked', async () => {
    installClient({
      unlock: { ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'wrong passphrase' } },
    })
    const vault = useVaultStore()
    await vault.refresh()

    const attempt = vault.unlock({ username: 'amina.admin', passphrase: 'not it at all' })
    await expect(attempt).rejects.toBeInstanceOf(ApiError)
    await expect(attempt).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(vault.state).toBe('locked')
    expect(vault.user).toBeNull()
  })

  it('keeps the signed-in user from a successful unlock', async () => {
    installClient({ unlock: { ok: true, value: unlockedAdmin } })
    const vault = useVaultStore()
    await vault.unlock({ username: 'amina.admin', passphrase: 'lantern orchard river 42' })
    expect(vault.state).toBe('unlocked')
    expect(vault.isAdmin).toBe(true)
  })

  it('forgets the session in every store when main locks the vault, and remembers why', async () => {
    const { fireLocked } = installClient({ unlock: { ok: true, value: unlockedAdmin } })
    const vault = useVaultStore()
    const users = useUsersStore()
    await vault.unlock({ username: 'amina.admin', passphrase: 'lantern orchard river 42' })
    await users.load()
    expect(users.loaded).toBe(true)

    const onLocked = vi.fn()
    vault.listenForLocks(onLocked)
    fireLocked('idle')

    expect(onLocked).toHaveBeenCalledWith('idle')
    expect(vault.state).toBe('locked')
    expect(vault.user).toBeNull()
    expect(vault.lockReason).toBe('idle')
    expect(vault.autoLockMinutes).toBe(10)
    expect(users.loaded).toBe(false)
    // Every store is new after a lock, not only the ones with a reset().
    expect(useUsersStore()).not.toBe(users)
  })
})
