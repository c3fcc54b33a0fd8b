// An export may ask for a stricter k than the organisation's setting. Anonymised from scratch, the
// stricter file chose other generalisations and released rows the organisation's own export
// withheld: five Ukrainian women at k = 5 (a Belarusian and a Moldovan withheld), all seven as
// "Eastern Europe" at k = 6. An analyst holding both files picked out the two rows only the
// stricter one had, with every other detail: a class of 2. (Found by a reviewing helper.) So a
// stricter release is built from the organisation's: the same rows or fewer, each as coarse or
// coarser, and a row the organisation's release withheld stays withheld. The base is the least k
// any release may have (MIN_ANONYMITY_K), not the organisation's current setting: with the setting
// as base, raising it from 5 to 6 brought the same comparison back between a file made before the
// change and one made after (found by a reviewing helper). Every release at any k, now or later,
// is nested in the one release at the least k, so any two of them compare safely.
import {
  anonymise,
  assertKAnonymous,
  countPeople,
  SUPPRESSED,
  type AnonymisedRow,
  type KAnonymity,
  type PersonOf,
  type QuasiIdentifier,
} from './k-anonymity'

/** A row released with no quasi-identifier shown (its class is the one of hidden rows). */
export const isHiddenRow = <R>(row: AnonymisedRow<R>) => row.values.every((value) => value === SUPPRESSED)

/** k-anonymity at `k` (≥ baseK), nested in the release at the organisation's `baseK`. */
export function anonymiseNested<R>(
  rows: readonly R[],
  qis: readonly QuasiIdentifier<R>[],
  k: number,
  baseK: number,
  /** Who each row is about: classes count people (k-anonymity.ts, PersonOf). */
  personOf?: PersonOf<R>,
): KAnonymity<R> {
  const people = personOf ? { personOf: personOf as PersonOf<unknown> } : {}
  const base = anonymise(rows, qis, baseK, people)
  if (k <= baseK) return base
  const shown = base.rows.filter((row) => !isHiddenRow(row))
  const strict =
    shown.length > 0
      ? anonymise(
          shown.map((one) => one.row),
          qis,
          k,
          { floor: base.levels, ...people },
        )
      : null
  const kept = strict?.rows.filter((row) => !isHiddenRow(row)) ?? []
  const keptSet = new Set(kept.map((one) => one.row))
  // Hidden: those the base release hid, and those the stricter one hides now. Together one class,
  // released only if it has k rows; the rows the base release dropped stay out.
  const hidden = base.rows.filter((one) => isHiddenRow(one) || !keptSet.has(one.row)).map((one) => one.row)
  const keepHidden = countPeople(hidden, personOf) >= k
  const top = qis.map((qi) => qi.levels.length)
  const out = keepHidden
    ? [...kept, ...hidden.map((row) => ({ row, values: qis.map(() => SUPPRESSED), levels: top }))]
    : kept
  assertKAnonymous(out, k, personOf)
  return {
    rows: out,
    levels: strict?.levels ?? base.levels,
    rowsWithSuppressedCells: keepHidden ? hidden.length : 0,
    suppressedCells: keepHidden ? hidden.length * qis.length : 0,
    suppressedRows: rows.length - out.length,
  }
}
