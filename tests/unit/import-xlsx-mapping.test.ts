import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { adminSession, csv, importer, toolkitSheet } from './support/import-fixtures'

describe('htcds-xlsx (the standard’s Excel toolkit sheet)', () => {
  it('reads names in row 1, skips the label row, and turns labels and country names into codes', async () => {
    const session = await adminSession()
    const sheet = await toolkitSheet([
      [
        1,
        null,
        'Ana',
        'Lopez',
        'Yes',
        new Date(Date.UTC(1990, 4, 6)),
        'Feminine',
        'Albania',
        'Actual victim of trafficking',
        'NGO',
        'Debt bondage ',
        'Forced labour',
        'Construction',
        'Follow up',
        null,
      ],
      [2, null, 'Ben', null, null, null, 'Masculine', 'Atlantis', null, null, null, null, null, null, null],
      [3],
      [
        4,
        null,
        { formula: '1+1', result: 2 } as never,
        'Formula',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ])
    const { report } = await importer(session)(sheet, { format: 'htcds-xlsx', dryRun: false })
    expect(report).toMatchObject({ read: 3, imported: 1, rejected: 2 })
    expect(report.errors).toEqual([
      {
        row: 4,
        field: 'prs_Citizenship',
        code: 'notACountry',
        reason: 'not a country: give its name or its two-letter ISO code (Nigeria or NG, for example)',
      },
      { row: 6, field: 'prs_FirstName', code: 'formulaCell', reason: expect.stringMatching(/formula/) },
    ])
    expect(report.notes[0]).toMatchObject({
      code: 'noIntakeDateColumn',
      text: expect.stringMatching(/No intake date column/),
    })
    expect(report.ignoredColumns.map((column) => column.column)).toEqual([
      'column 1 (no header)',
      'cas_CaseOwner',
      'con_Consent',
    ])
    const row = session.db
      .prepare('SELECT c.*, p.record FROM cases c JOIN persons p ON p.id = c.survivor_id')
      .get() as Record<string, string>
    expect(JSON.parse(row.record!)).toEqual({
      prs_FirstName: 'Ana',
      prs_SecondName: 'Lopez',
      prs_Birthdate: '1990-05-06',
      prs_Gender: 'Feminine',
      prs_Citizenship: ['AL'],
    })
    expect(JSON.parse(row.victim!)).toEqual({
      vic_TraffickingStatus: 'ActualVictimOfTrafficking',
      vic_TraffickingStatusDecisionMakingOrg: 'NGO',
      vic_MethodsOfControl: ['DebtBondage'],
      vic_TypeOfExploitation: ['ForcedLabour'],
      vic_ForcedLabourIndustry: 'F_Construction',
    })
    expect(row).toMatchObject({ status: 'FollowUp', source_record: '{"intakeDateIsImportDate":true}' })
  })

  const toolkit = resolve(
    import.meta.dirname,
    '../../../shared/htcds/HTCDS Excel Spreadsheet single select with validation v2.0.xlsx',
  )
  it.skipIf(!existsSync(toolkit))(
    'reads the standard’s own (empty) toolkit file: every data column is matched',
    async () => {
      const session = await adminSession()
      const { report, mapping } = await importer(session)(new Uint8Array(readFileSync(toolkit)), {
        format: 'htcds-xlsx',
        dryRun: true,
      })
      expect(report).toMatchObject({ read: 0, errorCount: 0 })
      expect(mapping).toMatchObject({
        prs_FirstName: 'prs_FirstName',
        vic_TraffickinStatusDecisionMakingOrg: 'vic_TraffickingStatusDecisionMakingOrg',
        cas_Status: 'status',
        cas_ReasonForCaseClosure: 'closureReason',
      })
    },
  )
})

describe('the column-mapping step', () => {
  it('applies the user’s mapping over the automatic one, and null leaves a column out', async () => {
    const session = await adminSession()
    const file = csv([
      ['Nom', 'Date', 'Numéro'],
      ['Awa', '2025-01-02', 'N-1'],
    ])
    const { report } = await importer(session)(file, {
      format: 'htcds-csv',
      dryRun: false,
      mapping: { Nom: 'prs_FirstName', Date: 'intakeDate', Numéro: 'caseNumber' },
    })
    expect(report.imported).toBe(1)
    const ignored = await importer(session)(
      csv([
        ['caseNumber', 'intakeDate', 'prs_FirstName', 'prs_Gender'],
        ['N-2', '2025-01-02', 'B', 'Nope'],
      ]),
      {
        format: 'htcds-csv',
        dryRun: true,
        mapping: { prs_Gender: null },
      },
    )
    expect(ignored.report).toMatchObject({ valid: 1, errorCount: 0 })
    expect(ignored.report.ignoredColumns).toEqual([
      { column: 'prs_Gender', code: 'leftOutByMapping', reason: 'left out by the mapping' },
    ])
  })

  it('refuses a target that does not exist, or two columns sent to one target', async () => {
    const session = await adminSession()
    const file = csv([
      ['a', 'b'],
      ['1', '2'],
    ])
    await expect(
      importer(session)(file, { format: 'htcds-csv', dryRun: true, mapping: { a: 'prs_Nope' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(
      importer(session)(file, {
        format: 'htcds-csv',
        dryRun: true,
        mapping: { a: 'prs_FirstName', b: 'prs_FirstName' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('saves the mapping of a real run and suggests it next time for that format', async () => {
    const session = await adminSession()
    const file = csv([
      ['Nom', 'Date'],
      ['Awa', '2025-01-02'],
    ])
    await importer(session)(file, {
      format: 'htcds-csv',
      dryRun: false,
      saveMapping: true,
      mapping: { Nom: 'prs_FirstName', Date: 'intakeDate' },
    })
    const next = await importer(session)(file, { format: 'htcds-csv', dryRun: true })
    expect(next.mapping).toEqual({ Nom: 'prs_FirstName', Date: 'intakeDate' })
    const other = await importer(session)(file, {
      format: 'ctdc-csv',
      dryRun: true,
    })
    expect(other.mapping).toEqual({ Nom: null, Date: null })
  })
})
