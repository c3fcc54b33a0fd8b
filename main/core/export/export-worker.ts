// One share of a full-record export, run on a worker thread (built as its own entry: see
// export-worker-script.ts). It opens its own connection to the vault's database, holds one read
// transaction, reads its range of cases a batch at a time and writes them in the export's format;
// the UTF-8 chunks go to main without a copy (transferred). Main joins the shares in order
// (export-workers.ts). Reading and writing a 100k-case export took 2.7 s (JSON) to 3.6 s (CSV) of
// one core; two shares on two cores take 25–33 % less (not half: the two share the memory bus and
// main still joins and writes the file), and main stays free for the window while they read.
import { parentPort, workerData } from 'node:worker_threads'
import { openEncryptedDatabase, type VaultDatabase } from '../db/connection'
import { isCaseVaultError } from '../errors'
import { countCases, visitInBatches } from './full-records-stream'
import { CaseJsonList } from './htcds-json'
import { HtcdsCsvTables } from './htcds-csv'
import type { ShareJob, ShareMessage } from './export-worker-protocol'

function post(message: ShareMessage, chunks: readonly Uint8Array[] = []): void {
  // Every chunk is a view of its own buffer (Utf8Chunks): handing the buffers over moves them.
  parentPort!.postMessage(message, [...new Set(chunks.map((chunk) => chunk.buffer as ArrayBuffer))])
}

function open(job: ShareJob): VaultDatabase {
  const key = Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength)
  try {
    return openEncryptedDatabase(job.databasePath, key, { create: false })
  } finally {
    key.fill(0)
  }
}

/** Main's word that every share has the same moment (export-workers.ts). */
const go = () => new Promise<void>((resolve) => parentPort!.once('message', () => resolve()))

async function readShare(job: ShareJob): Promise<void> {
  const db = open(job)
  try {
    db.prepare('BEGIN').run()
    // The first read fixes the transaction's moment; main checks that every share has the same
    // before any case is read (else it stops this worker and starts the shares again).
    post({ type: 'ready', cases: countCases(db, job.scope, job.ids) })
    await go()
    if (job.format === 'htcds-json') {
      const json = new CaseJsonList()
      const batches = visitInBatches(db, job.scope, (one) => json.add(one), job.batchSize, job.ids)
      for (let step = batches.next(); ; step = batches.next()) {
        const chunks = json.take()
        post({ type: 'read', cases: step.value, chunks }, chunks)
        if (step.done) break
      }
      // Still in the share's read transaction: the templates of the moment its cases were read at.
      post({ type: 'done', cases: json.cases, tables: [], templates: json.templates.read(db) })
    } else {
      const tables = new HtcdsCsvTables({ headerLines: job.first })
      const batches = visitInBatches(db, job.scope, (one) => tables.add(one), job.batchSize, job.ids)
      let step = batches.next()
      for (; !step.done; step = batches.next()) post({ type: 'read', cases: step.value, chunks: [] })
      const entries = tables.entries().map((entry) => ({ name: entry.name, chunks: [...entry.chunks] }))
      post(
        { type: 'done', cases: step.value, tables: entries, templates: tables.templates.read(db) },
        entries.flatMap((entry) => entry.chunks),
      )
    }
  } finally {
    if (db.inTransaction) db.prepare('ROLLBACK').run()
    db.close()
  }
}

try {
  await readShare(workerData as ShareJob)
} catch (error) {
  post({
    type: 'failed',
    code: isCaseVaultError(error) ? error.code : null,
    message: error instanceof Error ? error.message : String(error),
  })
} finally {
  ;(workerData as ShareJob).key.fill(0)
}
