import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { parseWellFormedCsv } from '../../main/core/import/fast-csv'
import { readCsv } from '../../main/core/import/read-csv'

/** What readCsv asks csv-parse for: the answer the fast reader must give whenever it gives one. */
function csvParse(text: string, delimiter: string): string[][] | 'error' {
  const records: string[][] = []
  try {
    parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        records.push(record)
        return undefined
      },
    })
  } catch {
    return 'error'
  }
  return records
}

const delimiters = fc.constantFrom(',', ';', '\t')
/** Text made of exactly the characters (or whole quoted cells) CSV is about: every corner comes up. */
const anyText = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '""', '\r', '\n', '\r\n', '\uFEFF', '𝄞'),
      fc.constantFrom(
        'x',
        ',',
        ';',
        '\t',
        '\n',
        '\r\n',
        '"q"',
        '"q""r"',
        '""',
        '"a,b;c\td"',
        '"l\nm"',
        '"l\r\nm"',
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))

/** Cells quoted the way a spreadsheet writes them: only when they need it, or always. */
function written(records: string[][], delimiter: string, lineBreak: string, quoteAll: boolean): string {
  const cell = (value: string) =>
    quoteAll || /["\r\n]/.test(value) || value.includes(delimiter)
      ? `"${value.replaceAll('"', '""')}"`
      : value
  return records.map((record) => record.map(cell).join(delimiter)).join(lineBreak)
}

describe('reading well-formed CSV fast', () => {
  it('gives csv-parse’s records whenever it answers at all (property)', () => {
    fc.assert(
      fc.property(anyText, delimiters, (text, delimiter) => {
        const fast = parseWellFormedCsv(text, delimiter)
        if (fast !== null) expect(fast).toEqual(csvParse(text, delimiter))
      }),
      { numRuns: 3000 },
    )
  })

  it('answers for every file written with one kind of line break (property)', () => {
    const cellText = fc
      .array(fc.constantFrom('a', 'Ö', ' ', ',', ';', '\t', '"', "'", '='), { maxLength: 6 })
      .map((parts) => parts.join(''))
    const records = fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 6,
    })
    fc.assert(
      fc.property(
        records,
        delimiters,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, lineBreak, quoteAll, finalBreak) => {
          const text = written(rows, delimiter, lineBreak, quoteAll) + (finalBreak ? lineBreak : '')
          const fast = parseWellFormedCsv(text, delimiter)
          expect(fast).not.toBeNull()
          expect(fast).toEqual(csvParse(text, delimiter))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('leaves odd files to csv-parse, which reads them as before', () => {
    for (const text of [
      'a,b\r\n1,2\n3,4\r\n', // mixed line breaks
      'a,b\r1,2\r', // old Mac line breaks
      'a,"b"c\r\n', // text after a closing quote
      'a,b"c\r\n', // a quote inside a plain cell
      'a,"b\r\n', // a quote never closed
      '\uFEFFa,b\n', // a BOM the decoder left
    ]) {
      expect(parseWellFormedCsv(text, ',')).toBeNull()
    }
    const stray = readCsv(new TextEncoder().encode('name,size\nscreen,5" wide\n'))
    expect(stray.rows[0]!.cells).toEqual(['screen', '5" wide'])
    const unclosed = readCsv(new TextEncoder().encode('name,size\n"screen,5\n'))
    expect(unclosed.complete).toBe(false)
    expect(unclosed.problems[0]!.field).toBe('(file)')
  })

  it('counts rows the same: blank lines keep their number, a quoted line break is one row', () => {
    const table = readCsv(new TextEncoder().encode('a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n'))
    expect(table.rows.map((row) => [row.row, ...row.cells])).toEqual([
      [2, '1', 'x\r\ny'],
      [4, '2', 'z'],
    ])
  })
})
