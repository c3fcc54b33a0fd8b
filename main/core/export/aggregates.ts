// Aggregated tables: counts of cases by a few dimensions, over the rows the de-identified export
// shows, as it shows them (deidentified-build.ts: coarsened values count as coarsened). A cell
// under the threshold (1 … k−1) is left out of its table entirely — not shown as "<5" — so a table
// reveals neither the small count nor that such a combination exists. A dimension k-anonymity hid
// is "*", as in the rows; blank is "not recorded" (the two were once one blank, and a year whose
// citizenships were hidden read as a year of unknown citizenships).
//
// Subtraction is what the layout guards against. Tables carry no totals. Every table has the year
// of intake: an export of 2025–2026 is then the 2025 export's cells plus the 2026 ones, so
// comparing it with a 2025-only export gives nothing a 2026-only export does not (without the
// year, one 2026 case showed up as a difference of 1 in each of its cells). And no table is a
// marginal of another: a year × exploitation table beside year × sex × age × exploitation gave,
// by subtraction, the count of that type's left-out cells ("one forced-marriage case is not a
// woman of 18-20"). The two tables share only the year.
import { TRAINING_NOTE, TRAINING_VALUE, withTrainingColumn } from './training-mark'
import { CsvBuilder } from './csv-writer'
import type { BundleEntry } from './tar-bundle'
import type { DeidentifiedCase } from './deidentified-source'

type Dimension = (row: DeidentifiedCase) => readonly (string | null)[]

const one = (value: string | number | null): readonly (string | null)[] => [
  value === null ? null : String(value),
]
/** A case with several exploitation types counts once under each (so the column does not sum to cases). */
const types: Dimension = (row) => (row.exploitationTypes.length ? row.exploitationTypes : [null])

const DIMENSIONS: Record<string, Dimension> = {
  sex: (row) => one(row.sex),
  age_band: (row) => one(row.ageBand),
  exploitation_type: types,
  citizenship: (row) => one(row.citizenship),
  country_of_exploitation: (row) => one(row.countryOfExploitation),
  year_of_intake: (row) => one(row.year),
}

export const AGGREGATE_TABLES: Record<string, readonly (keyof typeof DIMENSIONS)[]> = {
  'year-sex-age-exploitation': ['year_of_intake', 'sex', 'age_band', 'exploitation_type'],
  'year-citizenship-country-of-exploitation': ['year_of_intake', 'citizenship', 'country_of_exploitation'],
}

/** Every combination of the dimensions' values for one row (one per exploitation type). */
function combinations(row: DeidentifiedCase, dimensions: readonly Dimension[]): (string | null)[][] {
  return dimensions.reduce<(string | null)[][]>(
    (partial, dimension) => partial.flatMap((prefix) => dimension(row).map((value) => [...prefix, value])),
    [[]],
  )
}

export function aggregateTables(
  rows: readonly DeidentifiedCase[],
  threshold: number,
  training = false,
): { entries: BundleEntry[]; suppressedCells: number; cells: number } {
  let suppressedCells = 0
  let cells = 0
  const entries = Object.entries(AGGREGATE_TABLES).map(([name, columns]) => {
    const dimensions = columns.map((column) => DIMENSIONS[column]!)
    const counts = new Map<string, number>()
    for (const row of rows) {
      for (const combination of combinations(row, dimensions)) {
        const key = JSON.stringify(combination)
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
    const csv = new CsvBuilder(withTrainingColumn([...columns, 'cases'], training))
    const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const [key, count] of sorted) {
      if (count < threshold) {
        suppressedCells += 1
        continue
      }
      csv.add([...(JSON.parse(key) as (string | null)[]), count, ...(training ? [TRAINING_VALUE] : [])])
      cells += 1
    }
    return { name: `${name}.csv`, content: csv.toBuffer() }
  })
  return { entries: training ? [TRAINING_NOTE, ...entries] : entries, suppressedCells, cells }
}
