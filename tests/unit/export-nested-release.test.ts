// A release at a stricter k is nested in the one at the organisation's k (nested-release.ts): on
// random case sets, it holds k, shows only rows the base release showed, each at least as coarse,
// and releases nothing the base release dropped.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { anonymise, assertKAnonymous } from '../../main/core/export/k-anonymity'
import { anonymiseNested, isHiddenRow } from '../../main/core/export/nested-release'
import { DEIDENTIFIED_QUASI_IDENTIFIERS } from '../../main/core/export/quasi-identifiers'
import { caseSets } from './support/deidentified-arbitraries'

const QIS = DEIDENTIFIED_QUASI_IDENTIFIERS

describe('a stricter k', () => {
  it('is nested in the release at the organisation’s k', () => {
    fc.assert(
      fc.property(
        caseSets,
        fc.integer({ min: 5, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        (cases, baseK, more) => {
          const k = baseK + more
          const base = anonymise(cases, QIS, baseK)
          const strict = anonymiseNested(cases, QIS, k, baseK)
          assertKAnonymous(strict.rows, k)
          const baseRow = new Map(base.rows.map((one) => [one.row, one]))
          for (const one of strict.rows) {
            const before = baseRow.get(one.row)
            expect(before, 'a row the base release dropped').toBeDefined()
            if (isHiddenRow(before!)) expect(isHiddenRow(one), 'a row the base release hid').toBe(true)
            one.levels.forEach((level, q) => expect(level).toBeGreaterThanOrEqual(before!.levels[q]!))
          }
          expect(strict.rows.length + strict.suppressedRows).toBe(cases.length)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('at the organisation’s own k is the base release', () => {
    fc.assert(
      fc.property(caseSets, (cases) => {
        expect(anonymiseNested(cases, QIS, 5, 5)).toEqual(anonymise(cases, QIS, 5))
      }),
      { numRuns: 20 },
    )
  })
})
