// Checks of the Excel and JSON import that held up when a reviewing helper tried them: kept as
// regression tests. Real encrypted vaults, no mocks.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { adminSession, caseRow, count, fileWith, footprint, importer } from './support/import-fixtures'
import { closedVault, runCommand } from './support/cli-run'
import { ADMIN } from './support/temp-vault'

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('Excel import, held', () => {
  it('a date-formatted cell of a 1904-date workbook is read as the day the sheet shows', async () => {
    const bytes = await book((wb) => {
      wb.properties.date1904 = true
      const sheet = wb.addWorksheet('Case Sheet')
      sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName', 'prs_Birthdate'])
      sheet.addRow(['H-1904', new Date(Date.UTC(2024, 11, 31)), 'Amina', new Date(Date.UTC(2000, 0, 1))])
    })
    const session = await adminSession()
    const { report } = await importer(session)(bytes, { format: 'htcds-xlsx', dryRun: false })
    expect(report.errors).toEqual([])
    const row = caseRow(session, 'H-1904')
    expect(row.intake_date).toBe('2024-12-31')
    expect(row.birthdate).toBe('2000-01-01')
  })

  it('duplicate case numbers, in the sheet and against the vault, are named by the rows the sheet shows, across empty rows', async () => {
    const session = await adminSession()
    const first = await book((wb) => {
      const sheet = wb.addWorksheet('Case Sheet')
      sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName'])
      sheet.addRow(['D-OLD', '2025-06-01', 'Amina'])
    })
    expect((await importer(session)(first, { format: 'htcds-xlsx', dryRun: false })).report.imported).toBe(1)
    const bytes = await book((wb) => {
      const sheet = wb.addWorksheet('Case Sheet')
      sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName'])
      sheet.getRow(3).values = ['D-1', '2025-06-01', 'Bola']
      sheet.getRow(7).values = ['d-old', '2025-06-01', 'Chi']
      sheet.getRow(9).values = ['D-1', '2025-06-01', 'Dee']
      sheet.getRow(12).values = ['D-2', '2025-06-01', 'Efe']
    })
    const before = footprint(session)
    const { report } = await importer(session)(bytes, { format: 'htcds-xlsx', dryRun: true })
    expect(footprint(session)).toEqual(before)
    expect(report).toMatchObject({ read: 4, valid: 1, rejected: 3, duplicates: 3 })
    expect(report.errors.map((error) => [error.row, error.field, error.code])).toEqual([
      [3, 'caseNumber', 'numberOnOtherRows'],
      [7, 'caseNumber', 'numberInVault'],
      [9, 'caseNumber', 'numberOnOtherRows'],
    ])
  })

  it('an entity-expansion bomb in the shared strings is refused as no workbook, quickly, writing nothing', async () => {
    const plain = await book((wb) => {
      const sheet = wb.addWorksheet('Case Sheet')
      sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName'])
      sheet.addRow(['B-1', '2025-06-01', 'Amina'])
    })
    const zip = await JSZip.loadAsync(plain)
    const laughs = Array.from(
      { length: 9 },
      (_, n) => `<!ENTITY l${n + 1} "${`&l${n};`.repeat(10)}">`,
    ).join('')
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string')
    zip.file(
      'xl/sharedStrings.xml',
      strings
        .replace('<sst', `<!DOCTYPE sst [<!ENTITY l0 "lol">${laughs}]><sst`)
        .replace('Amina', '&l9;'),
    )
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))
    const session = await adminSession()
    const started = Date.now()
    await expect(importer(session)(bytes, { format: 'htcds-xlsx', dryRun: false })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(count(session, 'cases')).toBe(0)
  })
})

describe('CLI import, held', () => {
  it('prints read, imported, rejected and duplicates, then one line per row error, for an Excel sheet', async () => {
    const bytes = await book((wb) => {
      const sheet = wb.addWorksheet('Case Sheet')
      sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName', 'prs_Gender'])
      sheet.addRow(['C-1', '2025-06-01', 'Amina', 'Feminine'])
      sheet.addRow(['C-2', '2025-06-01', 'Bola', 'Purple'])
      sheet.addRow(['C-1', '2025-06-01', 'Chi', 'Feminine'])
      sheet.addRow(['C-3', '2025-06-01', { formula: 'A2', result: 'x' }, 'Feminine'])
    })
    const { dataDir } = await closedVault(0)
    const file = fileWith(bytes, 'cases.xlsx')
    const result = await runCommand(
      ['import', '--data', dataDir, '--user', ADMIN.username, '--file', file, '--format', 'htcds-xlsx'],
      `${ADMIN.passphrase}\n`,
    )
    expect(result.exit).toBe(0)
    expect(result.out.slice(0, 4)).toEqual(['read: 4', 'imported: 0', 'rejected: 4', 'duplicates: 2'])
    const rows = result.out.slice(4)
    expect(rows).toContain('row 2: caseNumber: the same case number is on row 4')
    expect(rows).toContain('row 4: caseNumber: the same case number is on row 2')
    expect(rows.some((line) => line.startsWith('row 3: prs_Gender: not one of'))).toBe(true)
    expect(rows.some((line) => line.startsWith('row 5: prs_FirstName: the cell holds a formula'))).toBe(true)
    // No value of the file in the output: the wrong code is not echoed.
    expect(result.out.join('\n')).not.toContain('Purple')
  })
})
