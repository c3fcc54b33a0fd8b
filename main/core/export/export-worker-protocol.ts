// What main and an export worker (export-worker.ts) say to each other. Types only: both sides
// import this file, and nothing in it runs.
import type { ExportScope } from '../../api/contract/export'
import type { CaseIdRange } from './full-records-stream'
import type { FullScreeningTemplate } from './full-records-screenings'

export type WorkerFormat = 'htcds-json' | 'htcds-csv'

/** One share of a full-record export: the cases whose id is in `ids`. */
export interface ShareJob {
  databasePath: string
  /** The raw database key (a copy the worker wipes once its connection is open). */
  key: Uint8Array
  scope: ExportScope
  ids: CaseIdRange
  format: WorkerFormat
  /** The first share writes the CSV header lines; the others only rows. */
  first: boolean
  batchSize?: number | undefined
}

export interface TableShare {
  name: string
  chunks: Uint8Array[]
}

/** Main to a worker, once every share is ready and has the same moment: read now. */
export interface GoMessage {
  type: 'go'
}

export type ShareMessage =
  /** The read transaction is open: the share's moment is fixed, and this many cases are in it. */
  | { type: 'ready'; cases: number }
  /** After each batch: cases read so far, and for JSON the text of this batch's cases. */
  | { type: 'read'; cases: number; chunks: Uint8Array[] }
  /** All read; for CSV, the share's tables; the template versions its screenings use. */
  | { type: 'done'; cases: number; tables: TableShare[]; templates: FullScreeningTemplate[] }
  /** `code`: a CaseVaultError's code when the failure had one (a damaged database, say). */
  | { type: 'failed'; code: string | null; message: string }
