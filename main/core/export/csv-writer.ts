// RFC 4180 CSV, written by hand on purpose: csv-stringify measured 4–5× slower here (100k rows ×
// 40 columns: 1.7 s vs 0.4 s), and export must do ≥ 50k rows/s. A round-trip property test against
// csv-parse keeps this honest.

import { Utf8Chunks } from './utf8-chunks'

export type CsvCell = string | number | boolean | null | undefined

// Spreadsheets run a cell that starts with one of these as a formula ("CSV injection"): a name or
// note typed by anyone could then reach the network from a supervisor's PC. Text cells starting so
// get a leading apostrophe, which spreadsheets show as text; numbers are written as they are.
// Text that itself starts with an apostrophe gets one too, so a reader can undo exactly one and
// "'-1" stays "'-1" (found by the round-trip property test).
// (Checked by character code rather than by regular expression: this runs for every cell of an
// export, millions of times, and a plain loop is cheaper there than a regular expression call.)
const isFormulaStart = (code: number) =>
  code === 61 /* = */ ||
  code === 43 /* + */ ||
  code === 45 /* - */ ||
  code === 64 /* @ */ ||
  code === 9 /* tab */ ||
  code === 13 /* CR */ ||
  code === 39 /* ' */
const isSpace = (code: number) => code <= 32 || code === 160

const NEEDS_QUOTES = 1
const HAS_NUL = 2

/**
 * NEEDS_QUOTES for a quote, comma or line break (RFC 4180 then needs the cell quoted); HAS_NUL for
 * a NUL character, which makes importers (CaseVault's among them) take the whole file for binary.
 */
function scan(text: string): number {
  let found = 0
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code === 34 || code === 44 || code === 13 || code === 10) found |= NEEDS_QUOTES
    else if (code === 0) found |= HAS_NUL
  }
  return found
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value === '') return ''
  let text = isFormulaStart(value.charCodeAt(0)) ? `'${value}` : value
  const found = scan(text)
  // A NUL pasted into a note once made the whole archive unimportable: it becomes U+FFFD, the
  // character that stands for "a character was here that cannot be shown".
  if (found & HAS_NUL) text = text.replace(/\0/g, '\uFFFD')
  // Quoted when RFC 4180 needs it, and around edge whitespace that a reader might trim.
  const quote =
    found & NEEDS_QUOTES || isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))
  return quote ? `"${text.replace(/"/g, '""')}"` : text
}

const BYTE_ORDER_MARK = '\uFEFF'

/** Builds one CSV document row by row, each row encoded to UTF-8 as it comes (see Utf8Chunks). */
export class CsvBuilder {
  private readonly out = new Utf8Chunks()
  private count = 0

  /**
   * Without `headerLine`, only rows: one share of a table that another share starts. The header
   * line starts with a byte-order mark unless `byteOrderMark` is false: without it, Excel on
   * Windows reads the file in the local code page and shows "NguyÃ¡»…n" for Nguyễn and nothing
   * legible for Arabic or Amharic names. CaseVault's importer and csv-parse (bom: true) skip it.
   */
  constructor(
    header: readonly string[],
    { headerLine = true, byteOrderMark = true }: { headerLine?: boolean; byteOrderMark?: boolean } = {},
  ) {
    if (!headerLine) return
    if (byteOrderMark) this.out.write(BYTE_ORDER_MARK)
    this.line(header.map(csvCell))
  }

  add(cells: readonly CsvCell[]): void {
    this.addEscaped(cells.map(csvCell))
  }

  /** A record whose cells are escaped already (by csvCell). `cells` is left as it was given. */
  addEscaped(cells: string[]): void {
    this.line(cells)
    this.count += 1
  }

  private line(cells: string[]): void {
    // CRLF line ends (RFC 4180), the last line included. Put into the last cell so that the line
    // is one join: one flat string to encode.
    const last = cells.length - 1
    if (last < 0) {
      this.out.write('\r\n')
      return
    }
    const end = cells[last]!
    cells[last] = `${end}\r\n`
    this.out.write(cells.join(','))
    cells[last] = end
  }

  get rows(): number {
    return this.count
  }

  /** The document as UTF-8 chunks (no copy); the builder is empty afterwards. */
  toChunks(): Buffer[] {
    return this.out.take()
  }

  /** The document as one UTF-8 buffer of its own (a copy: not a view into a larger chunk). */
  toBuffer(): Buffer {
    return Buffer.concat(this.out.take())
  }
}

/** Multi-select codes in one cell: `;`-joined (codes never contain `;`). */
export function joinCodes(codes: readonly string[] | null | undefined): string {
  return codes ? codes.join(';') : ''
}
