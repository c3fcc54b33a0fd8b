import { randomInt } from 'node:crypto'
import type { DeidentificationReport } from '../../api/contract/export'
import type { DeidentifiedCase } from './deidentified-source'
import { assertKAnonymous, type AnonymisedRow } from './k-anonymity'
import { anonymiseNested } from './nested-release'
import { DEIDENTIFIED_QUASI_IDENTIFIERS, QUASI_IDENTIFIER_NAMES } from './quasi-identifiers'

/** Each case's survivor (deidentified-source.ts): a class counts people, not cases. */
const personOf = (one: DeidentifiedCase) => one.person

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

/**
 * k-anonymises the cases, each year of intake on its own, shuffles them, and says what it did.
 *
 * Why per year: an export may cover any whole years, and two exports with overlapping scopes (2025,
 * then 2025–2026, as yearly reports to one funder go) could be compared row by row. When the years
 * were anonymised together, a year could be coarsened to a 3-year range and the generalisation
 * levels chosen over every row in scope; the second export then differed from the first by exactly
 * the one case of 2026 that a 2026-only export suppressed, with every detail of that case. Now the
 * rows of a year depend on that year's cases alone: any two exports differ by whole years, each of
 * which is k-anonymous by itself. The year is shown exactly (or hidden with the rest of a row).
 */
export function deidentify(
  cases: readonly DeidentifiedCase[],
  k: number,
  /** The least k any release may have: every release is nested in the one at this k (nested-release.ts). */
  baseK = k,
): { rows: AnonymisedRow<DeidentifiedCase>[]; report: DeidentificationReport } {
  const byYear = new Map<number, DeidentifiedCase[]>()
  for (const one of cases) {
    const year = byYear.get(one.year)
    if (year) year.push(one)
    else byYear.set(one.year, [one])
  }
  const rows: AnonymisedRow<DeidentifiedCase>[] = []
  const counts = { rowsWithSuppressedCells: 0, suppressedCells: 0, suppressedRows: 0 }
  // quasi-identifier:level → the years coarsened to that level.
  const steps = new Map<string, { q: number; level: number; years: number[] }>()
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const result = anonymiseNested(byYear.get(year)!, DEIDENTIFIED_QUASI_IDENTIFIERS, k, baseK, personOf)
    rows.push(...result.rows)
    counts.rowsWithSuppressedCells += result.rowsWithSuppressedCells
    counts.suppressedCells += result.suppressedCells
    counts.suppressedRows += result.suppressedRows
    // A year with no row kept coarsened nothing anyone sees.
    if (result.rows.length === 0) continue
    result.levels.forEach((level, q) => {
      if (level === 0) return
      const key = `${q}:${level}`
      const step = steps.get(key)
      if (step) step.years.push(year)
      else steps.set(key, { q, level, years: [year] })
    })
  }
  // Classes never span two years (the year is exact), except the rows hidden entirely, which are
  // a class of k or more in each year: the union is k-anonymous. Checked, not assumed.
  assertKAnonymous(rows, k, personOf)
  const generalised = [...steps.values()]
    .sort((a, b) => a.q - b.q || a.level - b.level)
    .map(({ q, level, years }) => {
      const qi = DEIDENTIFIED_QUASI_IDENTIFIERS[q]!
      const description = level < qi.levels.length ? qi.levels[level]!.description : 'suppressed'
      return { quasiIdentifier: qi.name, level, description, years }
    })
  return {
    rows: shuffle(rows),
    report: {
      k,
      quasiIdentifiers: [...QUASI_IDENTIFIER_NAMES],
      inputRows: cases.length,
      outputRows: rows.length,
      generalised,
      ...counts,
      suppressedTableCells: 0,
      publicRecordsLeftOut: 0,
    },
  }
}
