import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { codesOf, sectionById, validateSection, type HtcdsSectionId } from '../../main/api/contract/htcds'
import { acceptedAsIs } from '../../main/core/import/fast-check-section'
import { cellValue, matchCode } from '../../main/core/import/htcds-values'
import { fieldByName } from '../../main/api/contract/htcds'

const SECTIONS: HtcdsSectionId[] = ['person', 'victim', 'case', 'historicEvent', 'perpetrator']

/** Values near every edge the standard's schemas draw: types, codes, lengths, ranges, dates. */
function valueFor(name: string): fc.Arbitrary<unknown> {
  const field = sectionById('person')!.fields.find((f) => f.name === name) ?? fieldByName(name)!
  const codes = codesOf(field.codeList ?? field.name).map((entry) => entry.code)
  const anyCode = codes.length > 0 ? fc.constantFrom(...codes) : fc.constant('x')
  return fc.oneof(
    fc.string({ maxLength: 5 }),
    fc.constantFrom(
      'x'.repeat(1000),
      'x'.repeat(1001),
      'x'.repeat(20_001),
      '2024-02-29',
      '2023-02-29',
      '2024-1-01',
    ),
    fc.double(),
    fc.constantFrom(
      0,
      -1,
      1,
      40,
      41,
      120,
      121,
      2.5,
      180,
      -180.5,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      2 ** 60,
    ),
    fc.boolean(),
    anyCode,
    fc.array(anyCode, { maxLength: 3 }),
    fc.array(fc.oneof(anyCode, fc.constant('NotACode'), fc.constant(3)), { maxLength: 3 }),
    fc.constant(null),
    fc.constant(undefined),
  )
}

describe('the import’s plain section checks', () => {
  it.each(SECTIONS)('agree with validateSection on %s records (property)', (section) => {
    const names = sectionById(section)!.fields.map((field) => field.name)
    const record = fc
      .dictionary(fc.constantFrom(...names, 'unknown_field'), fc.constant(null), { maxKeys: 6 })
      .chain((keys) =>
        fc.record(
          Object.fromEntries(
            Object.keys(keys).map((name) => [
              name,
              name === 'unknown_field' ? fc.anything() : valueFor(name),
            ]),
          ),
        ),
      )
    fc.assert(
      fc.property(record, (candidate) => {
        const slow = validateSection(section, candidate, { requireCore: false, forNewRecords: false })
        const fast = acceptedAsIs(section, candidate)
        expect(fast !== null).toBe(slow.ok)
        if (fast && slow.ok) expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.value))
      }),
      { numRuns: 400 },
    )
  })
})

describe('reading a cell as an HTCDS value', () => {
  it('takes codes or English labels in any case and spacing; unknown text stays text', () => {
    expect(matchCode('vic_MethodsOfControl', 'debt  BONDAGE ')).toBe('DebtBondage')
    expect(matchCode('iso3166', 'albania')).toBe('AL')
    expect(matchCode('iso3166', 'al')).toBe('AL')
    expect(matchCode('prs_Gender', 'Feminine')).toBe('Feminine')
    expect(matchCode('prs_Gender', 'Nope')).toBe('Nope')
  })

  it('reads dates, numbers, checkboxes and multi-selects without evaluating anything', () => {
    const field = (name: string) => fieldByName(name)!
    expect(cellValue(field('prs_Birthdate'), '2001-02-03T00:00:00.000Z')).toBe('2001-02-03')
    expect(cellValue(field('prs_Birthdate'), '36950', { spreadsheet: true })).toBe('2001-02-28')
    expect(cellValue(field('prs_Birthdate'), '36951')).toBe('36951')
    expect(cellValue(field('prs_NumberOfChildren'), '2')).toBe(2)
    expect(cellValue(field('prs_NumberOfChildren'), '=1+1')).toBe('=1+1')
    expect(cellValue(field('prs_Deceased'), 'Yes')).toBe(true)
    expect(cellValue(field('prs_Citizenship'), 'UA; ;Moldova;UA')).toEqual(['UA', 'MD'])
    expect(cellValue(field('prs_FirstName'), "'=SUM(A1)")).toBe('=SUM(A1)')
    expect(cellValue(field('prs_FirstName'), "'plain")).toBe("'plain")
  })
})
