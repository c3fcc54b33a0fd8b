import ExcelJS from 'exceljs'
import { zipInflatedSize } from './zip-inflated-size'
import { htcds } from '../../api/contract/htcds'
import {
  importFieldMarkers,
  MAX_MAPPED_COLUMNS,
  type ImportNote,
  type ImportRowError,
} from '../../api/contract/import'
import { importNote, rowProblem, rowProblemOf } from './import-reasons'
import { cellText, shownValue, type Cell } from './xlsx-cell-text'
import { isKnownHeader } from './column-mapping'
import {
  assertHeadersFit,
  assertImportSize,
  columnName,
  MAX_CELL_CHARS,
  MAX_XLSX_BYTES,
  normaliseHeader,
  unreadable,
  type SourceRow,
  type SourceTable,
} from './source-table'

const fieldLabels = new Set(htcds.sections.flatMap((s) => s.fields.map((f) => normaliseHeader(f.label))))

/** The toolkit sheet's own name; any other workbook is read from its first sheet. */
const TOOLKIT_SHEET = 'case sheet'

/**
 * More columns than any case sheet has (the HTCDS toolkit has about 200). A wider header is
 * refused: every row is made that wide in memory, so it bounds what a small file can cost.
 */
export const MAX_XLSX_COLUMNS = MAX_MAPPED_COLUMNS

function tooManyColumns() {
  return unreadable('too_many_columns', `The sheet has more than ${MAX_XLSX_COLUMNS} columns.`)
}

/**
 * A sheet may say it is far wider and longer than what it holds (one formatted cell at XFD1048576
 * in a 7 KB file). Only the cells that exist are visited, so reading costs what the file holds.
 */
function sparseCells(row: ExcelJS.Row): Map<number, Cell> {
  const cells = new Map<number, Cell>()
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    // A merged range holds one value, in its first cell; the others only show it. Read as their
    // own, "Amina" merged across two name columns became "Amina Amina".
    // Merged down a column (a citizenship shared by a group found together), each row keeps it.
    // So a block merge (two name columns over two rows) is read once per row, in its first column.
    const acrossColumns =
      cell.type === ExcelJS.ValueType.Merge && Number(cell.master.col) !== Number(cell.col)
    if (!acrossColumns) cells.set(column, shownValue(cell))
  })
  return cells
}

/** Cells 1..width in order; a missing one is empty. */
function denseCells(cells: Map<number, Cell>, width: number): Cell[] {
  return Array.from({ length: width }, (_, index) => cells.get(index + 1) ?? null)
}

/** The last column with text in it (0 when none): how wide the header really is. */
function lastFilled(texts: string[]): number {
  for (let index = texts.length - 1; index >= 0; index -= 1) if (texts[index] !== '') return index + 1
  return 0
}

