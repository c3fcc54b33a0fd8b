import { randomInt } from 'node:crypto'
import type { DeidentificationReport } from '../../api/contract/export'
import type { DeidentifiedCase } from './deidentified-source'
import { anonymise, type AnonymisedRow } from './k-anonymity'
import { DEIDENTIFIED_QUASI_IDENTIFIERS, QUASI_IDENTIFIER_NAMES } from './quasi-identifiers'

/** Fisher–Yates with a CSPRNG: row order must not echo intake order, case ids or anything else. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1)
    const swap = items[i]!
    items[i] = items[j]!
    items[j] = swap
  }
  return items
}

/** k-anonymises the cases over the quasi-identifiers, shuffles them, and says what it did. */
export function deidentify(
  cases: readonly DeidentifiedCase[],
  k: number,
): { rows: AnonymisedRow<DeidentifiedCase>[]; report: DeidentificationReport } {
  const result = anonymise(cases, DEIDENTIFIED_QUASI_IDENTIFIERS, k)
  const generalised = DEIDENTIFIED_QUASI_IDENTIFIERS.flatMap((qi, q) => {
    const level = result.levels[q] ?? 0
    if (level === 0) return []
    const description = level < qi.levels.length ? qi.levels[level]!.description : 'suppressed'
    return [{ quasiIdentifier: qi.name, level, description }]
  })
  return {
    rows: shuffle(result.rows),
    report: {
      k,
      quasiIdentifiers: [...QUASI_IDENTIFIER_NAMES],
      inputRows: cases.length,
      outputRows: result.rows.length,
      generalised,
      rowsWithSuppressedCells: result.rowsWithSuppressedCells,
      suppressedCells: result.suppressedCells,
      suppressedRows: result.suppressedRows,
      suppressedTableCells: 0,
    },
  }
}
