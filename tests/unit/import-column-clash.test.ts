// Two columns of a file that reach the same field. Before, any such clash refused the whole file
// during the dry run: the renderer then had no mapping step to show, and a saved mapping went on
// refusing every later file with those headers. Now only the user's own two choices are refused.
import { describe, expect, it } from 'vitest'
import { adminSession, caseRow, encode, importer } from './support/import-fixtures'

const text = (rows: string[]) => encode(rows.join('\r\n') + '\r\n')

describe('columns that reach the same field', () => {
  it('a saved choice keeps its field; the column that only matched it is left out, with the reason', async () => {
    const session = await adminSession()
    const run = importer(session)
    await run(text(['caseNumber,intakeDate,Name', 'A-1,2025-06-01,Awa']), {
      format: 'htcds-csv',
      dryRun: false,
      saveMapping: true,
      mapping: { Name: 'prs_FirstName' },
    })
    // A partner's sheet: "Name" (saved: First name) and "First Name" (matches First name too).
    const partner = text(['caseNumber,intakeDate,Name,First Name', 'B-1,2025-06-02,Bea Santos,Bea'])
    const dry = await run(partner, { format: 'htcds-csv', dryRun: true })
    expect(dry.mapping).toMatchObject({ Name: 'prs_FirstName', 'First Name': null })
    expect(dry.report.valid).toBe(1)
    expect(dry.report.ignoredColumns).toContainEqual(
      expect.objectContaining({
        column: 'First Name',
        code: 'sameTargetAsColumn',
        params: { column: 'Name' },
        reason: 'left out: column Name already fills this field (change the mapping to use this one)',
      }),
    )
    // The user's choice for this file wins over the saved one, and nothing clashes any more.
    await run(partner, {
      format: 'htcds-csv',
      dryRun: false,
      mapping: { 'First Name': 'prs_FirstName' },
    })
    expect(JSON.parse(caseRow(session, 'B-1').survivor)).toMatchObject({ prs_FirstName: 'Bea' })
  })

  it('two columns that both match one field: the first keeps it', async () => {
    const session = await adminSession()
    const dry = await importer(session)(
      text(['Case Number,Intake Date,First Name,Gender,prs_Gender', 'C-1,2025-06-01,Awa,Feminine,Masculine']),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(dry.mapping).toMatchObject({ Gender: 'prs_Gender', prs_Gender: null })
    expect(dry.report.imported).toBe(1)
    expect(JSON.parse(caseRow(session, 'C-1').survivor)).toMatchObject({ prs_Gender: 'Feminine' })
  })

  it('two columns the user sends to one field are still refused as a whole, before any row', async () => {
    const session = await adminSession()
    await expect(
      importer(session)(text(['caseNumber,intakeDate,Name,First Name', 'D-1,2025-06-02,Dee,Dee']), {
        format: 'htcds-csv',
        dryRun: true,
        mapping: { Name: 'prs_FirstName', 'First Name': 'prs_FirstName' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('the mapping remembered per format', () => {
  it('keeps the choices of every layout imported, the newest choice per header winning', async () => {
    const session = await adminSession()
    const run = importer(session)
    const options = { format: 'htcds-csv' as const, dryRun: false, saveMapping: true }
    await run(text(['caseNumber,intakeDate,Name', 'A-1,2025-06-01,Awa']), {
      ...options,
      mapping: { Name: 'prs_FirstName' },
    })
    await run(text(['caseNumber,intakeDate,Vorname', 'B-1,2025-06-01,Bea']), {
      ...options,
      mapping: { Vorname: 'prs_FirstName' },
    })
    // The shelter's own layout again: its choice is still there.
    const again = await run(text(['caseNumber,intakeDate,Name', 'A-2,2025-06-01,Cid']), {
      format: 'htcds-csv',
      dryRun: true,
    })
    expect(again.mapping.Name).toBe('prs_FirstName')
    // A header chosen again takes its newest choice.
    await run(text(['caseNumber,intakeDate,Name', 'A-3,2025-06-01,Dee']), {
      ...options,
      mapping: { Name: null },
    })
    const latest = await run(text(['caseNumber,intakeDate,Name', 'A-4,2025-06-01,Eve']), {
      format: 'htcds-csv',
      dryRun: true,
    })
    expect(latest.mapping.Name).toBeNull()
  })
})
