// k-anonymity by global generalisation, then suppression (a greedy walk up each quasi-identifier's
// hierarchy, in the spirit of Sweeney's Datafly, choosing each step by its effect).
//
// Guarantee (checked again on the result before it is returned): in the released rows, every
// combination of quasi-identifier values occurs at least k times. Rows whose class is still too
// small after generalisation get every quasi-identifier replaced by SUPPRESSED; those rows form one
// class of their own, kept only if it has k rows or more, otherwise dropped.

/** The value a fully generalised (or cell-suppressed) quasi-identifier takes. */
export const SUPPRESSED = '*'

/** A row's quasi-identifier as a file shows it: null (a blank cell) when unknown or hidden. */
export const shownValue = (value: string | null | undefined): string | null =>
  value === undefined || value === SUPPRESSED ? null : value

export interface QuasiIdentifier<R> {
  name: string
  /**
   * Level 0 is the exact value; each further level must be a coarsening of the one before (equal
   * values stay equal). SUPPRESSED is the implicit last level and needs no entry.
   */
  levels: readonly { description: string; value: (row: R) => string | null }[]
  /** How much analysts lose when this one is coarsened (default 1). */
  weight?: number
}

/** Hiding a quasi-identifier entirely costs this many ordinary generalisation steps. */
const SUPPRESSION_COST = 5

export interface AnonymisedRow<R> {
  row: R
  /** One value per quasi-identifier, in the order given; SUPPRESSED where hidden. */
  values: readonly (string | null)[]
  /** The level each value is at (levels.length = suppressed). */
  levels: readonly number[]
}

export interface KAnonymity<R> {
  rows: AnonymisedRow<R>[]
  /** The level every non-suppressed row is at, per quasi-identifier. */
  levels: number[]
  rowsWithSuppressedCells: number
  suppressedCells: number
  suppressedRows: number
}

export interface KAnonymityOptions {
  /** Generalise further while more than this share of rows (and more than k rows) would need suppression. */
  maxSuppressedShare?: number
  /** The least level of each quasi-identifier: the search starts there and never goes below it. */
  floor?: readonly number[]
  /** Who a row is about (see PersonOf): classes then count people, not rows. */
  personOf?: PersonOf<unknown>
}

import { SlotTable } from './slot-table'
import { countPeople, peoplePerClass, type PersonOf } from './class-people'

export type { PersonOf } from './class-people'
export { countPeople } from './class-people'

type Level = readonly number[]

/** Dense ids of each quasi-identifier's values, per level, computed once per level used. */
function valueIds<R>(rows: readonly R[], qis: readonly QuasiIdentifier<R>[]) {
  const cache = new Map<string, { ids: Int32Array; cardinality: number; values: (string | null)[] }>()
  return (q: number, level: number) => {
    const key = `${q}:${level}`
    let entry = cache.get(key)
    if (!entry) {
      const qi = qis[q]!
      const ids = new Int32Array(rows.length)
      const values: (string | null)[] = [SUPPRESSED]
      if (level < qi.levels.length) {
        values.length = 0
        const seen = new Map<string | null, number>()
        const value = qi.levels[level]!.value
        rows.forEach((row, index) => {
          const v = value(row)
          let id = seen.get(v)
          if (id === undefined) {
            seen.set(v, (id = values.length))
            values.push(v)
          }
          ids[index] = id
        })
      }
      entry = { ids, cardinality: Math.max(values.length, 1), values }
      cache.set(key, entry)
    }
    return entry
  }
}

