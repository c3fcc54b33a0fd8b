// Exports: the one place data leaves the vault. Checks who may export what (export-request.ts),
// reads one consistent snapshot, builds the format in memory (plaintext never touches the disk
// on its way to age), writes, and records format, scope and row count — never content — in the
// audit log.
import { discardIfAborted, writePrivateFile } from '../write-private-file'
import type { VaultSession } from '../vault/vault-session'
import { writeEncryptedFile } from '../backup/encrypted-archive'
import {
  MIN_ANONYMITY_K,
  type DeidentificationReport,
  type ExportProtection,
} from '../../api/contract/export'
import { forEachRawCase } from './full-records-stream'
import type { RawCase } from './full-records'
import { CaseJsonList, htcdsJsonDocument } from './htcds-json'
import { HtcdsCsvTables, joinTableShares } from './htcds-csv'
import { readFullRecordsInWorkers, type WorkerReading } from './export-workers'
import { buildDeidentified } from './deidentified-build'
import { mergeTemplates, type FullScreeningTemplate } from './full-records-screenings'
import { withScreeningTables } from './screenings-csv'
import { tarBundle } from './tar-bundle'
import { checkExport, type ExportRequest } from './export-request'

export interface ExportOutcome {
  rows: number
  encrypted: boolean
  report: DeidentificationReport | null
}

export interface ExportOptions {
  /** Tests only: a cheap scrypt for passphrase-encrypted files. */
  scryptWorkFactor?: number
  /** How a plaintext file is written (the app's file access); default: owner-only, atomic. */
  writePlaintext?: (path: string, chunks: readonly Uint8Array[], signal?: AbortSignal) => Promise<void>
  /** Cancel: an aborted export writes no file (the encrypted one is renamed only when complete). */
  signal?: AbortSignal
  /**
   * 'read' while records are gathered (by cases read when known, else null), then 'encrypt' by
   * bytes, or 'write' (length unknown) for a plaintext file.
   */
  onProgress?: (stage: 'read' | 'encrypt' | 'write', fraction: number | null) => void
  /**
   * Worker threads (export-workers.ts): the full-record formats are then read and written
   * there, in shares, and main only joins them. Without them (the CLI built without its worker,
   * tests) they are read on the vault's own connection in one go.
   */
  workers?: WorkerReading
}

interface Built {
  chunks: Buffer[]
  rows: number
  report: DeidentificationReport | null
}

async function build(
  session: VaultSession,
  request: ExportRequest,
  k: number,
  options: ExportOptions,
): Promise<Built> {
  const { db } = session
  // One read transaction: cases and their parts come from the same moment.
  const snapshot = <T>(read: () => T): T => db.transaction(read)()
  // The cases, then the template versions their screenings use, in the same read transaction.
  const readCases = (
    visit: (one: RawCase) => void,
    templatesUsed: { read: (from: typeof db) => FullScreeningTemplate[] },
  ) =>
    snapshot(() => {
      const rows = forEachRawCase(db, request.scope, visit)
      return { rows, templates: templatesUsed.read(db) }
    })
  const readInWorkers = (format: 'htcds-json' | 'htcds-csv') =>
    readFullRecordsInWorkers(format, request.scope, options.workers!, {
      signal: options.signal,
      onProgress: (fraction) => options.onProgress?.('read', fraction),
    })
  switch (request.format) {
    case 'htcds-json': {
      const header = {
        organisation: session.settings.organisation() ?? '',
        exportedAt: session.clock().toISOString(),
        scope: request.scope,
      }
      if (options.workers) {
        const read = await readInWorkers('htcds-json')
        const templates = mergeTemplates(read.templates)
        return { chunks: htcdsJsonDocument(header, read.chunks, templates), rows: read.cases, report: null }
      }
      // Each case is written as it is read: never every case in memory at once.
      const json = new CaseJsonList()
      const { rows, templates } = readCases((one) => json.add(one), json.templates)
      return { chunks: htcdsJsonDocument(header, [json.take()], templates), rows, report: null }
    }
    case 'htcds-csv': {
      if (options.workers) {
        const read = await readInWorkers('htcds-csv')
        const entries = withScreeningTables(joinTableShares(read.tables), mergeTemplates(read.templates))
        return { chunks: await tarBundle(entries, session.clock()), rows: read.cases, report: null }
      }
      const tables = new HtcdsCsvTables()
      const { rows, templates } = readCases((one) => tables.add(one), tables.templates)
      const entries = withScreeningTables(tables.entries(), templates)
      return { chunks: await tarBundle(entries, session.clock()), rows, report: null }
    }
    case 'deidentified-csv':
    case 'ctdc-csv':
    case 'aggregates-csv': {
      // In main, on the vault's connection, in one go (~2 s at 100k cases, in which main answers
      // nothing). Tried on an export worker: its own connection starts with a cold page cache,
      // and the CTDC and aggregate exports became 0.15–0.3 s slower, below 50k cases/s.
      const { format } = request
      const built = snapshot(() => buildDeidentified(db, format, request.scope, k, MIN_ANONYMITY_K))
      const chunks =
        'file' in built.output ? [built.output.file] : await tarBundle(built.output.tables, session.clock())
      return { chunks, rows: built.rows, report: built.report }
    }
  }
}

function protectionKind(protection: ExportProtection): 'passphrase' | 'recipients' | 'plaintext' {
  return 'passphrase' in protection ? 'passphrase' : 'recipients' in protection ? 'recipients' : 'plaintext'
}

/** Runs an export to `path` (already chosen by the user). Audit-logged after the file is complete. */
export async function runExport(
  session: VaultSession,
  request: ExportRequest,
  path: string,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  const k = checkExport(session, request)
  options.onProgress?.('read', null)
  // When the cases were read: a change saved while the file was still being written is not in
  // it, and a later export of the year must count it (release-changes.ts).
  const readAt = session.clock().toISOString()
  const built = await build(session, request, k, options)
  options.signal?.throwIfAborted()
  const { protection } = request
  if ('plaintext' in protection) {
    options.onProgress?.('write', null)
    await (options.writePlaintext ?? writePrivateFile)(path, built.chunks, options.signal)
  } else {
    const total = built.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0) || 1
    options.onProgress?.('encrypt', 0)
    await writeEncryptedFile(path, built.chunks, protection, {
      scryptWorkFactor: options.scryptWorkFactor,
      ...(options.signal ? { signal: options.signal } : {}),
      onBytes: (written) => options.onProgress?.('encrypt', Math.min(1, written / total)),
    })
  }
  const encrypted = !('plaintext' in protection)
  discardIfAborted(path, options.signal, 'Cancelled. Nothing was written.')
  session.audit.append({
    actor: session.user.username,
    action: 'export.created',
    details: {
      format: request.format,
      scope: { intakeFrom: request.scope.intakeFrom ?? null, intakeTo: request.scope.intakeTo ?? null },
      rows: built.rows,
      readAt,
      protection: protectionKind(protection),
      ...(built.report
        ? {
            k: built.report.k,
            suppressedRows: built.report.suppressedRows,
            suppressedCells: built.report.suppressedCells,
            suppressedTableCells: built.report.suppressedTableCells,
          }
        : {}),
    },
  })
  return { rows: built.rows, encrypted, report: built.report }
}
