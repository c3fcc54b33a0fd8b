// Aggregated tables: counts of cases by a few dimensions, from the de-identified rows at full
// detail. A cell under the threshold (1 … k−1) is left out of its table entirely — not shown as
// "<5" — so a table reveals neither the small count nor that such a combination exists. Tables
// carry no totals, so a left-out cell cannot be recovered by subtraction within the file.
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
  'sex-age-exploitation': ['sex', 'age_band', 'exploitation_type'],
  'citizenship-country-of-exploitation': ['citizenship', 'country_of_exploitation'],
  'year-exploitation': ['year_of_intake', 'exploitation_type'],
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
    const csv = new CsvBuilder([...columns, 'cases'])
    const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const [key, count] of sorted) {
      if (count < threshold) {
        suppressedCells += 1
        continue
      }
      csv.add([...(JSON.parse(key) as (string | null)[]), count])
      cells += 1
    }
    return { name: `${name}.csv`, content: csv.toBuffer() }
  })
  return { entries, suppressedCells, cells }
}
