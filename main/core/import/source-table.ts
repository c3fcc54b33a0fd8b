import { readFile, stat } from 'node:fs/promises'
import { CaseVaultError } from '../errors'
import {
  MAX_HEADER_CHARS,
  MAX_MAPPED_COLUMNS,
  unnamedColumn,
  type ImportRowError,
} from '../../api/contract/import'

/** One data row of a tabular file: cells in header order, as text (nothing is ever evaluated). */
export interface SourceRow {
  /** The row number the user sees (header = row 1). */
  row: number
  cells: string[]
  /** Problems found while reading the row itself (too many cells…). */
  problems: ImportRowError[]
  /**
   * Problems of single cells (a formula, an error value, a value too long), by column index: they
   * count only for the columns the import reads (column-mapping.ts: rowProblemsIn). A helper
   * column in a workbook (=ROW(), a VLOOKUP showing #N/A) had rejected every row, even when the
   * mapping left it out.
   */
  cellProblems?: { column: number; problem: ImportRowError }[]
}

/** A tabular file as read: headers, data rows, and whether the reader got to its end. */
export interface SourceTable {
  headers: string[]
  rows: SourceRow[]
  /** File-level problems tied to a row (e.g. where an unclosed quote starts). */
  problems: ImportRowError[]
  /** False when the file could not be read to the end: the import then writes nothing. */
  complete: boolean
}

/** Files larger than this are refused before parsing: imports are read whole into memory. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024
/** The Excel reader inflates the zip in memory: a smaller bound keeps a zip bomb harmless. */
export const MAX_XLSX_BYTES = 64 * 1024 * 1024
/** Longer cells are refused unread: no HTCDS field holds more than 20,000 characters. */
export const MAX_CELL_CHARS = 100_000

/** A file that cannot be read at all: one clear message, nothing else is checked. */
export function unreadable(
  reason: string,
  message: string,
  details: Record<string, unknown> = {},
): CaseVaultError {
  return new CaseVaultError('VALIDATION', message, { file: reason, ...details })
}

/**
 * The screen sends the suggested mapping back with the run, keyed by header: a header row that
 * mapping could not carry (more named columns, or a longer header, than the contract allows) would
 * check fine and then never import. Such a file is refused up front, with its own message.
 */
export function assertHeadersFit(headers: readonly string[]): void {
  if (new Set(headers.filter((header) => header !== '')).size > MAX_MAPPED_COLUMNS)
    throw unreadable('too_many_columns', `The file has more than ${MAX_MAPPED_COLUMNS} columns.`)
  const long = headers.findIndex((header) => header.length > MAX_HEADER_CHARS)
  if (long >= 0)
    throw unreadable(
      'header_too_long',
      `The header of column ${long + 1} is longer than ${MAX_HEADER_CHARS} characters.`,
      { column: long + 1 },
    )
}

export function assertImportSize(bytes: Uint8Array, max = MAX_IMPORT_BYTES): void {
  if (bytes.byteLength === 0) throw unreadable('empty', 'The file is empty.')
  if (bytes.byteLength > max) {
    throw unreadable('too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`)
  }
}

/**
 * Text files must be UTF-8 (a BOM is fine) or UTF-16 with a BOM (Excel's "Unicode text"). Any
 * other encoding is refused rather than guessed: a wrong guess would silently garble names.
 */
export function decodeText(bytes: Uint8Array): string {
  assertImportSize(bytes)
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      const lossy = new TextDecoder('utf-8').decode(bytes)
      const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length
      throw unreadable(
        'encoding',
        `The file is not UTF-8 text (first bad byte on line ${line}). Save it as "CSV UTF-8" and try again.`,
      )
    }
  }
  if (text.includes('\u0000')) throw unreadable('binary', 'The file is not text (it contains NUL bytes).')
  if (text.trim().length === 0) throw unreadable('empty', 'The file is empty.')
  return text
}

/** Lower-case letters and digits only: "Case Number", "case_number" and "caseNumber" match. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** What the user calls a column in messages: its header, or its position when it has none. */
export function columnName(headers: readonly string[], index: number): string {
  const header = headers[index]?.trim()
  return header ? header : unnamedColumn(index + 1)
}

/** Reads a chosen import file whole, refusing a huge one before reading it. */
export async function readImportBytes(path: string): Promise<Uint8Array> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch {
    throw new CaseVaultError('NOT_FOUND', 'The import file cannot be found or opened.', { file: 'missing' })
  }
  if (size === 0) throw unreadable('empty', 'The file is empty.')
  if (size > MAX_IMPORT_BYTES) {
    throw unreadable('too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`)
  }
  return new Uint8Array(await readFile(path))
}
