import { describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { flipByte } from './support/flip-byte'
import { ADMIN, createdVault } from './support/temp-vault'
import { CaseVaultError } from '../../main/core/errors'
import type { VaultLockedReason } from '../../main/api/contract'

// A large vault's unlock checks every page on a worker thread, so Electron's main process keeps
// answering while it runs. Threshold 0 takes that path on a small test vault.
async function lockedVault() {
  const created = await createdVault({ integrityWorkerFromBytes: 0 })
  const session = created.vault.session()!
  session.db.transaction(() => {
    for (let i = 0; i < 200; i += 1) {
      session.users.insert(
        { username: `user${i}`, displayName: `Person ${i}`, role: 'caseworker' },
        '2026-01-01',
      )
    }
  })()
  created.vault.lock('user')
  return created.vault
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'OK'
  } catch (error) {
    if (error instanceof CaseVaultError) return error.code
    throw error
  }
}

describe('the unlock check on a worker thread', () => {
  it('opens a sound vault', async () => {
    const vault = await lockedVault()
    const session = await vault.unlock('amara', ADMIN.passphrase)
    expect(session.users.list().length).toBe(201)
  })

  it('refuses a vault with one altered byte, and stays locked', async () => {
    const vault = await lockedVault()
    const dbFile = join(vault.dataDir, 'casevault.db')
    const pages = statSync(dbFile).size / 4096
    flipByte(dbFile, 4096 * (pages - 2) + 100)
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('DB_CORRUPT')
    expect(vault.session()).toBeNull()
  })

  it('stays locked when the machine suspends while the unlock is still checking', async () => {
    const vault = await lockedVault()
    const heard: VaultLockedReason[] = []
    vault.onLocked((reason) => heard.push(reason))
    const unlocking = vault.unlock('amara', ADMIN.passphrase)
    vault.lock('suspend')
    expect(await codeOf(unlocking)).toBe('LOCKED')
    expect(vault.session()).toBeNull()
    expect(heard).toEqual(['suspend'])
    // The next unlock is not haunted by the old lock.
    const session = await vault.unlock('amara', ADMIN.passphrase)
    expect(session.user.username).toBe('amara')
  })
})
