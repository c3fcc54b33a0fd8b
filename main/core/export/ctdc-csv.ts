// CTDC's 63-column layout, written from the k-anonymised rows by the mapping in
// resources/ctdc/ctdc-mapping.json. Flags are 1 / 0 / blank (unknown); a group that does not apply
// (labour sectors of a sexual-exploitation case) or whose source was generalised away is blank.
import { TRAINING_VALUE, withTrainingColumn } from './training-mark'
import { CsvBuilder, csvCell, type CsvCell } from './csv-writer'
import { shownValue, SUPPRESSED, type AnonymisedRow } from './k-anonymity'
import type { DeidentifiedCase } from './deidentified-source'
import { AGE_BANDS, CTDC_COLUMNS, ctdcMapping, type CtdcValueColumn } from './ctdc-mapping'
import { at, CtdcGroups, type Exploitation, type RowState } from './ctdc-groups'
import { exploitationScope, majorityOfBand, QI } from './quasi-identifiers'

const ctdcBand = new Map(AGE_BANDS.map((band) => [band.label, band.ctdc]))

const countryCode = (state: RowState, q: number) =>
  (state.levels[q] ?? 0) === 0 ? shownValue(state.values[q]) : null

function value(state: RowState, column: CtdcValueColumn): CsvCell {
  const shown = (q: number) => shownValue(state.values[q])
  switch (column.value) {
    case 'year':
      return shown(QI.year)
    case 'gender': {
      const sex = shown(QI.sex)
      return sex === null ? null : (ctdcMapping.gender[sex] ?? null)
    }
    case 'ageBand': {
      const band = shown(QI.ageBand)
      return band === null ? null : (ctdcBand.get(band) ?? null)
    }
    case 'majorityStatus':
      return majorityOfBand(shown(QI.ageBand))
    case 'minorWhenTrafficked':
      return shown(QI.minor)
    // ISO 3166-1 alpha-2 codes in CTDC's layout: a country generalised to its region has none, so
    // the cell is blank (unknown), never the region's name in a column of codes.
    case 'citizenship':
      return countryCode(state, QI.citizenship)
    case 'countryOfExploitation':
      return countryCode(state, QI.country)
  }
}

const valueColumns = ctdcMapping.columns.flatMap((column) =>
  'value' in column ? [{ column, at: at(column.name) }] : [],
)
const constantColumns = ctdcMapping.columns.flatMap((column) =>
  'constant' in column ? [{ column, at: at(column.name) }] : [],
)

function rowState({ row, values, levels }: AnonymisedRow<DeidentifiedCase>): RowState {
  const types = values[QI.exploitation] ?? null
  const level = levels[QI.exploitation] ?? 0
  const exploitation: Exploitation =
    types === SUPPRESSED
      ? 'withheld'
      : types === null
        ? { codes: [] }
        : level === 0
          ? { codes: types.split(';') }
          : { category: types }
  return { row, values, levels, exploitation, scope: exploitationScope(types, level) }
}

export function ctdcCsv(rows: readonly AnonymisedRow<DeidentifiedCase>[], training = false): Buffer {
  // A submission to CTDC's own pipeline, read by software that takes a byte-order mark as part of
  // the first column's name: bare UTF-8, like the HSDS package.
  const columns = withTrainingColumn(CTDC_COLUMNS, training)
  const csv = new CsvBuilder(columns, { byteOrderMark: false })
  const groups = new CtdcGroups()
  // One row of escaped cells, reused: blank, the constants, then each row's values and groups.
  const cells = new Array<string>(columns.length)
  for (const anonymised of rows) {
    const state = rowState(anonymised)
    cells.fill('')
    if (training) cells[CTDC_COLUMNS.length] = csvCell(TRAINING_VALUE)
    for (const { column, at: index } of constantColumns) cells[index] = csvCell(column.constant)
    for (const { column, at: index } of valueColumns) cells[index] = csvCell(value(state, column))
    groups.fill(state, cells)
    csv.addEscaped(cells)
  }
  return csv.toBuffer()
}
