import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { MAX_XLSX_COLUMNS, readXlsx } from '../../main/core/import/read-xlsx'
import { adminSession, count, importer } from './support/import-fixtures'

/**
 * A sheet's used range can be far larger than what it holds: one stray cell at column XFD and
 * one far down make a 7 KB file that is 16,384 columns wide and thousands of rows long. The reader
 * used to visit every cell of that range, which ran the app out of memory.
 */
async function sheetWithStrayCells(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Case Sheet')
  sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName'])
  sheet.addRow(['X-1', '2025-01-01', 'Ana'])
  sheet.getCell('XFD2').value = 'stray note'
  sheet.getCell('A20000').value = 'X-2'
  sheet.getCell('B20000').value = '2025-02-01'
  sheet.getCell('XFD1048576').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('an Excel sheet whose used range is far larger than its content', () => {
  it('is read by the cells it holds: the header is as wide as its named columns', async () => {
    const bytes = await sheetWithStrayCells()
    expect(bytes.byteLength).toBeLessThan(20_000)
    const { table } = await readXlsx(bytes)
    expect(table.headers).toEqual(['caseNumber', 'intakeDate', 'prs_FirstName'])
    expect(table.rows.map((row) => [row.row, row.cells])).toEqual([
      [2, ['X-1', '2025-01-01', 'Ana']],
      [20000, ['X-2', '2025-02-01', '']],
    ])
    // The value with no column is reported, as in a CSV row with too many cells, not dropped quietly.
    expect(table.rows[0]!.problems).toEqual([
      expect.objectContaining({ field: '(row)', code: 'extraCells', params: { cells: 16384, columns: 3 } }),
    ])
    expect(table.rows[1]!.problems).toEqual([])
  })

  it('the row with a value outside the columns is named and left out; the other row is imported', async () => {
    const session = await adminSession()
    const bytes = await sheetWithStrayCells()
    const { report } = await importer(session)(bytes, { format: 'htcds-xlsx', dryRun: false })
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, code: 'extraCells' })])
    expect(report.imported).toBe(1)
    expect(count(session, 'cases')).toBe(1)
  })

  it('a header wider than any case sheet is refused with its own reason', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Case Sheet')
    sheet.addRow(['caseNumber', 'intakeDate'])
    sheet.getRow(1).getCell(MAX_XLSX_COLUMNS + 1).value = 'one column too many'
    sheet.addRow(['X-1', '2025-01-01'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    await expect(readXlsx(bytes)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { file: 'too_many_columns' },
    })
  })

  it('cells in a column the header names only in the label row are kept', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Case Sheet')
    sheet.addRow(['cas_CaseOwner', 'prs_SecondName', null])
    sheet.addRow(['Case Owner', 'Second Name', 'First Name'])
    sheet.addRow(['Shelter', 'Silva', 'Ana'])
    const { table } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))
    expect(table.headers).toEqual(['cas_CaseOwner', 'prs_SecondName', 'First Name'])
    expect(table.rows).toEqual([{ row: 3, cells: ['Shelter', 'Silva', 'Ana'], problems: [] }])
  })
})