export function anonymise<R>(
  rows: readonly R[],
  qis: readonly QuasiIdentifier<R>[],
  k: number,
  options: KAnonymityOptions = {},
): KAnonymity<R> {
  if (!Number.isInteger(k) || k < 2) throw new Error('k must be a whole number of at least 2')
  const ids = valueIds(rows, qis)
  const top = qis.map((qi) => qi.levels.length)
  // Up to k rows (or the share) may be suppressed rather than coarsening every row further: as in
  // Datafly, a handful of outliers should not cost everyone their detail.
  const limit = Math.max(k, Math.floor(rows.length * (options.maxSuppressedShare ?? 0.05)))

  /**
   * A row's class key at `levels`: the mixed-radix number of its value ids, or text when the
   * combinations go beyond 2^53 (`numeric` says which).
   */
  function keyOf(levels: Level): { key: (index: number) => number | string; numeric: boolean } {
    const columns = levels.map((level, q) => ids(q, level))
    const arrays = columns.map((column) => column.ids)
    const radix = columns.map((column) => column.cardinality)
    const numeric = radix.reduce((product, size) => product * size, 1) < Number.MAX_SAFE_INTEGER
    const key = numeric
      ? (index: number) => {
          let code = 0
          for (let i = 0; i < arrays.length; i += 1) code = code * radix[i]! + arrays[i]![index]!
          return code
        }
      : (index: number) => arrays.map((array) => array[index]).join(',')
    return { key, numeric }
  }

  /** Equivalence classes: a representative row and the size of each (typed: no object per class). */
  interface Classes {
    reps: Int32Array
    sizes: Int32Array
    length: number
  }

  /**
   * Merges classes (or, from null, single rows) by their key at `levels`. Numeric keys (the usual
   * case) go through a typed hash table; text keys (beyond 2^53 combinations) through a Map.
   */
  function regroup(from: Classes | null, levels: Level): Classes {
    const { key, numeric } = keyOf(levels)
    const count = from ? from.length : rows.length
    const reps = new Int32Array(count)
    const sizes = new Int32Array(count)
    let length = 0
    const slotOf = numeric ? new SlotTable(count) : new Map<number | string, number>()
    for (let i = 0; i < count; i += 1) {
      const rep = from ? from.reps[i]! : i
      const size = from ? from.sizes[i]! : 1
      const k0 = key(rep) as number
      const found = slotOf.get(k0)
      if (found !== undefined) sizes[found]! += size
      else {
        slotOf.set(k0, length)
        reps[length] = rep
        sizes[length] = size
        length += 1
      }
    }
    return { reps, sizes, length }
  }

  /** Rows in classes smaller than k at `levels`, from finer classes alone (members share the key). */
  function violations(classes: Classes, levels: Level): number {
    // This runs ~100 times per year of an export, over up to a class per row: most of the
    // search's time, hence typed arrays rather than a Map of arrays (about twice as fast here).
    const merged = regroup(classes, levels)
    let count = 0
    for (let i = 0; i < merged.length; i += 1) if (merged.sizes[i]! < k) count += merged.sizes[i]!
    return count
  }

  // Greedy: each step coarsens the quasi-identifier that removes the most violations per unit of
  // information lost (suppressing a whole quasi-identifier costs more than one step up its hierarchy).
  const cost = (q: number, level: number) =>
    (qis[q]!.weight ?? 1) * (level + 1 >= top[q]! ? SUPPRESSION_COST : 1)
  const finest = regroup(
    null,
    qis.map(() => 0),
  )
  const floor = qis.map((_, q) => Math.min(options.floor?.[q] ?? 0, top[q]!))
  const levels = [...floor]
  let classes = regroup(finest, levels)
  let violating = violations(classes, levels)
  while (violating > limit) {
    let best: { q: number; violating: number; score: number } | null = null
    for (let q = 0; q < qis.length; q += 1) {
      if (levels[q]! >= top[q]!) continue
      const candidate = levels.map((level, i) => (i === q ? level + 1 : level))
      const count = violations(classes, candidate)
      const score = (violating - count) / cost(q, levels[q]!)
      // Ties go to the earlier quasi-identifier: the caller lists the cheapest to coarsen first.
      if (!best || score > best.score) best = { q, violating: count, score }
    }
    if (!best) break
    levels[best.q]! += 1
    classes = regroup(classes, levels)
    violating = best.violating
  }
  // Then improve on the greedy path: undo steps later steps made unnecessary, or trade a costly
  // step for a cheaper one elsewhere, while k still holds within the suppression limit.
  const totalCost = (candidate: Level) =>
    candidate.reduce((sum, level, q) => {
      for (let l = 0; l < level; l += 1) sum += cost(q, l)
      return sum
    }, 0)
  for (let improved = true; improved;) {
    improved = false
    let best: { levels: number[]; cost: number } | null = null
    for (let q = 0; q < qis.length; q += 1) {
      if (levels[q] === floor[q]) continue
      // Every candidate below is at least as coarse as this node, so its classes come from here.
      const lowered = levels.map((level, i) => (i === q ? level - 1 : level))
      const base = regroup(finest, lowered)
      for (let r = -1; r < qis.length; r += 1) {
        if (r === q || (r >= 0 && levels[r]! >= top[r]!)) continue
        const candidate = lowered.map((level, i) => (i === r ? level + 1 : level))
        const candidateCost = totalCost(candidate)
        if (candidateCost >= (best?.cost ?? totalCost(levels))) continue
        if (violations(base, candidate) <= limit) best = { levels: candidate, cost: candidateCost }
      }
    }
    if (best) {
      best.levels.forEach((level, q) => (levels[q] = level))
      improved = true
    }
  }
  classes = regroup(finest, levels)

  const { key } = keyOf(levels)
  const personOf = options.personOf as PersonOf<R> | undefined
  // The search above counted rows (fast, and the same when every person has one row); the verdict
  // counts people: a class short of k people is withheld like any other small class.
  const sizes = personOf ? peoplePerClass(rows, key, personOf) : new Map<number | string, number>()
  if (!personOf)
    for (let i = 0; i < classes.length; i += 1) sizes.set(key(classes.reps[i]!), classes.sizes[i]!)
  const small = [...rows.keys()].filter((index) => (sizes.get(key(index)) ?? 0) < k)
  const keepSuppressed =
    countPeople(
      small.map((index) => rows[index]!),
      personOf,
    ) >= k
  const smallSet = new Set(small)
  const out: AnonymisedRow<R>[] = []
  rows.forEach((row, index) => {
    if (smallSet.has(index)) {
      if (keepSuppressed) out.push({ row, values: qis.map(() => SUPPRESSED), levels: top })
      return
    }
    out.push({
      row,
      values: levels.map((level, q) => {
        const column = ids(q, level)
        return column.values[column.ids[index]!] ?? null
      }),
      levels,
    })
  })
  assertKAnonymous(out, k, personOf)
  return {
    rows: out,
    levels,
    rowsWithSuppressedCells: keepSuppressed ? small.length : 0,
    suppressedCells: keepSuppressed ? small.length * qis.length : 0,
    suppressedRows: keepSuppressed ? 0 : small.length,
  }
}

/** The guarantee, checked on what is about to be released; a failure is a bug, never shipped. */
export function assertKAnonymous<R>(
  rows: readonly AnonymisedRow<R>[],
  k: number,
  personOf?: PersonOf<R>,
): void {
  const classes = new Map<string, R[]>()
  for (const row of rows) {
    const tuple = JSON.stringify(row.values)
    const members = classes.get(tuple)
    if (members) members.push(row.row)
    else classes.set(tuple, [row.row])
  }
  for (const members of classes.values()) {
    const count = countPeople(members, personOf)
    if (count < k) throw new Error(`k-anonymity violated: a class of ${count} < ${k}`)
  }
}
