import { describe, expect, it } from 'vitest'
import { createCaseInput } from '../../main/api/contract'
import { createCaseService } from '../../main/core/cases/case-service'
import { caseNumberInVault } from '../../main/core/cases/case-number-key'
import { survivorCase } from './support/case-fixtures'
import { adminSession, csv, FLAT_HEADER, flatRow, importer } from './support/import-fixtures'
import type { VaultSession } from '../../main/core/vault/vault-session'

// The test vault is "Safe Harbour Shelter": its own numbers are SHS-<year>-<five digits>.
const numbers = (session: VaultSession) =>
  session.db.prepare('SELECT case_number FROM cases ORDER BY id').pluck().all() as string[]

async function importNumbers(session: VaultSession, ...caseNumbers: string[]) {
  const rows = caseNumbers.map((caseNumber, index) => flatRow(index + 1, { caseNumber }))
  const { report } = await importer(session)(csv([FLAT_HEADER, ...rows]), {
    format: 'htcds-csv',
    dryRun: false,
  })
  return report
}

/**
 * A case number is compared without regard to capitals or character width wherever one is handed
 * out, as the import's duplicate check compares them: shs-2025-00001 from a partner's sheet and a
 * new SHS-2025-00001 would be two survivors under one number to everyone who reads it.
 */
describe('case numbers that differ only in capitals or width are one number', () => {
  it('a new case skips a number the vault holds in other capitals', async () => {
    const session = await adminSession()
    expect(await importNumbers(session, 'shs-2025-00001')).toMatchObject({ imported: 1 })
    const created = createCaseService(session).create(
      createCaseInput.parse(survivorCase({ intakeDate: '2025-06-01' })),
    )
    expect(created.caseNumber).toBe('SHS-2025-00002')
  })

  it('or in full-width characters', async () => {
    const session = await adminSession()
    expect(await importNumbers(session, 'ＳＨＳ-２０２５-００００１')).toMatchObject({ imported: 1 })
    expect(caseNumberInVault(session.db, 'SHS-2025-00001')).toBe(true)
    expect(caseNumberInVault(session.db, 'SHS-2025-00002')).toBe(false)
    const created = createCaseService(session).create(
      createCaseInput.parse(survivorCase({ intakeDate: '2025-06-01' })),
    )
    expect(created.caseNumber).toBe('SHS-2025-00002')
  })

  it('an import numbering a row itself skips a number another row of the file has in other capitals', async () => {
    const session = await adminSession()
    const report = await importNumbers(session, '', 'shs-2025-00001')
    expect(report).toMatchObject({ imported: 2, rejected: 0 })
    expect(numbers(session)).toEqual(['SHS-2025-00002', 'shs-2025-00001'])
  })

  it('an import numbering a row itself skips a number the vault has in other capitals', async () => {
    const session = await adminSession()
    await importNumbers(session, 'shs-2025-00001')
    await importNumbers(session, '')
    expect(numbers(session)).toEqual(['shs-2025-00001', 'SHS-2025-00002'])
  })

  it('many cases at once (training vaults) skip it too', async () => {
    const session = await adminSession()
    await importNumbers(session, 'shs-2025-00002')
    const input = createCaseInput.parse(survivorCase({ intakeDate: '2025-06-01' }))
    createCaseService(session).createMany([{ input }, { input }])
    expect(numbers(session)).toEqual(['shs-2025-00002', 'SHS-2025-00001', 'SHS-2025-00003'])
  })

  it('the dry run finds a full-width number the vault has in ASCII', async () => {
    const session = await adminSession()
    createCaseService(session).create(createCaseInput.parse(survivorCase({ intakeDate: '2025-06-01' })))
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1, { caseNumber: 'ｓｈｓ-2025-00001' })]),
      { format: 'htcds-csv', dryRun: true },
    )
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, code: 'numberInVault' })])
  })
})
