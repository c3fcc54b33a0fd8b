// The full-record exports as the app runs them now: read and written on worker threads, in
// shares of the case-id range, joined in main (export-workers.ts), with the real built
// worker (tests/config/export-worker-setup.ts). The file must be byte for byte what the one-go
// read writes, for any number of shares; every share must see the same moment even when someone
// saves meanwhile; Cancel and a worker's failure must leave no file.
import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import type { Worker } from 'node:worker_threads'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { databasePath } from '../../main/core/vault/vault-header'
import { runExport, type ExportOptions } from '../../main/core/export/export-service'
import { defaultShares, splitCaseIds, type WorkerReading } from '../../main/core/export/export-workers'
import { createCaseService } from '../../main/core/cases/case-service'
import { tempDir } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import {
  EXPORT_CASES as CASES,
  PLAINTEXT as plaintext,
  exportedPlaintext as exported,
  vaultWithCases,
  type ExportSetup,
} from './support/export-fixtures'
import { EXPORT_WORKER_FOR_TESTS } from './support/export-worker'
import { createCaseInput } from '../../main/api/contract'

type Setup = ExportSetup

function inWorkers(setup: Setup, more: Partial<WorkerReading> = {}): WorkerReading {
  return {
    script: EXPORT_WORKER_FOR_TESTS,
    databasePath: databasePath(setup.vault.dataDir),
    keyCopy: () => setup.vault.databaseKeyCopy(),
    live: setup.session.db,
    batchSize: 2,
    ...more,
  }
}

const casesIn = (bytes: Buffer) => (JSON.parse(bytes.toString('utf8')) as { cases: unknown[] }).cases

async function withVault(test: (setup: Setup) => Promise<void>) {
  const setup = await vaultWithCases()
  try {
    await test(setup)
  } finally {
    setup.vault.lock('user')
  }
}

