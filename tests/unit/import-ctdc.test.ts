import { describe, expect, it } from 'vitest'
import { adminSession, caseRow, csv, importer } from './support/import-fixtures'

const CTDC_HEADER = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  'meansOfControlDebtBondage',
  'meansOfControlRestrictsMovement',
  'meansOfControlThreats',
  'isForcedLabour',
  'isSexualExploit',
  'typeOfLabourConstruction',
  'typeOfLabourBegging',
  'CountryOfExploitation',
  'traffickMonths',
]

describe('ctdc-csv (CTDC public dataset layout)', () => {
  it('turns rows into de-identified records: flagged, no invented names or birthdates', async () => {
    const session = await adminSession()
    const file = csv([
      CTDC_HEADER,
      [
        '2019',
        'Case Management',
        'Female',
        '18--20',
        'Adult',
        'UA',
        '1',
        '1',
        '0',
        '1',
        '0',
        '1',
        '1',
        'PL',
        '3',
      ],
      ['2020', 'Hotline', 'Male', '', 'Minor', '', '', '', '1', '0', '1', '0', '0', '', ''],
    ])
    const { report } = await importer(session)(file, { format: 'ctdc-csv', dryRun: false })
    expect(report).toMatchObject({ read: 2, imported: 2, rejected: 0 })
    expect(report.ignoredColumns).toContainEqual({
      column: 'traffickMonths',
      code: 'unknownColumn',
      reason: 'unknown column; not imported',
    })
    const first = caseRow(session, 'CTDC-2019-00001')
    expect(first).toMatchObject({
      display_name: 'CTDC record 2',
      birthdate: null,
      age_at_intake: null,
      gender: 'Feminine',
      citizenship: 'UA',
      intake_date: '2019-01-01',
      source: 'ctdc-deidentified',
    })
    expect(JSON.parse(first.survivor)).toEqual({ prs_Gender: 'Feminine', prs_Citizenship: ['UA'] })
    expect(JSON.parse(first.aliases as string)).toEqual([])
    expect(JSON.parse(first.victim)).toEqual({
      vic_MethodsOfControl: ['DebtBondage', 'Other'],
      vic_TypeOfExploitation: ['ForcedLabour', 'ForcedBegging'],
      vic_ForcedLabourIndustry: 'F_Construction',
    })
    expect(JSON.parse(first.source_record!)).toMatchObject({
      dataset: 'CTDC',
      row: 2,
      intakeDateIsYearOnly: true,
      otherStandsFor: ['RestrictsMovement'],
      ctdc: { ageBroad: '18--20', majorityStatus: 'Adult', Datasource: 'Case Management' },
    })
    expect(session.db.prepare('SELECT type, country FROM trafficking_events').all()).toEqual([
      { type: 'Exploitation', country: 'PL' },
    ])
    expect(caseRow(session, 'CTDC-2020-00001')).toMatchObject({
      display_name: 'CTDC record 3',
      gender: 'Masculine',
    })
    // Nothing that identifies a person exists for these records.
    const identifying = session.db
      .prepare(
        `SELECT count(*) AS n FROM persons WHERE birthdate IS NOT NULL
         OR json_extract(record, '$.prs_FirstName') IS NOT NULL OR json_extract(record, '$.prs_SecondName') IS NOT NULL`,
      )
      .get() as { n: number }
    expect(identifying.n).toBe(0)
  })

  it('reports bad flags, unknown age bands, codes and years per row', async () => {
    const session = await adminSession()
    const file = csv([
      CTDC_HEADER,
      ['2019', '', 'Female', '18-20', '', 'ZZ', 'yes', '', '', '', '', '', '', '', ''],
      ['1850', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ])
    const { report } = await importer(session)(file, { format: 'ctdc-csv', dryRun: true })
    expect(report.errors).toEqual([
      {
        row: 2,
        field: 'ageBroad',
        code: 'notAnAgeBand',
        params: { bands: expect.stringContaining('18--20') },
        reason: expect.stringMatching(/^not a CTDC age band/),
      },
      { row: 2, field: 'meansOfControlDebtBondage', code: 'notAFlag', reason: 'expected 1, 0 or blank' },
      {
        row: 2,
        field: 'citizenship',
        code: 'notACountry',
        reason: 'not a country: give its name or its two-letter ISO code (Nigeria or NG, for example)',
      },
      {
        row: 3,
        field: 'yearOfRegistration',
        code: 'yearOutOfRange',
        params: { from: 1990, to: expect.any(Number) },
        reason: expect.stringMatching(/^not a year from 1990 to/),
      },
    ])
  })

  it('numbers a second import after the first, never reusing a number', async () => {
    const session = await adminSession()
    const file = csv([CTDC_HEADER, ['2019', '', 'Female', '', '', '', '', '', '', '', '', '', '', '', '']])
    await importer(session)(file, { format: 'ctdc-csv', dryRun: false })
    await importer(session)(file, { format: 'ctdc-csv', dryRun: false })
    expect(caseRow(session, 'CTDC-2019-00002')).toBeDefined()
  })

  // Found by a reviewing helper: the advice above ("give its name") was itself refused.
  it('takes a country by its name, as its row error advises, or by its code in any capitals', async () => {
    const session = await adminSession()
    const row = (citizenship: string, country: string) =>
      CTDC_HEADER.map((column) =>
        column === 'yearOfRegistration'
          ? '2019'
          : column === 'citizenship'
            ? citizenship
            : column === 'CountryOfExploitation'
              ? country
              : '',
      )
    const file = csv([CTDC_HEADER, row('Nigeria', 'Italy'), row('ng', 'it')])
    const { report } = await importer(session)(file, { format: 'ctdc-csv', dryRun: false })
    expect(report).toMatchObject({ imported: 2, errors: [] })
    const stored = session.db
      .prepare(
        `SELECT p.citizenship AS citizenship, e.country AS country FROM cases c
         JOIN persons p ON p.id = c.survivor_id JOIN trafficking_events e ON e.case_id = c.id ORDER BY c.id`,
      )
      .all()
    expect(stored).toEqual([
      { citizenship: 'NG', country: 'IT' },
      { citizenship: 'NG', country: 'IT' },
    ])
  })
})
