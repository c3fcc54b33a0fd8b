// An HTCDS CSV archive edited or packed by hand. From a reviewing helper; each failed before: a side
// table row with a cell too many kept half a comment (or a shifted perpetrator) without a word; rows
// keyed t-1 for T-1 were dropped; rows of a case number not in cases.csv vanished unseen; and of two
// exports packed together only the last was read.
import { describe, expect, it } from 'vitest'
import { adminSession, count, importer, tarArchive } from './support/import-fixtures'

const CASES = 'case_number,intake_date,prs_FirstName\r\nT-1,2025-01-02,Awa\r\nT-2,2025-01-03,Mai\r\n'
const importArchive = async (files: Record<string, string>, dryRun = false) => {
  const session = await adminSession()
  const { report } = await importer(session)(await tarArchive({ 'cases.csv': CASES, ...files }), {
    format: 'htcds-csv',
    dryRun,
  })
  return { session, report }
}
const bodies = (session: Awaited<ReturnType<typeof adminSession>>) =>
  session.db.prepare('SELECT body FROM case_comments ORDER BY id').pluck().all()

describe('an HTCDS CSV archive edited by hand', () => {
  it.each([
    [
      'comments.csv',
      'case_number,created_at,author,body\r\nT-1,2025-01-05T10:00:00.000Z,,Told us the recruiter, her uncle, holds her passport\r\n',
    ],
    [
      'perpetrators.csv',
      'case_number,perpetrator_id,prs_FirstName,prs_SecondName\r\nT-1,P1,Viktor,Petrov,Boss of the farm\r\n',
    ],
    [
      'referrals.csv',
      'case_number,referral_key,direction,organisation_name\r\nT-1,R1,outgoing,Harbour, Legal Aid\r\n',
    ],
  ])('%s: a row with a cell too many rejects its case, named by file and row', async (file, content) => {
    const { session, report } = await importArchive({ [file]: content })
    expect(report).toMatchObject({ imported: 1, rejected: 1 })
    // First the cell too many (a referral row this short has more problems after it).
    expect(report.errors[0]).toMatchObject({ row: 2, field: `${file} row 2`, code: 'extraCells' })
    expect(session.db.prepare('SELECT case_number FROM cases').pluck().all()).toEqual(['T-2'])
    expect(bodies(session)).toEqual([])
  })

  it('rows keyed by a case number in other capitals belong to that case', async () => {
    const { session, report } = await importArchive({
      'events.csv': 'case_number,event_number,hte_Type,hte_Country\r\nt-1,1,Recruitment,UA\r\n',
      'comments.csv':
        'case_number,created_at,author,body\r\nt-1,2025-01-05T10:00:00.000Z,,Called the hotline\r\n',
    })
    expect(report).toMatchObject({ imported: 2, notes: [] })
    expect(count(session, 'trafficking_events')).toBe(1)
    expect(bodies(session)).toEqual(['Called the hotline'])
  })

  it('rows of a case number cases.csv does not have are named in a note', async () => {
    const { report } = await importArchive(
      {
        'comments.csv':
          'case_number,created_at,author,body\r\nT-9,2025-01-05T10:00:00.000Z,,Second trafficker\r\n',
        'perpetrators.csv': 'case_number,perpetrator_id,prs_FirstName\r\nT-9,P1,Viktor\r\nT-8,P2,Ivan\r\n',
      },
      true,
    )
    expect(report.notes).toEqual([
      expect.objectContaining({ code: 'sideRowsWithoutCase', params: { numbers: 2 } }),
    ])
  })

  it('two exports packed in one archive are refused, not read as the last one', async () => {
    const session = await adminSession()
    const bytes = await tarArchive({
      'shelter-a/cases.csv': CASES,
      'shelter-b/cases.csv': 'case_number,intake_date,prs_FirstName\r\nB-1,2025-02-02,Lina\r\n',
    })
    await expect(importer(session)(bytes, { format: 'htcds-csv', dryRun: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { file: 'archive_twice' },
    })
  })
})
