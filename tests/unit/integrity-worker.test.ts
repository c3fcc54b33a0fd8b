import { describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { flipByte } from './support/flip-byte'
import { createdVault } from './support/temp-vault'
import { integrityProblems, openEncryptedDatabase } from '../../main/core/db/connection'
import {
  BASE_CHECK_CACHE_KIB,
  checkIntegrityInWorker,
  integrityCacheKiB,
  integrityProblemsInWorker,
} from '../../main/core/db/integrity-worker'
import { CaseVaultError } from '../../main/core/errors'

async function lockedVaultFile() {
  const { vault } = await createdVault()
  const session = vault.session()!
  session.db.transaction(() => {
    for (let i = 0; i < 300; i += 1)
      session.users.insert(
        { username: `user${i}`, displayName: `Person ${i} `.repeat(20), role: 'caseworker' },
        '2026-01-01',
      )
  })()
  const key = vault.databaseKeyCopy()
  vault.lock('user')
  return { path: join(vault.dataDir, 'casevault.db'), key }
}

describe('integrity_check on a worker thread', () => {
  it('says a sound vault is sound, and leaves the caller’s key intact', async () => {
    const { path, key } = await lockedVaultFile()
    const copy = Buffer.from(key)
    expect(await integrityProblemsInWorker(path, key)).toEqual([])
    expect(key).toEqual(copy)
  })

  it('reports a damaged page as the main-thread check does', async () => {
    const { path, key } = await lockedVaultFile()
    flipByte(path, statSync(path).size - 3000) // inside the last page: its HMAC no longer matches
    const problems = await integrityProblemsInWorker(path, key)
    expect(problems.length).toBeGreaterThan(0)
    const db = openEncryptedDatabase(path, key, { create: false })
    try {
      expect(integrityProblems(db).length).toBeGreaterThan(0)
    } finally {
      db.close()
    }
  })

  it('reports a wrong key as a problem, not a pass', async () => {
    const { path } = await lockedVaultFile()
    expect((await integrityProblemsInWorker(path, Buffer.alloc(32, 7))).length).toBeGreaterThan(0)
  })

  it('stops with CANCELLED when aborted', async () => {
    const { path, key } = await lockedVaultFile()
    const controller = new AbortController()
    const check = integrityProblemsInWorker(path, key, controller.signal)
    controller.abort()
    const error = await check.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CaseVaultError)
    expect((error as CaseVaultError).code).toBe('CANCELLED')
  })

  it('checks with a cache the size of the file when memory allows, else the connection’s 64 MiB', async () => {
    const { path, key } = await lockedVaultFile()
    const size = statSync(path).size
    const roomy = await checkIntegrityInWorker(path, key, { freeBytes: 64 * size })
    expect(roomy).toEqual({ problems: [], cacheKiB: Math.ceil((size * 1.1) / 1024) })
    const tight = await checkIntegrityInWorker(path, key, { freeBytes: size })
    expect(tight).toEqual({ problems: [], cacheKiB: BASE_CHECK_CACHE_KIB })
  })
})

describe('integrityCacheKiB', () => {
  const MiB = 1024 ** 2
  it('takes the whole file (plus a tenth for the cache’s own bookkeeping) within a quarter of free memory', () => {
    expect(integrityCacheKiB(640 * MiB, 8 * 1024 * MiB)).toBe(Math.ceil((640 * MiB * 1.1) / 1024))
  })
  it('falls back to 64 MiB when the file would take more than a quarter of free memory, or over 2 GiB', () => {
    expect(integrityCacheKiB(640 * MiB, 2 * 1024 * MiB)).toBe(BASE_CHECK_CACHE_KIB)
    expect(integrityCacheKiB(3 * 1024 * MiB, 64 * 1024 * MiB)).toBe(BASE_CHECK_CACHE_KIB)
  })
})
