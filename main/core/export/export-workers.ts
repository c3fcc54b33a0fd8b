// The full-record exports made on worker threads (export-worker.ts; started by
// export-worker-pool.ts), in shares of the case-id range joined in order by the caller: on a
// 2-core machine two shares took a 100k-case HTCDS JSON export from ~2.7 s to ~1.9 s, and main
// only receives finished chunks meanwhile.
//
// One moment for every share. Each worker holds its own read transaction, so each sees the vault
// as it was when its transaction began. Every write to the vault goes through the vault's own
// connection in main (`live`), whose total_changes() grows with each row written. It is read
// before the workers start and again once every share has begun: if it did not move, no write
// came in between and every share saw the same moment. Only then are the workers told to read
// (they wait with their transaction open). If it moved, the workers are stopped before reading a
// case and started again; after a few tries one share does it all (one share is one moment).
import { availableParallelism } from 'node:os'
import type { VaultDatabase } from '../db/connection'
import type { ExportScope } from '../../api/contract/export'
import { ALL_CASE_IDS, type CaseIdRange } from './full-records-stream'
import { startShares, type SharesRead, type Task, type WorkerLaunch } from './export-worker-pool'

export interface WorkerReading extends WorkerLaunch {
  /** The vault's own connection: the split is computed on it, and its writes are watched. */
  live: VaultDatabase
  /** How many shares (default: by cases and cores; tests set it). */
  shares?: number
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

/** Waits for `promise`, or rejects with the signal's reason (after `onAbort`) when it aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Promise<void>) {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const abort = () => void onAbort().then(() => reject(signal.reason as Error))
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

/** Reads and writes every case in scope in `format`, in shares on worker threads. */
export function readFullRecordsInWorkers(
  format: 'htcds-json' | 'htcds-csv',
  scope: ExportScope,
  reading: WorkerReading,
  options: ReadOptions = {},
): Promise<SharesRead> {
  return runInWorkers({ format, scope }, reading.shares ?? workersFor(reading.live), reading, options)
}

async function runInWorkers(
  task: Task,
  wanted: number,
  reading: WorkerReading,
  options: ReadOptions,
): Promise<SharesRead> {
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted()
    reading.onAttempt?.(attempt)
    const shares = attempt <= MAX_SPLIT_ATTEMPTS ? wanted : 1
    const before = totalChanges(reading.live)
    const running = startShares(task, splitCaseIds(reading.live, shares), reading, (fraction) =>
      options.onProgress?.(fraction),
    )
    await untilAborted(running.ready, options.signal, running.stop)
    if (shares > 1 && totalChanges(reading.live) !== before) {
      await running.stop() // someone saved while the shares began: their moments may differ
      continue
    }
    reading.onSharesBegun?.()
    running.go()
    return untilAborted(running.finished, options.signal, running.stop)
  }
}
