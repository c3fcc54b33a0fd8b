// One cell of an Excel sheet as the text the import reads (read-xlsx.ts): values only, never a
// formula's result, and a problem rather than a guess when the cell holds no readable value.
import type ExcelJS from 'exceljs'
import { reason, type ImportReason } from './import-reasons'

export type Cell = ExcelJS.CellValue

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

const richText = (parts: ExcelJS.RichText[]) => parts.map((part) => part.text).join('')

/**
 * A date cell's day, or null when its number is no date at all: a phone number typed into a
 * column formatted as dates is beyond JavaScript's dates, and toISOString's RangeError had failed
 * the whole import ("Something went wrong") instead of naming the row and cell.
 */
function isoDate(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

/** A link's shown text, which may itself be formatted in parts (an e-mail half in bold). */
function linkText(text: unknown): string {
  // Clear Contents keeps a cell's link: the cell then has the link and no text. It is empty, not
  // the word "undefined" (which had been stored as the survivor's e-mail or name).
  if (text === undefined || text === null) return ''
  if (typeof text === 'object' && 'richText' in text && Array.isArray(text.richText))
    return richText(text.richText as ExcelJS.RichText[])
  return String(text)
}

/** A cell as text, or a problem: formulas and error cells are refused, never evaluated. */
export function cellText(value: Cell): { text: string } | { problem: ImportReason } {
  if (value === null || value === undefined) return { text: '' }
  if (typeof value === 'string') return { text: value }
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) }
  if (value instanceof Date) {
    const day = isoDate(value)
    return day === null ? { problem: reason('notADate') } : { text: day }
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return { problem: reason('formulaCell') }
  }
  if ('error' in value) {
    const error = String(value.error)
    return { problem: reason('errorCell', { error: EXCEL_ERRORS.has(error) ? error : '#?' }) }
  }
  if ('richText' in value) return { text: richText(value.richText) }
  if ('text' in value) return { text: linkText(value.text) }
  return { problem: reason('notAValueCell') }
}

/** A number format of zeros only (00000): how a sheet keeps the leading zeros of an ID column. */
const ZEROS_ONLY = /^0+$/

/**
 * A cell's value, with the leading zeros its format shows: 123 shown as 00123 had been stored as
 * case number "123" (not found by a search for the number on the sheet, nor caught as a
 * duplicate of "00123"). Only zeros-only formats are applied: they say "this number is a code",
 * and their text is plain. Other formats (decimals, thousands, currency, text around the number)
 * change how a quantity looks, not what it is, so the number itself is read as before.
 */
export function shownValue(cell: ExcelJS.Cell): Cell {
  const { value } = cell
  // A merged cell shows its master's value, in its master's format.
  const format = cell.master.numFmt
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return value
  if (typeof format !== 'string' || !ZEROS_ONLY.test(format)) return value
  return String(value).padStart(format.length, '0')
}
