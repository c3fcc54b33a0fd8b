import { describe, expect, it } from 'vitest'
import { adminSession, count, csv, FLAT_HEADER, flatRow, importer } from './support/import-fixtures'

// The import screen shows how many rows a dry run turned away as duplicates (by case number),
// beside read / would import / rejected: the report counts them, once per row.
describe('the duplicates count of an import report', () => {
  it('counts rows whose case number is already in the vault, in the dry run and the real run', async () => {
    const session = await adminSession()
    await importer(session)(csv([FLAT_HEADER, flatRow(1), flatRow(2)]), {
      format: 'htcds-csv',
      dryRun: false,
    })
    const file = csv([FLAT_HEADER, flatRow(2), flatRow(3), flatRow(1)])
    const dry = await importer(session)(file, { format: 'htcds-csv', dryRun: true })
    expect(dry.report).toMatchObject({ read: 3, valid: 1, rejected: 2, duplicates: 2, imported: 0 })
    const real = await importer(session)(file, { format: 'htcds-csv', dryRun: false })
    expect(real.report).toMatchObject({ rejected: 2, duplicates: 2, imported: 1 })
    expect(count(session, 'cases')).toBe(3)
  })

  it('counts each row of a case number repeated in the file, and a row once even with other errors', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1, { prs_Gender: 'X' }), flatRow(2), flatRow(1)]),
      { format: 'htcds-csv', dryRun: true },
    )
    expect(report).toMatchObject({ read: 3, valid: 1, rejected: 2, duplicates: 2 })
    expect(report.errors.filter((error) => error.row === 2)).toHaveLength(2)
  })

  it('is zero when no case number repeats, and for rows without a case number', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1, { caseNumber: '' }), flatRow(2, { caseNumber: '' }), flatRow(3)]),
      { format: 'htcds-csv', dryRun: true },
    )
    expect(report).toMatchObject({ read: 3, valid: 3, rejected: 0, duplicates: 0 })
  })

  it('compares case numbers without regard to capitals, against the vault and within the file', async () => {
    const session = await adminSession()
    await importer(session)(csv([FLAT_HEADER, flatRow(1, { caseNumber: 'CV-2025-001' })]), {
      format: 'htcds-csv',
      dryRun: false,
    })
    const { report } = await importer(session)(
      csv([
        FLAT_HEADER,
        flatRow(2, { caseNumber: 'cv-2025-001' }),
        flatRow(3, { caseNumber: 'A-1' }),
        flatRow(4, { caseNumber: 'a-1' }),
        flatRow(5, { caseNumber: 'B-1' }),
      ]),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(report).toMatchObject({ read: 4, duplicates: 3, imported: 1 })
    expect(report.errors.map((error) => [error.row, error.code])).toEqual([
      [2, 'numberInVault'],
      [3, 'numberOnOtherRows'],
      [4, 'numberOnOtherRows'],
    ])
    expect(count(session, 'cases')).toBe(2)
  })
})