function lastColumn(cells: Map<number, Cell>): number {
  return cells.size === 0 ? 0 : Math.max(...cells.keys())
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

/** How many cells of a sheet's first two rows name a column the import reads. */
function headerMatches(sheet: ExcelJS.Worksheet): number {
  const cells = [...sparseCells(sheet.getRow(1)).values(), ...sparseCells(sheet.getRow(2)).values()]
  return plain(cells).filter((text) => text !== '' && isKnownHeader('htcds-xlsx', text)).length
}

/**
 * The sheet to read: the toolkit's "Case Sheet", else the visible sheet whose header names the
 * most columns the import knows (the first when none does: the user maps its columns). Hidden
 * sheets are lists and lookups, never cases: read in place of the cases, each row of a hidden
 * list became an unnamed survivor. Other visible sheets with a known header and rows below it are
 * named in a note, so that cases on them are not left behind unseen.
 */
function chooseSheet(workbook: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; alsoWithCases: string[] } {
  const visible = workbook.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden')
  if (visible.length === 0) throw unreadable('no_sheet', 'The workbook has no sheet.')
  const scored = visible.map((ws) => ({ ws, matches: headerMatches(ws) }))
  const sheet =
    visible.find((ws) => ws.name.trim().toLowerCase() === TOOLKIT_SHEET) ??
    scored.reduce((best, next) => (next.matches > best.matches ? next : best)).ws
  const alsoWithCases = scored
    .filter(({ ws, matches }) => ws !== sheet && matches > 0 && ws.actualRowCount > 1)
    .map(({ ws }) => ws.name)
  return { sheet, alsoWithCases }
}

/**
 * An OLE compound file: what Excel writes for a workbook encrypted with a password (File > Info >
 * Encrypt with Password, which NGOs are often told to use) and for an old .xls. It had been told
 * "not an Excel workbook", and the user took the file for damaged.
 */
/** What a workbook may unpack to: far above any case sheet (100k rows × 200 columns ≈ 400 MB). */
const MAX_XLSX_INFLATED_BYTES = 1024 ** 3

const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
function isCompoundFile(bytes: Uint8Array): boolean {
  return COMPOUND_FILE_SIGNATURE.every((byte, index) => bytes[index] === byte)
}

/**
 * Reads the standard's Excel toolkit sheet (or any sheet with field names in row 1). Where the
 * name row has a gap, the label row below names the column (the v2.0 toolkit leaves one blank).
 * `date1904`: the workbook counts date serials from 1904 (old Mac Excel). ExcelJS converts
 * date-formatted cells itself; a serial in a General cell is only known to be a date once the
 * column is mapped to a date field, so the date system goes on with the table (htcds-values.ts).
 */
export async function readXlsx(
  bytes: Uint8Array,
): Promise<{ table: SourceTable; notes: ImportNote[]; date1904: boolean }> {
  assertImportSize(bytes, MAX_XLSX_BYTES)
  // Only a zip that says what it unpacks to, within reason, is unpacked (zip-inflated-size.ts). A
  // file that is no zip at all goes on, to be told what it is below.
  const inflated = zipInflatedSize(bytes)
  if (inflated !== null && inflated > MAX_XLSX_INFLATED_BYTES)
    throw unreadable('too_large', 'The workbook unpacks to more than 1 GB.')
  const workbook = new ExcelJS.Workbook()
  try {
    // Validation lists and formatting are not data: skipping them makes large sheets load faster.
    const copy = new Uint8Array(bytes).buffer // an ArrayBuffer of exactly the file (JSZip reads those)
    await workbook.xlsx.load(copy, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
    })
  } catch {
    if (isCompoundFile(bytes))
      throw unreadable(
        'xlsx_protected',
        'The workbook is protected with a password (or is an old .xls). Remove the password, or save it as .xlsx, then import it.',
      )
    throw unreadable('not_xlsx', 'The file is not an Excel workbook (.xlsx).')
  }
  const { sheet, alsoWithCases } = chooseSheet(workbook)
  const notes = alsoWithCases.length
    ? [importNote('otherSheetsLeftOut', { sheet: sheet.name, sheets: alsoWithCases.join(', ') })]
    : []
  const nameCells = sparseCells(sheet.getRow(1))
  const labelCells = sparseCells(sheet.getRow(2))
  const names = plain(denseCells(nameCells, lastColumn(nameCells)))
  if (names.every((name) => name === '')) throw unreadable('no_header', 'The sheet has no header row.')
  const second = plain(denseCells(labelCells, lastColumn(labelCells)))
  const hasLabelRow = isLabelRow(second)
  // The header is as wide as its last named column: cells beyond it have no column to go to.
  const width = Math.max(lastFilled(names), hasLabelRow ? lastFilled(second) : 0)
  if (width > MAX_XLSX_COLUMNS) throw tooManyColumns()
  const headers = Array.from({ length: width }, (_, index) =>
    names[index] ? names[index] : hasLabelRow ? (second[index] ?? '') : '',
  )
  assertHeadersFit(headers)
  const rows: SourceRow[] = []
  const firstDataRow = hasLabelRow ? 3 : 2
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < firstDataRow) return
    const sparse = sparseCells(row)
    const problems: ImportRowError[] = []
    const cellProblems: { column: number; problem: ImportRowError }[] = []
    const beyond = [...sparse].filter(([column, value]) => column > width && plain([value])[0] !== '')
    if (beyond.length > 0) {
      const cellCount = Math.max(width, lastColumn(sparse))
      problems.push(
        rowProblem(rowNumber, importFieldMarkers.row, 'extraCells', { cells: cellCount, columns: width }),
      )
    }
    const cells = denseCells(sparse, width).map((value, index) => {
      const read = cellText(value)
      if ('problem' in read) {
        cellProblems.push({
          column: index,
          problem: rowProblemOf(rowNumber, columnName(headers, index), read.problem),
        })
        return ''
      }
      if (read.text.length > MAX_CELL_CHARS) {
        const problem = rowProblem(rowNumber, columnName(headers, index), 'valueTooLong', {
          length: read.text.length,
        })
        cellProblems.push({ column: index, problem })
        return ''
      }
      return read.text
    })
    if (problems.length === 0 && cellProblems.length === 0 && cells.every((cell) => cell.trim() === ''))
      return
    rows.push({ row: rowNumber, cells, problems, ...(cellProblems.length ? { cellProblems } : {}) })
  })
  const date1904 = workbook.properties.date1904 === true
  return { table: { headers, rows, problems: [], complete: true }, notes, date1904 }
}
