// The de-identified formats, from one read of the vault to their files: the k-anonymised row
// formats (one CSV) and the aggregate tables (several CSVs, tarred by the caller).
import type { DeidentificationReport, ExportScope } from '../../api/contract/export'
import type { VaultDatabase } from '../db/connection'
import { countPublicRecords, readDeidentifiedCases } from './deidentified-source'
import { deidentify } from './deidentify'
import { deidentifiedCsv } from './deidentified-csv'
import { ctdcCsv } from './ctdc-csv'
import { aggregateTables } from './aggregates'
import { isHiddenRow } from './nested-release'
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
  /** The least k any release may have: every release is nested in the one at this k (nested-release.ts). */
  baseK = k,
): DeidentifiedBuilt {
  const cases = readDeidentifiedCases(db, scope)
  const publicRecordsLeftOut = countPublicRecords(db, scope)
  const { rows, report } = deidentify(cases, k, baseK)
  if (format === 'aggregates-csv') {
    // Only the cases the de-identified rows show with detail are counted (at full detail). Counted
    // over every case, a table cell minus the matching rows of a de-identified file gave a withheld
    // case's sex, age band and exploitation (found by a reviewing helper), and the total the report
    // gave beside tables that were all left out was a count under k.
    const counted = rows.flatMap((one) => (isHiddenRow(one) ? [] : [one.row]))
    const tables = aggregateTables(counted, k)
    return {
      rows: tables.cells,
      report: {
        k,
        quasiIdentifiers: [],
        inputRows: counted.length,
        outputRows: tables.cells,
        generalised: [],
        rowsWithSuppressedCells: 0,
        suppressedCells: 0,
        suppressedRows: cases.length - counted.length,
        suppressedTableCells: tables.suppressedCells,
        publicRecordsLeftOut,
      },
      output: { tables: tables.entries },
    }
  }
  const file = format === 'ctdc-csv' ? ctdcCsv(rows) : deidentifiedCsv(rows)
  return { rows: rows.length, report: { ...report, publicRecordsLeftOut }, output: { file } }
}
