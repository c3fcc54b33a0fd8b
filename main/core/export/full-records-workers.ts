// The full-record exports read and written on worker threads, in shares of the case-id range
// (export-worker.ts), joined here in order. On a 2-core machine two shares took a 100k-case HTCDS
// JSON export from ~2.5 s to ~1.7 s, and main only receives finished chunks meanwhile.
//
// One moment for every share. Each worker holds its own read transaction, so each sees the vault
// as it was when its transaction began. Every write to the vault goes through the vault's own
// connection in main (`live`), whose total_changes() grows with each row written. It is read
// before the workers start and again once every share has begun: if it did not move, no write
// came in between and every share saw the same moment. Only then are the workers told to read
// (they wait with their transaction open). If it moved, the workers are stopped before reading a
// case and started again; after a few tries one share does it all (one share is one moment).
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { CaseVaultError } from '../errors'
import { errorCodes, type ErrorCode } from '../../api/contract/errors'
import type { VaultDatabase } from '../db/connection'
import type { ExportScope } from '../../api/contract/export'
import { ALL_CASE_IDS, type CaseIdRange } from './full-records-stream'
import type { GoMessage, ShareFormat, ShareJob, ShareMessage, TableShare } from './export-worker-protocol'
import type { ChunkedBundleEntry } from './tar-bundle'

export interface WorkerReading {
  /** The built export-worker.js (export-worker-script.ts). */
  script: URL | string
  databasePath: string
  /** A copy of the database key: each worker gets its own copy, and this one is wiped at once. */
  keyCopy: () => Buffer
  /** The vault's own connection: the split is computed on it, and its writes are watched. */
  live: VaultDatabase
  /** How many shares (default: by cases and cores; tests set it). */
  shares?: number
  /** Cases per batch in each worker (tests use a small one). */
  batchSize?: number
  /** Tests only: called as each attempt starts (1, 2…). */
  onAttempt?: (attempt: number) => void
  /** Tests only: every share has its moment and none has read a case yet. */
  onSharesBegun?: () => void
}

export interface ReadOptions {
  signal?: AbortSignal | undefined
  /** Cases read so far / cases in scope. */
  onProgress?: ((fraction: number) => void) | undefined
}

export interface SharesRead {
  cases: number
  /** Per share, in order: for JSON its cases' text, for CSV its tables. */
  chunks: Buffer[][]
  tables: ChunkedBundleEntry[][]
}

/** Attempts with several shares before one share reads it all. */
const MAX_SPLIT_ATTEMPTS = 3
/** Below this a second worker costs more to start than it saves. */
const MIN_CASES_PER_SHARE = 2000

export function defaultShares(cases: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores, Math.floor(cases / MIN_CASES_PER_SHARE)))
}

const totalChanges = (db: VaultDatabase) => db.prepare('SELECT total_changes()').pluck().get() as number

/** The lowest and highest case id (both ends of the table's b-tree: no scan). */
function caseIdBounds(db: VaultDatabase): { low: number; high: number } | null {
  const row = db.prepare('SELECT min(id) AS low, max(id) AS high FROM cases').get() as {
    low: number | null
    high: number | null
  }
  return row.low === null || row.high === null ? null : { low: row.low, high: row.high }
}

/**
 * `count` consecutive ranges of case ids, of equal width between the lowest and highest id. By id
 * rather than by cases in scope: finding the id at each count of cases in scope read every case
 * row in main (~0.15 s at 100k) before any worker could start, and ids are dense (cases are
 * added, rarely removed). A narrow scope may fall mostly in one range: still right, less parallel.
 */
export function splitCaseIds(db: VaultDatabase, count: number): CaseIdRange[] {
  const bounds = caseIdBounds(db)
  if (!bounds || count <= 1) return [ALL_CASE_IDS]
  const width = (bounds.high - bounds.low + 1) / count
  const ranges: CaseIdRange[] = []
  let after = ALL_CASE_IDS.after
  for (let range = 1; range < count; range += 1) {
    const through = bounds.low - 1 + Math.floor(width * range)
    if (through < bounds.low || through <= after || through >= bounds.high) continue
    ranges.push({ after, through })
    after = through
  }
  ranges.push({ after, through: ALL_CASE_IDS.through })
  return ranges
}

/** Workers for an export: by cases in the vault (estimated from the ids) and cores. */
function workersFor(db: VaultDatabase): number {
  const bounds = caseIdBounds(db)
  return defaultShares(bounds ? bounds.high - bounds.low + 1 : 0)
}

function workerFailure(message: Extract<ShareMessage, { type: 'failed' }>): CaseVaultError {
  const code = (errorCodes as readonly string[]).includes(message.code ?? '')
    ? (message.code as ErrorCode)
    : null
  return code
    ? new CaseVaultError(code, message.message)
    : new CaseVaultError('INTERNAL', 'The export could not read the vault.', { reason: message.message })
}

