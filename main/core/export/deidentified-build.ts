// The de-identified formats, from one read of the vault to their files: the k-anonymised row
// formats (one CSV) and the aggregate tables (several CSVs, tarred by the caller).
import type { DeidentificationReport, ExportScope } from '../../api/contract/export'
import type { VaultDatabase } from '../db/connection'
import { countPublicRecords, readDeidentifiedCases, type DeidentifiedCase } from './deidentified-source'
import { deidentify } from './deidentify'
import { deidentifiedCsv } from './deidentified-csv'
import { ctdcCsv } from './ctdc-csv'
import { aggregateTables } from './aggregates'
import { isHiddenRow } from './nested-release'
import { createSettingsRepository } from '../settings/settings-repository'
import { shownValue, type AnonymisedRow } from './k-anonymity'
import { QI } from './quasi-identifiers'
import type { BundleEntry } from './tar-bundle'

export type DeidentifiedFormat = 'deidentified-csv' | 'ctdc-csv' | 'aggregates-csv'

export interface DeidentifiedBuilt {
  /** Rows written (for the aggregates: table cells). */
  rows: number
  report: DeidentificationReport
  /** The row formats' one CSV, or the aggregate tables (to be tarred). */
  output: { file: Buffer } | { tables: BundleEntry[] }
}

/**
 * A released row's case with the table dimensions as the row shows them: coarsened, or "*" where
 * hidden, as in the de-identified rows. Hidden was written blank, which in the same table means
 * "not recorded": a year whose citizenships k-anonymity hid read as every citizenship unknown.
 */
function asReleased({ row, values, levels }: AnonymisedRow<DeidentifiedCase>): DeidentifiedCase {
  const shown = (q: number) => values[q] ?? null
  const types = shown(QI.exploitation)
  return {
    ...row,
    // Who the row is about stays behind: its number follows the names' alphabetical order.
    person: undefined,
    // Never hidden alone in practice (each year is anonymised on its own); a number either way.
    year: Number(shownValue(values[QI.year])),
    sex: shown(QI.sex),
    ageBand: shown(QI.ageBand),
    citizenship: shown(QI.citizenship),
    countryOfExploitation: shown(QI.country),
    // Exact codes at level 0 (joined with ';'), else the one category (or "*") the row shows.
    exploitationTypes:
      types === null ? [] : (levels[QI.exploitation] ?? 0) === 0 ? types.split(';') : [types],
  }
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
  const training = createSettingsRepository(db).isTrainingVault()
  const cases = readDeidentifiedCases(db, scope)
  const publicRecordsLeftOut = countPublicRecords(db, scope)
  const { rows, report } = deidentify(cases, k, baseK)
  if (format === 'aggregates-csv') {
    // The tables count the rows the de-identified export shows, as it shows them: no more cases and
    // no finer detail, so nothing is learnt by subtracting one file from the other. (Found by a
    // reviewing helper: counted over every case, a cell minus the matching rows gave a withheld
    // survivor's details; counted at full detail, "Eastern Europe" rows minus the cells of its
    // countries gave a count under k.)
    const counted = rows.flatMap((one) => (isHiddenRow(one) ? [] : [asReleased(one)]))
    const tables = aggregateTables(counted, k, training)
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
  const file = format === 'ctdc-csv' ? ctdcCsv(rows, training) : deidentifiedCsv(rows, training)
  return { rows: rows.length, report: { ...report, publicRecordsLeftOut }, output: { file } }
}
