import { describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { flipByte } from './support/flip-byte'
import { createdVault } from './support/temp-vault'
import { integrityProblems, openEncryptedDatabase } from '../../main/core/db/connection'
import { integrityProblemsInWorker } from '../../main/core/db/integrity-worker'
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
})
