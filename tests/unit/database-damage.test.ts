import { describe, expect, it } from 'vitest'
import { readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { flipByte } from './support/flip-byte'
import { ADMIN, createdVault } from './support/temp-vault'
import { CaseVaultError } from '../../main/core/errors'

async function unlockCode(vault: Awaited<ReturnType<typeof createdVault>>['vault']): Promise<string> {
  try {
    await vault.unlock('amara', ADMIN.passphrase)
    return 'OK'
  } catch (error) {
    if (error instanceof CaseVaultError) return error.code
    throw error
  }
}

async function lockedVaultWithData() {
  const created = await createdVault()
  const session = created.vault.session()!
  session.db.transaction(() => {
    for (let i = 0; i < 300; i += 1) {
      session.users.insert(
        { username: `user${i}`, displayName: `Person ${i} `.repeat(20), role: 'caseworker' },
        '2026-01-01',
      )
    }
  })()
  created.vault.lock('user')
  return created
}

describe('a damaged or foreign database file', () => {
  it('reports DB_MISSING when casevault.db is gone, and creates nothing', async () => {
    const { vault } = await lockedVaultWithData()
    const dbFile = join(vault.dataDir, 'casevault.db')
    renameSync(dbFile, `${dbFile}.moved`)
    expect(await unlockCode(vault)).toBe('DB_MISSING')
    expect(() => statSync(dbFile)).toThrow()
  })

  it('reports DB_NOT_OURS for a database made by another vault', async () => {
    const { vault } = await lockedVaultWithData()
    const other = await createdVault()
    other.vault.lock('user')
    writeFileSync(
      join(vault.dataDir, 'casevault.db'),
      readFileSync(join(other.vault.dataDir, 'casevault.db')),
    )
    expect(await unlockCode(vault)).toBe('DB_NOT_OURS')
  })

  it('reports DB_NOT_OURS for a file that is not a database at all', async () => {
    const { vault } = await lockedVaultWithData()
    writeFileSync(join(vault.dataDir, 'casevault.db'), Buffer.alloc(8192, 'not a database'))
    expect(await unlockCode(vault)).toBe('DB_NOT_OURS')
  })

  it('reports DB_CORRUPT for a truncated database', async () => {
    const { vault } = await lockedVaultWithData()
    const dbFile = join(vault.dataDir, 'casevault.db')
    truncateSync(dbFile, Math.floor(statSync(dbFile).size / 2))
    expect(await unlockCode(vault)).toBe('DB_CORRUPT')
  })

  it('reports DB_CORRUPT when one byte of a page was altered (HMAC failure)', async () => {
    const { vault } = await lockedVaultWithData()
    const dbFile = join(vault.dataDir, 'casevault.db')
    const pages = statSync(dbFile).size / 4096
    expect(pages).toBeGreaterThan(4)
    flipByte(dbFile, 4096 * (pages - 2) + 100)
    expect(await unlockCode(vault)).toBe('DB_CORRUPT')
    expect(vault.session()).toBeNull()
  })
})
