import { describe, expect, it } from 'vitest'
import {
  adminSession,
  count,
  csv,
  FLAT_HEADER,
  flatRow,
  footprint,
  importer,
} from './support/import-fixtures'

describe('a dry run', () => {
  it('checks every row and writes nothing: no case, no audit row, no saved mapping', async () => {
    const session = await adminSession()
    const before = footprint(session)
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1), flatRow(2, { prs_Gender: 'X' })]),
      {
        format: 'htcds-csv',
        dryRun: true,
        saveMapping: true,
      },
    )
    expect(report).toMatchObject({ dryRun: true, read: 2, valid: 1, rejected: 1, imported: 0 })
    expect(footprint(session)).toEqual(before)
  })
})

describe('the real run', () => {
  it('imports the valid rows in one transaction and reports the others', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1), flatRow(2, { intakeDate: '2025-02-30' }), flatRow(3)]),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(report).toMatchObject({ read: 3, valid: 2, rejected: 1, imported: 2 })
    expect(count(session, 'cases')).toBe(2)
  })

  it('imports nothing when "all or nothing" was chosen and a row fails', async () => {
    const session = await adminSession()
    const before = footprint(session)
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1), flatRow(2, { prs_Gender: 'X' })]),
      {
        format: 'htcds-csv',
        dryRun: false,
        allOrNothing: true,
      },
    )
    expect(report).toMatchObject({ valid: 1, rejected: 1, imported: 0 })
    expect(report.notes).toContainEqual({
      code: 'allOrNothingRefused',
      text: 'All or nothing: a row was rejected, so nothing was imported.',
    })
    expect({ ...footprint(session), audit: before.audit }).toEqual(before)
    expect(count(session, 'audit_log')).toBe(before.audit + 1)
  })

  it('never half-writes: a failure inside the transaction rolls every case back', async () => {
    const session = await adminSession()
    // A database-level failure on the third insert (standing in for a full disk or a crash).
    session.db.exec(
      `CREATE TEMP TRIGGER fail_third BEFORE INSERT ON cases WHEN NEW.case_number = 'IMP-2025-00003'
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    )
    const before = footprint(session)
    await expect(
      importer(session)(csv([FLAT_HEADER, flatRow(1), flatRow(2), flatRow(3), flatRow(4)]), {
        format: 'htcds-csv',
        dryRun: false,
      }),
    ).rejects.toThrow(/disk full/)
    expect(footprint(session)).toEqual(before)
  })
})

describe('duplicates by case number', () => {
  it('rejects rows whose case number is already in the vault', async () => {
    const session = await adminSession()
    const file = csv([FLAT_HEADER, flatRow(1), flatRow(2)])
    await importer(session)(file, { format: 'htcds-csv', dryRun: false })
    const { report } = await importer(session)(csv([FLAT_HEADER, flatRow(2), flatRow(3)]), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report).toMatchObject({ imported: 1, rejected: 1 })
    expect(report.errors).toEqual([
      {
        row: 2,
        field: 'caseNumber',
        code: 'numberInVault',
        reason: 'this case number is already in the vault',
      },
    ])
    expect(count(session, 'cases')).toBe(3)
  })

  it('rejects every row that shares a case number with another row of the file', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(csv([FLAT_HEADER, flatRow(1), flatRow(2), flatRow(1)]), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report).toMatchObject({ read: 3, imported: 1, rejected: 2 })
    expect(report.errors).toEqual([
      {
        row: 2,
        field: 'caseNumber',
        code: 'numberOnOtherRows',
        params: { rows: '4' },
        reason: 'the same case number is on row 4',
      },
      {
        row: 4,
        field: 'caseNumber',
        code: 'numberOnOtherRows',
        params: { rows: '2' },
        reason: 'the same case number is on row 2',
      },
    ])
  })

  it('gives rows without a case number new numbers that skip those the file uses', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1, { caseNumber: '' }), flatRow(2, { caseNumber: 'SHS-2025-00001' })]),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(report.imported).toBe(2)
    const numbers = session.db.prepare('SELECT case_number FROM cases ORDER BY case_number').all()
    expect(numbers).toEqual([{ case_number: 'SHS-2025-00001' }, { case_number: 'SHS-2025-00002' }])
  })
})