describe('full-record exports on worker threads', () => {
  it('write the same bytes as the one-go read, in one share or several, for JSON and CSV', () =>
    withVault(async (setup) => {
      for (const format of ['htcds-json', 'htcds-csv'] as const) {
        const inOneGo = await exported(setup, format)
        for (const shares of [1, 2, 3, 7]) {
          const split = await exported(setup, format, { workers: inWorkers(setup, { shares }) })
          expect(split.outcome.rows).toBe(CASES)
          expect(split.bytes.equals(inOneGo.bytes), `${format} in ${shares} shares`).toBe(true)
        }
      }
    }))

  it('see one moment: a case saved once the shares have begun is in none of them', () =>
    withVault(async (setup) => {
      const fractions: number[] = []
      const { outcome, bytes } = await exported(setup, 'htcds-json', {
        workers: inWorkers(setup, {
          shares: 2,
          batchSize: 1,
          // Every share holds its read transaction and none has read a case yet: the new case
          // (the highest id, in the last share's range) would be read without the transaction.
          onSharesBegun: () => createCaseService(setup.session).create(createCaseInput.parse(survivorCase())),
        }),
        onProgress: (stage, fraction) => {
          if (stage === 'read' && fraction !== null) fractions.push(fraction)
        },
      })
      expect(outcome.rows).toBe(CASES)
      expect(casesIn(bytes)).toHaveLength(CASES)
      expect(fractions.at(-1)).toBe(1)
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
      expect((await exported(setup, 'htcds-json')).outcome.rows).toBe(CASES + 1)
    }))

  it('start the shares again when a save lands before every share has begun', () =>
    withVault(async (setup) => {
      const attempts: number[] = []
      const file = join(tempDir(), 'retried.json')
      const running = runExport(
        setup.session,
        { format: 'htcds-json', protection: plaintext, scope: {} },
        file,
        {
          workers: inWorkers(setup, { shares: 2, onAttempt: (attempt) => attempts.push(attempt) }),
        },
      )
      // The workers are starting (that takes a turn of the event loop at least); a save now may
      // or may not be seen by each share, so the first attempt must not be used.
      createCaseService(setup.session).create(createCaseInput.parse(survivorCase()))
      const outcome = await running
      expect(attempts).toEqual([1, 2])
      expect(outcome.rows).toBe(CASES + 1)
      expect(casesIn(readFileSync(file))).toHaveLength(CASES + 1)
    }))

  it('stop on Cancel, writing no file', () =>
    withVault(async (setup) => {
      for (const format of ['htcds-json', 'htcds-csv'] as const) {
        const controller = new AbortController()
        const file = join(tempDir(), `cancelled-${format}`)
        const running = runExport(setup.session, { format, protection: plaintext, scope: {} }, file, {
          workers: inWorkers(setup, { shares: 2, batchSize: 1 }),
          signal: controller.signal,
          onProgress: (stage, fraction) => {
            if (stage === 'read' && fraction !== null) controller.abort()
          },
        })
        await expect(running).rejects.toThrow()
        expect(existsSync(file)).toBe(false)
      }
    }))

  it('report a worker that cannot open the database by its code, writing no file', () =>
    withVault(async (setup) => {
      const file = join(tempDir(), 'wrong-key.json')
      const running = runExport(
        setup.session,
        { format: 'htcds-json', protection: plaintext, scope: {} },
        file,
        {
          workers: inWorkers(setup, { shares: 2, keyCopy: () => randomBytes(32) }),
        },
      )
      await expect(running).rejects.toMatchObject({ code: 'DB_NOT_OURS' })
      expect(existsSync(file)).toBe(false)
    }))

  it('leave no worker running once an export has ended, failed or been cancelled', () =>
    withVault(async (setup) => {
      // Their connections to the database must be closed before the caller goes on: a lock, or a
      // restore swapping the data folder, may come next.
      const started: Worker[] = []
      const onWorker = (worker: Worker) => started.push(worker)
      process.on('worker', onWorker)
      try {
        const allGone = () => {
          expect(started.length).toBeGreaterThan(0)
          expect(started.map((worker) => worker.threadId)).toEqual(started.map(() => -1))
          started.length = 0
        }
        for (const format of ['htcds-json', 'htcds-csv'] as const) {
          const run = (options: ExportOptions) =>
            runExport(
              setup.session,
              { format, protection: plaintext, scope: {} },
              join(tempDir(), `any-${format}`),
              options,
            )
          await run({ workers: inWorkers(setup, { shares: 2 }) })
          allGone()
          await expect(
            run({ workers: inWorkers(setup, { shares: 2, keyCopy: () => randomBytes(32) }) }),
          ).rejects.toThrow()
          allGone()
          const controller = new AbortController()
          const cancelled = run({
            workers: inWorkers(setup, { shares: 2, batchSize: 1 }),
            signal: controller.signal,
            onProgress: (stage, fraction) => {
              if (stage === 'read' && fraction !== null) controller.abort()
            },
          })
          await expect(cancelled).rejects.toThrow()
          allGone()
        }
      } finally {
        process.off('worker', onWorker)
      }
    }))

  it('split the case ids into consecutive ranges that hold every case once', () =>
    withVault(async (setup) => {
      const ids = setup.session.db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[]
      for (const count of [1, 2, 3, 5, 9]) {
        const ranges = splitCaseIds(setup.session.db, count)
        expect(ranges.length).toBeLessThanOrEqual(Math.min(count, CASES))
        expect(ranges[0]!.after).toBe(Number.MIN_SAFE_INTEGER)
        expect(ranges.at(-1)!.through).toBe(Number.MAX_SAFE_INTEGER)
        ranges.slice(1).forEach((range, index) => expect(range.after).toBe(ranges[index]!.through))
        const perRange = ranges.map((range) => ids.filter((id) => id > range.after && id <= range.through))
        expect(perRange.flat()).toEqual(ids)
        // Equal widths over dense ids: no range is empty, none has more than its share plus one.
        for (const range of perRange) {
          expect(range.length).toBeGreaterThan(0)
          expect(range.length).toBeLessThanOrEqual(Math.ceil(CASES / ranges.length) + 1)
        }
      }
      expect(defaultShares(500, 8)).toBe(1)
      expect(defaultShares(100_000, 2)).toBe(2)
      expect(defaultShares(100_000, 16)).toBe(4)
    }))
})
