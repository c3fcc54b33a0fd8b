// PRAGMA integrity_check on a worker thread. On a 600 MB vault it takes ~5 s of one core; on the
// main thread that is 5 s in which main answers no IPC call and the progress bar stands still,
// and the other checks of a backup (audit chain, row counts) wait behind it. On a worker they
// run side by side on the second core. The worker is plain JavaScript given to `new Worker` as
// source (eval), so the same code runs under vitest, in the CLI bundle and in Electron's main
// bundle without a separate build entry; it loads the same SQLite driver by its resolved path.
import { createRequire } from 'node:module'
import { freemem } from 'node:os'
import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { CaseVaultError } from '../errors'
import { keyLiteral } from './connection'

interface WorkerInput {
  driver: string
  path: string
  keyLiteral: Uint8Array
  cacheKiB: number
}

type WorkerOutput =
  | { loaded: true }
  | { messages: string[]; cacheKiB: number }
  | { failure: { code?: string; message: string } }

const KiB = 1024
/** The vault connection's own page cache: what the check gets when memory is short. */
export const BASE_CHECK_CACHE_KIB = 64 * KiB
const MAX_CHECK_CACHE_BYTES = 2 * 1024 ** 3

/**
 * The page cache for one check. integrity_check reads many pages twice (a table's b-tree, then
 * each index against it), and under SQLCipher every page read from the file is decrypted and its
 * HMAC checked again. When the whole file fits in the cache each page is decrypted once: on the
 * 640 MB bench vault the check took 4.5 s with 64 MiB and 3.2–3.5 s with the whole file (a cache
 * of 512 MiB was no faster than 64: the gain needs every page). The cache only grows as pages are
 * read and is freed with the worker, so it is taken only when it is at most a quarter of the
 * memory free now (and at most 2 GiB); otherwise the check runs as before. The worker's
 * connection is read-only, which alone took the same check (same cache) from 5.0–5.6 s to
 * 3.7–3.9 s: measured three times each, not explained.
 */
export function integrityCacheKiB(databaseBytes: number, freeBytes: number): number {
  const whole = Math.ceil((databaseBytes * 1.1) / KiB)
  const affordable = whole * KiB <= freeBytes / 4 && whole * KiB <= MAX_CHECK_CACHE_BYTES
  return affordable ? whole : BASE_CHECK_CACHE_KIB
}

// The worker's whole program, as text (a function's toString would be at the mercy of the
// bundler, which rewrites `require`). Eval workers run as CommonJS, so `require` is there.
const program = `
const { parentPort, workerData } = require('node:worker_threads')
const { driver, path, keyLiteral, cacheKiB } = workerData
let db = null
try {
  const Database = require(driver)
  parentPort.postMessage({ loaded: true }) // from here on the thread may be stopped (see below)
  db = new Database(path, { fileMustExist: true, readonly: true })
  db.pragma("cipher='sqlcipher'")
  db.pragma('legacy=4')
  db.key(Buffer.from(keyLiteral.buffer, keyLiteral.byteOffset, keyLiteral.byteLength))
  keyLiteral.fill(0)
  db.pragma('cache_size = -' + Number(cacheKiB)) // see integrityCacheKiB
  const rows = db.pragma('integrity_check')
  parentPort.postMessage({
    messages: rows.map((row) => row.integrity_check),
    cacheKiB: -db.pragma('cache_size', { simple: true }),
  })
} catch (error) {
  parentPort.postMessage({ failure: { code: error && error.code, message: String(error && error.message) } })
} finally {
  keyLiteral.fill(0)
  if (db) db.close()
}
`
const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers')

/**
 * The same answer as integrityProblems(db) — [] when the check says "ok", else its messages —
 * for the database file at `path`, computed on a worker thread. An abort stops the worker.
 */
export async function integrityProblemsInWorker(
  path: string,
  key: Buffer,
  signal?: AbortSignal,
): Promise<string[]> {
  return (await checkIntegrityInWorker(path, key, signal ? { signal } : {})).problems
}

export interface IntegrityCheckOptions {
  signal?: AbortSignal
  /** Free memory to size the cache by (default: the machine's now); tests pass their own. */
  freeBytes?: number
}

/** integrityProblemsInWorker, also telling the page cache the check ran with (KiB). */
export function checkIntegrityInWorker(
  path: string,
  key: Buffer,
  options: IntegrityCheckOptions = {},
): Promise<{ problems: string[]; cacheKiB: number }> {
  const { signal } = options
  signal?.throwIfAborted()
  // A missing file is the worker's to report (as every other failure to open it).
  const size = (() => {
    try {
      return statSync(path).size
    } catch {
      return 0
    }
  })()
  const cacheKiB = integrityCacheKiB(size, options.freeBytes ?? freemem())
  const literal = keyLiteral(key)
  const workerData: WorkerInput = { driver, path, keyLiteral: literal, cacheKiB }
  return new Promise((resolve, reject) => {
    // Moved, not copied: no copy of the key stays behind in main or in the message between.
    const worker = new Worker(program, {
      eval: true,
      workerData,
      transferList: [literal.buffer as ArrayBuffer],
    })
    if (literal.byteLength > 0) literal.fill(0) // moved: empty now (a copy, were it one, is wiped)
    let settled = false
    // Terminating a thread while it registers the native SQLite driver aborts the whole process
    // (a fatal "napi_get_last_error_info", seen in CI with the export workers): a Cancel that
    // comes that early is answered at once, and the thread is stopped once the driver is loaded.
    let loaded = false
    const settle = (action: () => void) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      action()
      if (loaded) void worker.terminate()
    }
    const onAbort = () => settle(() => reject(new CaseVaultError('CANCELLED', 'The check was cancelled.')))
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (output: WorkerOutput) => {
      if ('loaded' in output) {
        loaded = true
        if (settled) void worker.terminate()
        return
      }
      settle(() => {
        if ('messages' in output) {
          const ok = output.messages.length === 1 && output.messages[0] === 'ok'
          resolve({ problems: ok ? [] : output.messages, cacheKiB: output.cacheKiB })
        } else if (output.failure.code === 'SQLITE_CORRUPT' || output.failure.code === 'SQLITE_NOTADB') {
          resolve({ problems: [output.failure.message], cacheKiB })
        } else {
          reject(
            new CaseVaultError('INTERNAL', 'The database check could not run.', {
              reason: output.failure.message,
            }),
          )
        }
      })
    })
    worker.once('error', (error) =>
      settle(() =>
        reject(
          new CaseVaultError('INTERNAL', 'The database check could not run.', { reason: error.message }),
        ),
      ),
    )
    worker.once('exit', (code) =>
      settle(() =>
        reject(new CaseVaultError('INTERNAL', 'The database check stopped early.', { exitCode: code })),
      ),
    )
  })
}
