import { describe, expect, it } from 'vitest'
import { adminSession, count, importer, tarArchive } from './support/import-fixtures'

const CASES = 'caseNumber,intakeDate,prs_FirstName\r\nT-1,2025-01-02,Awa\r\nT-2,2025-01-03,Mai\r\n'

/**
 * A side table of CaseVault's CSV export (perpetrators, comments, referrals…) with an unclosed
 * quote cannot be read past it. Importing the cases anyway would give them without the rows that
 * follow: a survivor's known perpetrator or a referral would be lost without anyone seeing it.
 */
describe('an HTCDS CSV archive whose side table cannot be read to its end', () => {
  it.each([
    ['perpetrators.csv', 'case_number,perpetrator_id,prs_FirstName\r\nT-1,P1,"Viktor\r\nT-2,P2,Boss\r\n'],
    ['comments.csv', 'case_number,body,created_at,author\r\nT-1,"never closed,2025-01-01T00:00:00Z,\r\n'],
    [
      'referrals.csv',
      'case_number,referral_key,organisation_name\r\nT-1,R1,"Harbour Legal Aid\r\nT-2,R2,Clinic\r\n',
    ],
  ])('%s: nothing is written, and the report says why', async (file, content) => {
    const session = await adminSession()
    const bytes = await tarArchive({ 'cases.csv': CASES, [file]: content })
    const { report } = await importer(session)(bytes, { format: 'htcds-csv', dryRun: false })
    expect(report.complete).toBe(false)
    expect(report.imported).toBe(0)
    expect(report.notes.map((note) => [note.code, note.params])).toEqual([
      ['sideTableIncomplete', { file }],
      ['fileIncomplete', undefined],
    ])
    expect(count(session, 'cases')).toBe(0)
    expect(count(session, 'persons')).toBe(0)
  })

  it('a whole archive is still imported with its side tables', async () => {
    const session = await adminSession()
    const bytes = await tarArchive({
      'cases.csv': CASES,
      'perpetrators.csv': 'case_number,perpetrator_id,prs_FirstName\r\nT-1,P1,Viktor\r\n',
    })
    const { report } = await importer(session)(bytes, { format: 'htcds-csv', dryRun: false })
    expect(report).toMatchObject({ complete: true, imported: 2, notes: [] })
    expect(count(session, 'case_perpetrators')).toBe(1)
  })
})
