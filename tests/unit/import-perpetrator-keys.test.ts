import { describe, expect, it } from 'vitest'
import { adminSession, count, importer, json, tarArchive } from './support/import-fixtures'

const boss = (person: Record<string, unknown>, aliases: string[] = [], context = {}) => ({
  key: 'P7',
  person,
  aliases,
  context,
})

function file(...perpetrators: ReturnType<typeof boss>[]) {
  return json({
    standard: 'HTCDS',
    version: '2.0',
    cases: perpetrators.map((perpetrator, index) => ({
      caseNumber: `J-${index + 1}`,
      intakeDate: '2023-04-05',
      survivor: { prs_FirstName: `Survivor ${index + 1}` },
      perpetrators: [perpetrator],
    })),
  })
}

function linkedNames(session: Awaited<ReturnType<typeof adminSession>>) {
  return session.db
    .prepare(
      `SELECT c.case_number AS caseNumber, p.display_name AS perpetrator FROM case_perpetrators cp
       JOIN cases c ON c.id = cp.case_id JOIN persons p ON p.id = cp.person_id ORDER BY c.case_number`,
    )
    .all()
}

/**
 * One perpetrator id on several cases is one person linked to each (the writer makes the person
 * from the first row). A later row that gave the same id to someone else used to be linked to the
 * first row's person without a word: a survivor's case would name the wrong trafficker.
 */
describe('one perpetrator id on several rows', () => {
  it('with other details on a later row: that row is rejected, naming the row whose person is kept', async () => {
    const session = await adminSession()
    const bytes = file(
      boss({ prs_FirstName: 'Viktor', prs_SecondName: 'Petrov' }),
      boss({ prs_FirstName: 'Viktor', prs_SecondName: 'Petrov' }),
      boss({ prs_FirstName: 'Ivan', prs_SecondName: 'Sokolov' }),
    )
    const { report } = await importer(session)(bytes, { format: 'htcds-json', dryRun: true })
    expect(report).toMatchObject({ read: 3, valid: 2, rejected: 1 })
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, code: 'perpetratorDiffers', params: { key: 'P7', row: 1 } }),
    ])
    expect(report.errors[0]!.reason).toBe(
      'perpetrator P7 has other details on row 1: one id must be one person, so this case is not imported',
    )
    await importer(session)(bytes, { format: 'htcds-json', dryRun: false })
    expect(linkedNames(session)).toEqual([
      { caseNumber: 'J-1', perpetrator: 'Viktor Petrov' },
      { caseNumber: 'J-2', perpetrator: 'Viktor Petrov' },
    ])
    expect(count(session, 'cases')).toBe(2)
  })

  it('the same person with aliases in another order and another role in each case is one person', async () => {
    const session = await adminSession()
    const bytes = file(
      boss({ prs_FirstName: 'Viktor' }, ['The Boss', 'V'], { per_RoleInProcess: ['Exploiter'] }),
      boss({ prs_FirstName: 'Viktor' }, ['V', 'The Boss'], { per_RoleInProcess: ['Transporter'] }),
    )
    const { report } = await importer(session)(bytes, { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ imported: 2, rejected: 0, errors: [] })
    expect(count(session, "persons WHERE kind = 'perpetrator'")).toBe(1)
    expect(count(session, 'case_perpetrators')).toBe(2)
  })

  it('in an HTCDS CSV archive too, named by the perpetrators table', async () => {
    const session = await adminSession()
    const bytes = await tarArchive({
      'cases.csv': 'caseNumber,intakeDate,prs_FirstName\r\nT-1,2025-01-02,Awa\r\nT-2,2025-01-03,Mai\r\n',
      'perpetrators.csv': 'case_number,perpetrator_id,prs_FirstName\r\nT-1,P1,Viktor\r\nT-2,P1,Ivan\r\n',
    })
    const { report } = await importer(session)(bytes, { format: 'htcds-csv', dryRun: false })
    expect(report).toMatchObject({ imported: 1, rejected: 1 })
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, code: 'perpetratorDiffers', params: { key: 'P1', row: 2 } }),
    ])
    expect(linkedNames(session)).toEqual([{ caseNumber: 'T-1', perpetrator: 'Viktor' }])
  })
})
