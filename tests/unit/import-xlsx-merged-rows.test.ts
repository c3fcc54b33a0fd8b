// Review of e73c533: "a merged cell is one value, not copied into each column it spans". A cell
// merged DOWN a column (the same value for several cases, as people keep sheets: one intake date
// or one nationality for a family or a group found together) is now read only for the first row;
// the rows below silently lose it. Before, each row got the value.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { adminSession, caseRow, importer } from './support/import-fixtures'

const HEADER = [
  'caseNumber',
  'intakeDate',
  'prs_FirstName',
  'prs_SecondName',
  'prs_Citizenship',
  'prs_Gender',
]

describe('a value merged down over several case rows', () => {
  it('each row of the merged range keeps the value (citizenship of a group found together)', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('Case Sheet')
    sheet.addRow(HEADER)
    sheet.addRow(['XL-1', '2025-06-01', 'Amina', 'B', 'NG', 'Feminine'])
    sheet.addRow(['XL-2', '2025-06-01', 'Joy', 'B', null, 'Feminine'])
    sheet.addRow(['XL-3', '2025-06-01', 'Grace', 'B', null, 'Feminine'])
    sheet.mergeCells('E2:E4')
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const session = await adminSession()
    const { report } = await importer(session)(bytes, { format: 'htcds-xlsx', dryRun: false })
    expect(report).toMatchObject({ imported: 3 })
    const citizenship = ['XL-1', 'XL-2', 'XL-3'].map((n) => caseRow(session, n).citizenship)
    expect(citizenship).toEqual(['NG', 'NG', 'NG'])
  })
})
