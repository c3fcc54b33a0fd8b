import ExcelJS from 'exceljs'
import { htcds } from '../../api/contract/htcds'
import type { ImportRowError } from '../../api/contract/import'
import { reason, rowProblem, rowProblemOf, type ImportReason } from './import-reasons'
import {
  assertImportSize,
  columnName,
  MAX_CELL_CHARS,
  MAX_XLSX_BYTES,
  normaliseHeader,
  unreadable,
  type SourceRow,
  type SourceTable,
} from './source-table'

type Cell = ExcelJS.CellValue

const fieldLabels = new Set(htcds.sections.flatMap((s) => s.fields.map((f) => normaliseHeader(f.label))))

/** The toolkit sheet's own name; any other workbook is read from its first sheet. */
const TOOLKIT_SHEET = 'case sheet'

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/**
 * What Excel shows in an error cell: a closed set of codes, echoed in the report. Anything else
 * there came from whoever wrote the file and is not repeated (it could be any text).
 */
const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
])

/** A cell as text, or a problem: formulas and error cells are refused, never evaluated. */
function cellText(value: Cell): { text: string } | { problem: ImportReason } {
  if (value === null || value === undefined) return { text: '' }
  if (typeof value === 'string') return { text: value }
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) }
  if (value instanceof Date) return { text: isoDate(value) }
  if ('formula' in value || 'sharedFormula' in value) {
    return { problem: reason('formulaCell') }
  }
  if ('error' in value) {
    const error = String(value.error)
    return { problem: reason('errorCell', { error: EXCEL_ERRORS.has(error) ? error : '#?' }) }
  }
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join('') }
  if ('text' in value) return { text: String(value.text) }
  return { problem: reason('notAValueCell') }
}

function rowCells(sheet: ExcelJS.Worksheet, rowNumber: number, width: number): Cell[] {
  const row = sheet.getRow(rowNumber)
  return Array.from({ length: width }, (_, index) => row.getCell(index + 1).value)
}

function plain(cells: Cell[]): string[] {
  return cells.map((cell) => {
    const read = cellText(cell)
    return 'text' in read ? read.text.trim() : ''
  })
}

/** The toolkit has a second header row of English labels; data starts below it. */
function isLabelRow(cells: string[]): boolean {
  const filled = cells.filter((cell) => cell !== '')
  const labels = filled.filter((cell) => fieldLabels.has(normaliseHeader(cell)))
  return filled.length > 0 && labels.length * 2 >= filled.length
}

/**
 * Reads the standard's Excel toolkit sheet (or any sheet with field names in row 1). Where the
 * name row has a gap, the label row below names the column (the v2.0 toolkit leaves one blank).
 */
export async function readXlsx(bytes: Uint8Array): Promise<SourceTable> {
  assertImportSize(bytes, MAX_XLSX_BYTES)
  const workbook = new ExcelJS.Workbook()
  try {
    // Validation lists and formatting are not data: skipping them makes large sheets load faster.
    const copy = new Uint8Array(bytes).buffer // an ArrayBuffer of exactly the file (JSZip reads those)
    await workbook.xlsx.load(copy, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
    })
  } catch {
    throw unreadable('not_xlsx', 'The file is not an Excel workbook (.xlsx).')
  }
  const sheet =
    workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === TOOLKIT_SHEET) ?? workbook.worksheets[0]
  if (!sheet) throw unreadable('no_sheet', 'The workbook has no sheet.')
  const width = sheet.columnCount
  const names = plain(rowCells(sheet, 1, width))
  if (names.every((name) => name === '')) throw unreadable('no_header', 'The sheet has no header row.')
  const second = plain(rowCells(sheet, 2, width))
  const hasLabelRow = isLabelRow(second)
  const headers = names.map((name, index) => name || (hasLabelRow ? (second[index] ?? '') : ''))
  const rows: SourceRow[] = []
  for (let rowNumber = hasLabelRow ? 3 : 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const problems: ImportRowError[] = []
    const cells = rowCells(sheet, rowNumber, width).map((value, index) => {
      const read = cellText(value)
      if ('problem' in read) {
        problems.push(rowProblemOf(rowNumber, columnName(headers, index), read.problem))
        return ''
      }
      if (read.text.length > MAX_CELL_CHARS) {
        problems.push(
          rowProblem(rowNumber, columnName(headers, index), 'valueTooLong', { length: read.text.length }),
        )
        return ''
      }
      return read.text
    })
    if (problems.length === 0 && cells.every((cell) => cell.trim() === '')) continue
    rows.push({ row: rowNumber, cells, problems })
  }
  return { headers, rows, problems: [], complete: true }
}
