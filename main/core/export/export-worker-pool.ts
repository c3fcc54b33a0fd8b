// Starts the export workers (export-worker.ts), one per share, each given its own copy of the key
// (moved to it, not copied), and gathers what they send: progress, the shares' chunks, their end or their failure. What the
// shares are and when they may read is export-workers.ts's to decide.
import { Worker } from 'node:worker_threads'
import { CaseVaultError } from '../errors'
import { errorCodes, type ErrorCode } from '../../api/contract/errors'
import type { ExportScope } from '../../api/contract/export'
import type { CaseIdRange } from './full-records-stream'
import type { GoMessage, ShareJob, ShareMessage, TableShare, WorkerFormat } from './export-worker-protocol'
import type { ChunkedBundleEntry } from './tar-bundle'
import type { FullScreeningTemplate } from './full-records-screenings'

/** How to start a worker. */
export interface WorkerLaunch {
  /** The built export-worker.js (export-worker-script.ts). */
  script: URL | string
  databasePath: string
  /** A copy of the database key: each worker gets its own copy, and this one is wiped at once. */
  keyCopy: () => Buffer
  /** Cases per batch in each worker (tests use a small one). */
  batchSize?: number
}

export interface SharesRead {
  cases: number
  /** Per share, in order: for JSON its cases' text, for CSV its tables. */
  chunks: Buffer[][]
  tables: ChunkedBundleEntry[][]
  /** Per share, the screening template versions its cases use (mergeTemplates joins them). */
  templates: FullScreeningTemplate[][]
}

/** What the workers make: a format, of the cases in a scope. */
export interface Task {
  format: WorkerFormat
  scope: ExportScope
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

export interface RunningShares {
  /** Every share has begun its read transaction. */
  ready: Promise<void>
  finished: Promise<SharesRead>
  /** Lets every share read. */
  go(): void
  /** Stops every worker; resolves once they are gone. */
  stop(): Promise<void>
}

export function startShares(
  task: Task,
  ranges: readonly CaseIdRange[],
  reading: WorkerLaunch,
  onProgress: (fraction: number) => void,
): RunningShares {
  const workers: Worker[] = []
  const inScope = ranges.map(() => 0)
  const read = ranges.map(() => 0)
  const chunks: Buffer[][] = ranges.map(() => [])
  const tables: ChunkedBundleEntry[][] = ranges.map(() => [])
  const templates: FullScreeningTemplate[][] = ranges.map(() => [])
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
  // Every outcome waits for the workers to be gone: their connections to the database are closed
  // before the caller goes on (a lock, a restore swapping the data folder).
  let exited: Promise<unknown> = Promise.resolve()
  // Whether each worker has spoken yet: until its first message it may still be loading the
  // SQLite driver, and terminating a thread inside a native module's registration aborts the whole
  // process (a fatal "napi_get_last_error_info", seen once in CI when a share failed while another
  // was starting). Such a worker is stopped right after its first word, or leaves by itself.
  const spoke = ranges.map(() => false)
  const stop = () => {
    settled = true
    workers.forEach((worker, share) => {
      if (spoke[share]) void worker.terminate()
      else worker.once('message', () => void worker.terminate())
    })
    return exited.then(() => undefined)
  }
  const fail = (error: Error) => {
    if (settled) return
    void stop().then(() => onFailed(error))
    onReady() // whoever waits for `ready` goes on to `finished`, which fails
  }
  const key = reading.keyCopy()
  try {
    ranges.forEach((ids, share) => {
      const job: ShareJob = {
        databasePath: reading.databasePath,
        key: Uint8Array.from(key),
        ...task,
        ids,
        first: share === 0,
        batchSize: reading.batchSize,
      }
      // The key is moved, not copied: no copy stays behind in main or in the message between.
      const worker = new Worker(reading.script, {
        workerData: job,
        transferList: [job.key.buffer as ArrayBuffer],
      })
      if (job.key.byteLength > 0) job.key.fill(0) // moved: empty now (a copy, were it one, is wiped)
      workers.push(worker)
      worker.on('message', (message: ShareMessage) => {
        spoke[share] = true
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
            templates[share] = message.templates
            done[share] = true
            if (done.every(Boolean)) {
              settled = true
              const result = { cases: read.reduce((sum, n) => sum + n, 0), chunks, tables, templates }
              void exited.then(() => onFinished(result)) // each worker ends once it has sent this
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
  exited = Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve))))
  const go = () => {
    const message: GoMessage = { type: 'go' }
    for (const worker of workers) worker.postMessage(message)
  }
  return { ready, finished, go, stop }
}
