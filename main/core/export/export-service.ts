// Exports: the one place data leaves the vault. Checks who may export what, reads one consistent
// snapshot, builds the format in memory (plaintext never touches the disk on its way to age),
// writes, and records format, scope and row count — never content — in the audit log.
import { rmSync } from 'node:fs'
import { writePrivateFile } from '../write-private-file'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { assertStrongBackupPassphrase } from '../backup/passphrase-strength'
import { writeEncryptedFile } from '../backup/encrypted-archive'
import {
  DEIDENTIFIED_FORMATS,
  EXPORT_ROLES,
  type DeidentificationReport,
  type ExportFormat,
  type ExportProtection,
  type ExportScope,
} from '../../api/contract/export'
import { forEachRawCase } from './full-records-stream'
import { visitRawCasesInBatches } from './read-cases-async'
import type { RawCase } from './full-records'
import type { VaultDatabase } from '../db/connection'
import { HtcdsJsonBuilder } from './htcds-json'
import { HtcdsCsvTables } from './htcds-csv'
import { readDeidentifiedCases } from './deidentified-source'
import { deidentify } from './deidentify'
import { deidentifiedCsv } from './deidentified-csv'
import { ctdcCsv } from './ctdc-csv'
import { aggregateTables } from './aggregates'
import { tarBundle } from './tar-bundle'
import { organisationSlug } from '../file-name-slug'

export interface ExportRequest {
  format: ExportFormat
  protection: ExportProtection
  scope: ExportScope
  /** A stricter k than the organisation's setting for this export. */
  k?: number | undefined
}

export interface ExportOutcome {
  rows: number
  encrypted: boolean
  report: DeidentificationReport | null
}

export interface ExportOptions {
  /** Tests only: a cheap scrypt for passphrase-encrypted files. */
  scryptWorkFactor?: number
  /** How a plaintext file is written (the app's file access); default: owner-only, atomic. */
  writePlaintext?: (path: string, chunks: readonly Uint8Array[]) => Promise<void>
  /** Cancel: an aborted export writes no file (the encrypted one is renamed only when complete). */
  signal?: AbortSignal
  /** 'read' while records are gathered (by cases read when known, else null), then 'encrypt' by bytes. */
  onProgress?: (stage: 'read' | 'encrypt', fraction: number | null) => void
  /**
   * A second connection to the vault (openVaultReader): the full-record formats then read on it
   * in batches, leaving main free between them (read-cases-async.ts). Without it they read on the
   * vault's own connection in one go.
   */
  openReader?: () => VaultDatabase
  /** Tests only: cases per batch of that reading. */
  readBatchSize?: number
}

const EXTENSIONS: Record<ExportFormat, string> = {
  'htcds-json': '.json',
  'htcds-csv': '.tar',
  'deidentified-csv': '.csv',
  'ctdc-csv': '.csv',
  'aggregates-csv': '.tar',
}

/** `CaseVault-<org>-<format>-<yyyy-mm-dd>.<ext>`, plus `.age` when encrypted. */
export function exportFileName(
  organisation: string,
  format: ExportFormat,
  at: Date,
  encrypted: boolean,
): string {
  const org = organisationSlug(organisation)
  const day = at.toISOString().slice(0, 10)
  return `CaseVault-${org}-${format}-${day}${EXTENSIONS[format]}${encrypted ? '.age' : ''}`
}

/**
 * De-identified exports cover whole years only: two exports whose ranges differ by a day would
 * otherwise single out the cases of that day by their difference.
 */
function assertWholeYears(scope: ExportScope): void {
  const issues = [
    ...(scope.intakeFrom && !scope.intakeFrom.endsWith('-01-01') ? ['intakeFrom'] : []),
    ...(scope.intakeTo && !scope.intakeTo.endsWith('-12-31') ? ['intakeTo'] : []),
  ].map((field) => ({ path: `scope.${field}`, code: 'whole_years', message: 'whole years only' }))
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues })
}

