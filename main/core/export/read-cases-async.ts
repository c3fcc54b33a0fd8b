// The full-record exports' reading, off the vault's own connection and in batches. Read in one go
// on the vault's connection, a 100k-case export held Electron's main process for ~3 s: no window
// answered, the progress bar stood still and Cancel could not get through. Here a second
// connection to the database holds one read transaction (one consistent moment: what others write
// meanwhile goes to the WAL and is not seen), and between batches main answers the window, reports
// how far it is, and stops at once on Cancel or a lock.
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { VaultDatabase } from '../db/connection'
import type { ExportScope } from '../../api/contract/export'
import type { RawCase } from './full-records'
import { countCases, visitInBatches } from './full-records-stream'

export interface BatchedReadOptions {
  signal?: AbortSignal | undefined
  onProgress?: ((fraction: number | null) => void) | undefined
  /** Cases per batch (tests use a small one). */
  batchSize?: number | undefined
}

/** Reads every case in scope on `reader` (closed afterwards), like forEachRawCase. */
export async function visitRawCasesInBatches(
  reader: VaultDatabase,
  scope: ExportScope,
  visit: (one: RawCase) => void,
  options: BatchedReadOptions = {},
): Promise<number> {
  try {
    reader.prepare('BEGIN').run()
    const total = countCases(reader, scope)
    const batches = visitInBatches(reader, scope, visit, options.batchSize)
    for (;;) {
      options.signal?.throwIfAborted()
      const step = batches.next()
      if (step.done) return step.value
      options.onProgress?.(total > 0 ? Math.min(1, step.value / total) : null)
      await nextTurn()
    }
  } finally {
    if (reader.inTransaction) reader.prepare('ROLLBACK').run()
    reader.close()
  }
}
