// The database key on its way to a worker thread (the integrity check, the export shares). It is
// built as x'<hex>' in a Buffer without ever becoming a JS string (nothing can wipe a string), and
// it is moved into the worker (transferred), not copied: no copy stays behind in main, nor in the
// message that carries it. Every Worker the code starts is recorded here to check what it was given.
import { describe, expect, it, vi } from 'vitest'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type * as WorkerThreads from 'node:worker_threads'
import type { WorkerOptions } from 'node:worker_threads'
import { keyLiteral } from '../../main/core/db/connection'
import { integrityProblemsInWorker } from '../../main/core/db/integrity-worker'
import { runExport } from '../../main/core/export/export-service'
import { databasePath } from '../../main/core/vault/vault-header'
import { tempDir } from './support/temp-vault'
import { EXPORT_WORKER_FOR_TESTS } from './support/export-worker'
import { PLAINTEXT, vaultWithCases } from './support/export-fixtures'

const started = vi.hoisted(() => [] as WorkerOptions[])

vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof WorkerThreads>()
  class RecordedWorker extends actual.Worker {
    constructor(script: string | URL, options: WorkerOptions = {}) {
      super(script, options)
      started.push(options)
    }
  }
  return { ...actual, Worker: RecordedWorker }
})

/** The key bytes each recorded worker was given, and whether they were moved. */
function handedOverKeys(field: 'key' | 'keyLiteral') {
  return started.splice(0).map((options) => {
    const bytes = (options.workerData as Record<string, Uint8Array>)[field]!
    return {
      moved: options.transferList?.includes(bytes.buffer as ArrayBuffer) ?? false,
      leftInMain: bytes.byteLength,
    }
  })
}

describe('the key handed to a worker thread', () => {
  it('is written as x’<hex>’ digit by digit, never as a string, into memory of its own', () => {
    const key = randomBytes(32)
    const toString = vi.spyOn(Buffer.prototype, 'toString')
    try {
      const literal = keyLiteral(key)
      expect(toString.mock.contexts.some((self) => self === key)).toBe(false)
      expect(literal.toString('latin1')).toBe(`x'${key.toString('hex')}'`)
      expect(literal.byteOffset === 0 && literal.buffer.byteLength === literal.byteLength).toBe(true)
    } finally {
      toString.mockRestore()
    }
  })

  it('is moved, not copied, into the integrity check and into every export share', async () => {
    const { vault, session } = await vaultWithCases()
    const path = join(vault.dataDir, 'casevault.db')
    const key = vault.databaseKeyCopy()
    expect(await integrityProblemsInWorker(path, key)).toEqual([])
    expect(handedOverKeys('keyLiteral')).toEqual([{ moved: true, leftInMain: 0 }])

    await runExport(
      session,
      { format: 'htcds-json', protection: PLAINTEXT, scope: {} },
      join(tempDir(), 'shares.json'),
      {
        workers: {
          script: EXPORT_WORKER_FOR_TESTS,
          databasePath: databasePath(vault.dataDir),
          keyCopy: () => vault.databaseKeyCopy(),
          live: session.db,
          shares: 2,
        },
      },
    )
    expect(handedOverKeys('key')).toEqual([
      { moved: true, leftInMain: 0 },
      { moved: true, leftInMain: 0 },
    ])
    key.fill(0)
    vault.lock('user')
  })
})
