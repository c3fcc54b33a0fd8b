// When a comment was written must be a date the file states, not one Date.parse makes up: "5" was
// stored as 1 May 2001. (Found by a reviewing helper; the refusals failed before.)
import { describe, expect, it } from 'vitest'
import { adminSession, importer, json } from './support/import-fixtures'

async function importComment(createdAt: string) {
  const session = await adminSession()
  const { report } = await importer(session)(
    json({
      standard: 'HTCDS',
      cases: [
        {
          caseNumber: 'J-1',
          intakeDate: '2025-06-01',
          survivor: { prs_FirstName: 'Awa' },
          comments: [{ body: 'Called back', createdAt }],
        },
      ],
    }),
    { format: 'htcds-json', dryRun: false },
  )
  const stored = session.db.prepare('SELECT created_at FROM case_comments').pluck().all()
  return { report, stored }
}

describe('a comment’s date on import', () => {
  it.each(['5', '12', 'June 1', '2025-02-30', '1/6/2025', '2025-06-01 soon'])(
    '"%s" is refused, and the case with it',
    async (createdAt) => {
      const { report, stored } = await importComment(createdAt)
      expect(report).toMatchObject({ rejected: 1, imported: 0 })
      expect(report.errors).toEqual([expect.objectContaining({ code: 'commentNotDated' })])
      expect(stored).toEqual([])
    },
  )

  it.each([
    ['2025-06-01', '2025-06-01T00:00:00.000Z'],
    ['2025-06-01T10:15:00.000Z', '2025-06-01T10:15:00.000Z'],
    ['2025-06-01T12:15:00+02:00', '2025-06-01T10:15:00.000Z'],
  ])('"%s" is kept as %s', async (createdAt, expected) => {
    const { report, stored } = await importComment(createdAt)
    expect(report).toMatchObject({ imported: 1 })
    expect(stored).toEqual([expected])
  })
})
