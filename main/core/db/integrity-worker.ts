// PRAGMA integrity_check on a worker thread. On a 600 MB vault it takes ~5 s of one core; on the
// main thread that is 5 s in which main answers no IPC call and the progress bar stands still,
// and the other checks of a backup (audit chain, row counts) wait behind it. On a worker they
// run side by side on the second core. The worker is plain JavaScript given to `new Worker` as
// source (eval), so the same code runs under vitest, in the CLI bundle and in Electron's main
// bundle without a separate build entry; it loads the same SQLite driver by its resolved path.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { CaseVaultError } from '../errors'
import { keyLiteral } from './connection'

interface WorkerInput {
  driver: string
  path: string
  keyLiteral: Uint8Array
}

type WorkerOutput = { messages: string[] } | { failure: { code?: string; message: string } }

// The worker's whole program, as text (a function's toString would be at the mercy of the
// bundler, which rewrites `require`). Eval workers run as CommonJS, so `require` is there.
const program = `
const { parentPort, workerData } = require('node:worker_threads')
const { driver, path, keyLiteral } = workerData
let db = null
try {
  const Database = require(driver)
  db = new Database(path, { fileMustExist: true })
  db.pragma("cipher='sqlcipher'")
  db.pragma('legacy=4')
  db.key(Buffer.from(keyLiteral.buffer, keyLiteral.byteOffset, keyLiteral.byteLength))
  keyLiteral.fill(0)
  db.pragma('cache_size = -65536') // as the vault's own connection: the check rereads index pages
  const rows = db.pragma('integrity_check')
  parentPort.postMessage({ messages: rows.map((row) => row.integrity_check) })
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
export function integrityProblemsInWorker(
  path: string,
  key: Buffer,
  signal?: AbortSignal,
): Promise<string[]> {
  signal?.throwIfAborted()
  const literal = keyLiteral(key)
  const workerData: WorkerInput = { driver, path, keyLiteral: literal }
  return new Promise<string[]>((resolve, reject) => {
    const worker = new Worker(program, { eval: true, workerData })
    literal.fill(0) // the worker got its own copy, which it wipes
    let settled = false
    const settle = (action: () => void) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      action()
      void worker.terminate()
    }
    const onAbort = () => settle(() => reject(new CaseVaultError('CANCELLED', 'The check was cancelled.')))
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.once('message', (output: WorkerOutput) =>
      settle(() => {
        if ('messages' in output) {
          const ok = output.messages.length === 1 && output.messages[0] === 'ok'
          resolve(ok ? [] : output.messages)
        } else if (output.failure.code === 'SQLITE_CORRUPT' || output.failure.code === 'SQLITE_NOTADB') {
          resolve([output.failure.message])
        } else {
          reject(
            new CaseVaultError('INTERNAL', 'The database check could not run.', {
              reason: output.failure.message,
            }),
          )
        }
      }),
    )
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
