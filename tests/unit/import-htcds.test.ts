import { describe, expect, it } from 'vitest'
import {
  adminSession,
  caseRow,
  count,
  csv,
  FLAT_HEADER,
  flatRow,
  importer,
  json,
} from './support/import-fixtures'

describe('htcds-csv (CaseVault/HTCDS flat layout)', () => {
  it('imports coded and labelled values, ;-joined multi-selects, and keeps the file’s case numbers', async () => {
    const session = await adminSession()
    const file = csv([
      FLAT_HEADER,
      flatRow(1),
      flatRow(2, {
        prs_Gender: 'masculine',
        vic_TypeOfExploitation: 'Forced labour; Forced begging',
        status: 'Follow Up',
      }),
    ])
    const { report } = await importer(session)(file, { format: 'htcds-csv', dryRun: false })
    expect(report).toMatchObject({
      read: 2,
      valid: 2,
      rejected: 0,
      imported: 2,
      errorCount: 0,
      complete: true,
    })
    const second = caseRow(session, 'IMP-2025-00002')
    expect(second).toMatchObject({
      status: 'FollowUp',
      gender: 'Masculine',
      citizenship: 'UA',
      source: 'htcds-import',
    })
    expect(JSON.parse(second.victim).vic_TypeOfExploitation).toEqual(['ForcedLabour', 'ForcedBegging'])
    expect(JSON.parse(second.survivor)).toMatchObject({
      prs_FirstName: 'Survivor2',
      prs_Citizenship: ['UA', 'MD'],
    })
    const types = session.db
      .prepare('SELECT code FROM case_exploitation_types ORDER BY code')
      .all()
      .map((row) => (row as { code: string }).code)
    expect(types).toEqual(['ForcedBegging', 'ForcedLabour', 'ForcedLabour', 'SexualExploitation'])
  })

  it('matches headers case-insensitively, by label too, in any order, with ; as the delimiter', async () => {
    const session = await adminSession()
    const file = csv(
      [
        ['Gender', 'INTAKE DATE', 'First Name', 'case number', 'PRS_CITIZENSHIP'],
        ['Feminine', '2024-12-31', 'Mira', 'X-1', 'Kenya'],
      ],
      ';',
    )
    const { report, mapping } = await importer(session)(file, { format: 'htcds-csv', dryRun: false })
    expect(mapping).toEqual({
      Gender: 'prs_Gender',
      'INTAKE DATE': 'intakeDate',
      'First Name': 'prs_FirstName',
      'case number': 'caseNumber',
      PRS_CITIZENSHIP: 'prs_Citizenship',
    })
    expect(report.imported).toBe(1)
    expect(caseRow(session, 'X-1')).toMatchObject({
      display_name: 'Mira',
      citizenship: 'KE',
      intake_date: '2024-12-31',
    })
  })

  it('writes one audit row per import with format and counts', async () => {
    const session = await adminSession()
    await importer(session)(csv([FLAT_HEADER, flatRow(1), flatRow(2, { prs_Gender: 'Nope' })]), {
      format: 'htcds-csv',
      dryRun: false,
    })
    const audit = session.audit.list(5).filter((entry) => entry.action.startsWith('import'))
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'import.completed',
        actor: 'amara',
        details: {
          format: 'htcds-csv',
          read: 2,
          imported: 1,
          rejected: 1,
          allOrNothing: false,
          complete: true,
        },
      }),
    ])
  })
})

describe('htcds-json', () => {
  const document = {
    standard: 'HTCDS',
    version: '2.0',
    cases: [
      {
        caseNumber: 'J-1',
        status: 'Closed',
        intakeDate: '2023-04-05',
        closureReason: 'Returned home safely',
        survivor: { prs_FirstName: 'Ana', prs_Birthdate: '2000-01-01', prs_Gender: 'Feminine' },
        survivorAliases: ['Annie'],
        // Deprecated in HTCDS 2.0: refused for new records, still readable on import.
        victim: { vic_Vulnerabilities: ['Poverty'], vic_TypeOfExploitation: 'SexualExploitation' },
        details: { cas_Status: 'Closed' },
        events: [{ hte_Type: 'Recruitment', hte_Country: 'NG', hte_Date: '2022-10-01' }],
        perpetrators: [{ personId: 7, person: { prs_FirstName: 'Big' }, aliases: ['Boss'], context: {} }],
        comments: [
          { body: 'First contact by phone.', createdAt: '2023-04-05T10:00:00.000Z', author: 'amara' },
        ],
      },
      {
        caseNumber: 'J-2',
        intakeDate: '2023-05-06',
        survivor: { prs_FirstName: 'Eko' },
        perpetrators: [{ personId: 7, person: { prs_FirstName: 'Big' }, aliases: ['Boss'], context: {} }],
      },
    ],
  }

  it('imports cases with events, perpetrators (one person per key), comments and deprecated fields', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(json(document), { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ read: 2, imported: 2, rejected: 0 })
    const first = caseRow(session, 'J-1')
    expect(first).toMatchObject({
      status: 'Closed',
      closure_reason: 'Returned home safely',
      age_at_intake: 23,
    })
    expect(JSON.parse(first.victim)).toEqual({
      vic_Vulnerabilities: ['Poverty'],
      vic_TypeOfExploitation: ['SexualExploitation'],
    })
    expect(count(session, 'trafficking_events')).toBe(1)
    expect(count(session, "persons WHERE kind = 'perpetrator'")).toBe(1)
    expect(count(session, 'case_perpetrators')).toBe(2)
    expect(session.db.prepare('SELECT author_user_id, body FROM case_comments').get()).toEqual({
      author_user_id: 1,
      body: 'First contact by phone.',
    })
  })

  it('reports keys it does not know, and rows that are not cases, without stopping', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      json({
        cases: [
          { caseNumber: 'J-9', intakeDate: '2023-01-01', survivor: { prs_FirstName: 'A', favourite: 'x' } },
          42,
        ],
      }),
      { format: 'htcds-json', dryRun: true },
    )
    expect(report.ignoredColumns).toContainEqual({
      column: 'survivor.favourite',
      code: 'unknownKey',
      reason: 'unknown field; not imported',
    })
    expect(report.errors).toContainEqual({
      row: 2,
      field: '(case)',
      code: 'notAnObject',
      reason: 'expected an object',
    })
    expect(report).toMatchObject({ read: 2, valid: 1, rejected: 1 })
  })
})