const asBuffers = (chunks: readonly Uint8Array[]) =>
  chunks.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))

interface RunningShares {
  /** Every share has begun its read transaction. */
  ready: Promise<void>
  finished: Promise<SharesRead>
  /** Lets every share read. */
  go(): void
  stop(): void
}

function startShares(
  format: ShareFormat,
  scope: ExportScope,
  ranges: readonly CaseIdRange[],
  reading: WorkerReading,
  onProgress: (fraction: number) => void,
): RunningShares {
  const workers: Worker[] = []
  const inScope = ranges.map(() => 0)
  const read = ranges.map(() => 0)
  const chunks: Buffer[][] = ranges.map(() => [])
  const tables: ChunkedBundleEntry[][] = ranges.map(() => [])
  let readyCount = 0
  let onReady!: () => void
  let onFinished!: (value: SharesRead) => void
  let onFailed!: (error: Error) => void
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  const finished = new Promise<SharesRead>((resolve, reject) => {
    onFinished = resolve
    onFailed = reject
  })
  finished.catch(() => undefined) // the caller may stop before it awaits this
  const done = ranges.map(() => false)
  let settled = false
  const stop = () => {
    settled = true
    for (const worker of workers) void worker.terminate()
  }
  const fail = (error: Error) => {
    if (settled) return
    stop()
    onFailed(error)
    onReady() // whoever waits for `ready` goes on to `finished`, which fails
  }
  const key = reading.keyCopy()
  try {
    ranges.forEach((ids, share) => {
      const job: ShareJob = {
        databasePath: reading.databasePath,
        key: Uint8Array.from(key),
        scope,
        ids,
        format,
        first: share === 0,
        batchSize: reading.batchSize,
      }
      const worker = new Worker(reading.script, { workerData: job })
      job.key.fill(0) // the worker got its own copy, which it wipes
      workers.push(worker)
      worker.on('message', (message: ShareMessage) => {
        if (settled) return
        switch (message.type) {
          case 'ready':
            inScope[share] = message.cases
            readyCount += 1
            if (readyCount === ranges.length) onReady()
            return
          case 'read': {
            read[share] = message.cases
            chunks[share]!.push(...asBuffers(message.chunks))
            const total = inScope.reduce((sum, n) => sum + n, 0)
            onProgress(total > 0 ? Math.min(1, read.reduce((sum, n) => sum + n, 0) / total) : 1)
            return
          }
          case 'done':
            read[share] = message.cases
            tables[share] = message.tables.map((table: TableShare) => ({
              name: table.name,
              chunks: asBuffers(table.chunks),
            }))
            done[share] = true
            if (done.every(Boolean)) {
              settled = true
              onFinished({ cases: read.reduce((sum, n) => sum + n, 0), chunks, tables })
            }
            return
          case 'failed':
            fail(workerFailure(message))
        }
      })
      worker.on('error', (error) =>
        fail(
          new CaseVaultError('INTERNAL', 'The export could not read the vault.', { reason: error.message }),
        ),
      )
      worker.on('exit', (code) => {
        if (!done[share])
          fail(new CaseVaultError('INTERNAL', 'The export stopped early.', { exitCode: code }))
      })
    })
  } finally {
    key.fill(0)
  }
  const go = () => {
    const message: GoMessage = { type: 'go' }
    for (const worker of workers) worker.postMessage(message)
  }
  return { ready, finished, go, stop }
}

/** Waits for `promise`, or rejects with the signal's reason (after `onAbort`) when it aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void) {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort()
      reject(signal.reason as Error)
    }
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

/** Reads and writes every case in scope in `format`, in shares on worker threads. */
export async function readFullRecordsInWorkers(
  format: ShareFormat,
  scope: ExportScope,
  reading: WorkerReading,
  options: ReadOptions = {},
): Promise<SharesRead> {
  const wanted = reading.shares ?? workersFor(reading.live)
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted()
    reading.onAttempt?.(attempt)
    const shares = attempt <= MAX_SPLIT_ATTEMPTS ? wanted : 1
    const before = totalChanges(reading.live)
    const running = startShares(format, scope, splitCaseIds(reading.live, shares), reading, (fraction) =>
      options.onProgress?.(fraction),
    )
    await untilAborted(running.ready, options.signal, running.stop)
    if (shares > 1 && totalChanges(reading.live) !== before) {
      running.stop() // someone saved while the shares began: their moments may differ
      continue
    }
    reading.onSharesBegun?.()
    running.go()
    return untilAborted(running.finished, options.signal, running.stop)
  }
}
