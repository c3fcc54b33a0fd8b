import { parse } from 'csv-parse/sync'
import { parseWellFormedCsv } from './fast-csv'
import { importFieldMarkers, type ImportRowError } from '../../api/contract/import'
import { rowProblem, type PlainReasonCode } from './import-reasons'
import {
  assertHeadersFit,
  columnName,
  decodeText,
  MAX_CELL_CHARS,
  unreadable,
  type SourceRow,
  type SourceTable,
} from './source-table'

interface CsvParseError extends Error {
  code?: string
  records?: number
}

// csv-parse's own messages quote the offending value, which may be survivor data: never pass them on.
const PARSE_REASONS: Record<string, PlainReasonCode> = {
  CSV_QUOTE_NOT_CLOSED: 'quoteNotClosed',
  CSV_MAX_RECORD_SIZE: 'rowTooLarge',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'cellCountDiffers',
}

/** The delimiter of the header line: Excel writes ';' in many locales, tab for "text" exports. */
function detectDelimiter(text: string): string {
  // Cut at any line end: with CR alone (Excel for Mac's "CSV (Macintosh)") the "first line" was
  // the whole file, whose ;-separated codes then made ';' the delimiter and nothing imported.
  const firstLine = text.slice(0, text.search(/[\r\n]|$/))
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map((delimiter) => ({
    delimiter,
    count: outsideQuotes.split(delimiter).length - 1,
  }))
  counts.sort((a, b) => b.count - a.count)
  return counts[0]!.count > 0 ? counts[0]!.delimiter : ','
}

function rowProblems(row: number, cells: string[], headerCount: number): ImportRowError[] {
  const problems: ImportRowError[] = []
  if (cells.length > headerCount && cells.slice(headerCount).some((cell) => cell.trim() !== '')) {
    problems.push(
      rowProblem(row, importFieldMarkers.row, 'extraCells', { cells: cells.length, columns: headerCount }),
    )
  }
  return problems
}

const RELAXED = {
  bom: true,
  relax_column_count: true,
  // Any line ending, mixed in one file (rows pasted from another program): csv-parse otherwise
  // takes the first one it sees, and merges the rows that end differently.
  record_delimiter: ['\r\n', '\n', '\r'],
  // A stray quote inside an unquoted value (5" screen) is kept as text, not an error.
  relax_quotes: true,
  skip_empty_lines: false,
}

/**
 * csv-parse with relaxed rules: what any file that is not plain, well-formed CSV is read with.
 * `rtrim`: spaces after a closing quote (`"Survivor1" ,`, a hand edit) end the quoted value, as
 * spreadsheets read it; kept as raw text, the quote marks had been stored in the survivor's name.
 * (It also trims the end of unquoted values, which the import trims anyway; a quoted value keeps
 * its spaces.)
 */
function parseRelaxed(text: string, delimiter: string, records: string[][]): void {
  parse(text, {
    ...RELAXED,
    rtrim: true,
    delimiter,
    on_record: (record: string[]) => {
      records.push(record)
      return undefined
    },
  })
}

/**
 * A file in which some row has text after a closing quote (`"x" y`, which rtrim cannot trim):
 * read without rtrim, so that row keeps its field as written rather than the file being refused
 * from there on, and every other row read again on its own with rtrim. Read whole without it, a
 * hand-edited `"Survivor1" ,` elsewhere in the file had kept its quote marks.
 */
function parseRelaxedRowByRow(text: string, delimiter: string, records: string[][]): void {
  parse(text, {
    ...RELAXED,
    rtrim: false,
    raw: true,
    delimiter,
    // With `raw`, csv-parse hands on_record the record and its text (its types say the record).
    on_record: (value: unknown) => {
      const { record, raw } = value as { record: string[]; raw: string }
      records.push(trimmedAlone(raw, delimiter) ?? record)
      return undefined
    },
  })
}

function trimmedAlone(raw: string, delimiter: string): string[] | null {
  try {
    const alone = parse(raw, { ...RELAXED, rtrim: true, delimiter }) as string[][]
    return alone.length === 1 ? alone[0]! : null
  } catch {
    return null
  }
}

/**
 * Reads a CSV file into header + rows. Every cell stays text: nothing is cast, and a cell that
 * starts with =, +, - or @ is a value like any other, never a formula. Row numbers count records
 * the way a spreadsheet shows them (a quoted line break does not start a new row).
 */
export function readCsv(bytes: Uint8Array): SourceTable {
  const text = decodeText(bytes)
  const delimiter = detectDelimiter(text)
  const wellFormed = parseWellFormedCsv(text, delimiter)
  const records: string[][] = wellFormed ?? []
  let problem: ImportRowError | null = null
  if (!wellFormed) {
    try {
      try {
        parseRelaxed(text, delimiter, records)
      } catch (error) {
        if ((error as CsvParseError).code !== 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') throw error
        records.length = 0
        parseRelaxedRowByRow(text, delimiter, records)
      }
    } catch (error) {
      const parseError = error as CsvParseError
      const code = parseError.code ?? ''
      if (!code.startsWith('CSV_') && !code.startsWith('INVALID_')) throw error
      const row = (parseError.records ?? records.length) + 1
      problem = rowProblem(row, importFieldMarkers.file, PARSE_REASONS[code] ?? 'notValidCsv')
    }
  }
  const [header, ...data] = records
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw unreadable('no_header', 'The file has no header row.')
  }
  const headers = header.map((cell) => cell.trim())
  assertHeadersFit(headers)
  const rows: SourceRow[] = []
  data.forEach((cells, index) => {
    const row = index + 2
    if (cells.every((cell) => cell.trim() === '')) return
    const problems = rowProblems(row, cells, headers.length)
    cells.forEach((cell, column) => {
      if (cell.length > MAX_CELL_CHARS) {
        problems.push(rowProblem(row, columnName(headers, column), 'valueTooLong', { length: cell.length }))
        cells[column] = ''
      }
    })
    rows.push({
      row,
      cells: cells.length > headers.length ? cells.slice(0, headers.length) : cells,
      problems,
    })
  })
  return { headers, rows, problems: problem ? [problem] : [], complete: problem === null }
}
