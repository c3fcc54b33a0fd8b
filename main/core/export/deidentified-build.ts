// The de-identified formats, from one read of the vault to their files: the k-anonymised row
// formats (one CSV) and the aggregate tables (several CSVs, tarred by the caller).
import type { DeidentificationReport, ExportScope } from '../../api/contract/export'
import type { VaultDatabase } from '../db/connection'
import { countPublicRecords, readDeidentifiedCases } from './deidentified-source'
import { deidentify } from './deidentify'
import { deidentifiedCsv } from './deidentified-csv'
import { ctdcCsv } from './ctdc-csv'
import { aggregateTables } from './aggregates'
import type { BundleEntry } from './tar-bundle'

export type DeidentifiedFormat = 'deidentified-csv' | 'ctdc-csv' | 'aggregates-csv'

export interface DeidentifiedBuilt {
  /** Rows written (for the aggregates: table cells). */
  rows: number
  report: DeidentificationReport
  /** The row formats' one CSV, or the aggregate tables (to be tarred). */
  output: { file: Buffer } | { tables: BundleEntry[] }
}

/** Call inside a read transaction: the cases come from one moment. */
export function buildDeidentified(
  db: VaultDatabase,
  format: DeidentifiedFormat,
  scope: ExportScope,
  k: number,
): DeidentifiedBuilt {
  const cases = readDeidentifiedCases(db, scope)
  const publicRecordsLeftOut = countPublicRecords(db, scope)
  if (format === 'aggregates-csv') {
    const tables = aggregateTables(cases, k)
    return {
      rows: tables.cells,
      report: {
        k,
        quasiIdentifiers: [],
        inputRows: cases.length,
        outputRows: tables.cells,
        generalised: [],
        rowsWithSuppressedCells: 0,
        suppressedCells: 0,
        suppressedRows: 0,
        suppressedTableCells: tables.suppressedCells,
        publicRecordsLeftOut,
      },
      output: { tables: tables.entries },
    }
  }
  const { rows, report } = deidentify(cases, k)
  const file = format === 'ctdc-csv' ? ctdcCsv(rows) : deidentifiedCsv(rows)
  return { rows: rows.length, report: { ...report, publicRecordsLeftOut }, output: { file } }
}