/**
 * Everything that can refuse an export, checked before a save dialog is shown: the role for this
 * format, the k asked for, and the export passphrase's strength. Returns the k in effect.
 */
export function checkExport(session: VaultSession, request: ExportRequest): number {
  const { user } = session
  if (!EXPORT_ROLES[request.format].includes(user.role)) {
    session.audit.append({
      actor: user.username,
      action: 'access.denied',
      details: { action: 'export', format: request.format },
    })
    throw new CaseVaultError('FORBIDDEN', 'Your role does not allow this export format.', {
      format: request.format,
    })
  }
  if (DEIDENTIFIED_FORMATS.includes(request.format)) assertWholeYears(request.scope)
  const minimum = session.settings.anonymityK()
  if (request.k !== undefined && request.k < minimum) {
    throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
      issues: [{ path: 'k', code: 'too_small', message: `at least ${minimum} (the organisation's setting)` }],
    })
  }
  if ('passphrase' in request.protection) {
    assertStrongBackupPassphrase(request.protection.passphrase, [
      user.username,
      session.settings.organisation() ?? '',
    ])
  }
  return Math.max(request.k ?? minimum, minimum)
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
  const readCases = (visit: (one: RawCase) => void): Promise<number> =>
    options.openReader
      ? visitRawCasesInBatches(options.openReader(), request.scope, visit, {
          signal: options.signal,
          onProgress: (fraction) => options.onProgress?.('read', fraction),
          batchSize: options.readBatchSize,
        })
      : Promise.resolve(snapshot(() => forEachRawCase(db, request.scope, visit)))
  switch (request.format) {
    case 'htcds-json': {
      const json = new HtcdsJsonBuilder({
        organisation: session.settings.organisation() ?? '',
        exportedAt: session.clock().toISOString(),
        scope: request.scope,
      })
      // Each case is written as it is read: never every case in memory at once.
      const rows = await readCases((one) => json.add(one))
      return { chunks: json.finish(), rows, report: null }
    }
    case 'htcds-csv': {
      const tables = new HtcdsCsvTables()
      const rows = await readCases((one) => tables.add(one))
      return { chunks: await tarBundle(tables.entries(), session.clock()), rows, report: null }
    }
    case 'deidentified-csv':
    case 'ctdc-csv': {
      const { rows, report } = deidentify(
        snapshot(() => readDeidentifiedCases(db, request.scope)),
        k,
      )
      const csv = request.format === 'ctdc-csv' ? ctdcCsv(rows) : deidentifiedCsv(rows)
      return { chunks: [csv], rows: rows.length, report }
    }
    case 'aggregates-csv': {
      const cases = snapshot(() => readDeidentifiedCases(db, request.scope))
      const tables = aggregateTables(cases, k)
      const report: DeidentificationReport = {
        k,
        quasiIdentifiers: [],
        inputRows: cases.length,
        outputRows: tables.cells,
        generalised: [],
        rowsWithSuppressedCells: 0,
        suppressedCells: 0,
        suppressedRows: 0,
        suppressedTableCells: tables.suppressedCells,
      }
      return { chunks: await tarBundle(tables.entries, session.clock()), rows: tables.cells, report }
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
  const built = await build(session, request, k, options)
  options.signal?.throwIfAborted()
  const { protection } = request
  if ('plaintext' in protection) {
    await (options.writePlaintext ?? writePrivateFile)(path, built.chunks)
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
  // Locked (or cancelled) while the file was being written: the session is gone and the export
  // could not be audit-logged, so the file must not stay. From this check to the audit row
  // nothing awaits, so a lock cannot come in between.
  if (options.signal?.aborted) {
    rmSync(path, { force: true })
    throw new CaseVaultError('CANCELLED', 'Cancelled. Nothing was written.')
  }
  session.audit.append({
    actor: session.user.username,
    action: 'export.created',
    details: {
      format: request.format,
      scope: { intakeFrom: request.scope.intakeFrom ?? null, intakeTo: request.scope.intakeTo ?? null },
      rows: built.rows,
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
