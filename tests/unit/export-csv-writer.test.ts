// The CSV writer, which every export goes through: RFC 4180 round trips, the formula guard, the
// byte-order mark (not on files software reads) and never a NUL.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { csvCell, CsvBuilder } from '../../main/core/export/csv-writer'
import { ctdcCsv } from '../../main/core/export/ctdc-csv'
import { unguard } from '../../main/core/import/htcds-values'

describe('CSV writer', () => {
  it('round-trips any text through csv-parse (quotes, commas, line breaks, unicode)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 3, maxLength: 3 }), {
          maxLength: 20,
        }),
        (rows) => {
          const csv = new CsvBuilder(['a', 'b', 'c'])
          for (const row of rows) csv.add(row)
          const parsed = parse(csv.toBuffer(), { relax_quotes: false }) as string[][]
          expect(parsed.slice(1).map((row) => row.map(unguard))).toEqual(rows.filter(() => true))
        },
      ),
    )
  })

  it('writes formula-like text as text, and numbers as numbers', () => {
    expect(csvCell('=1+2')).toBe("'=1+2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(-12.5)).toBe('-12.5')
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
    expect(csvCell(null)).toBe('')
    // A leading apostrophe is guarded too, so unguarding gives back exactly the text.
    expect(csvCell("'-1")).toBe("''-1")
    expect(unguard(csvCell("'-1"))).toBe("'-1")
    expect(unguard(csvCell("'Tis"))).toBe("'Tis")
  })

  it('writes the CTDC file without a byte-order mark (CTDC’s software reads it)', () => {
    expect((parse(ctdcCsv([]), { to_line: 1 }) as string[][])[0]![0]).toBe('yearOfRegistration')
  })

  it('marks the file as UTF-8 for spreadsheets (a byte-order mark), and never writes a NUL', () => {
    const csv = new CsvBuilder(['name', 'note'])
    csv.add(['Nguyễn', 'pasted\u0000text'])
    const bytes = csv.toBuffer()
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.includes(0)).toBe(false)
    expect(parse(bytes, { bom: true })).toEqual([
      ['name', 'note'],
      ['Nguyễn', 'pasted\uFFFDtext'],
    ])
    // A share that continues another's table has no header line, so no mark in the middle of a file.
    const share = new CsvBuilder(['name'], { headerLine: false })
    share.add(['Ana'])
    expect(share.toBuffer().toString()).toBe('Ana\r\n')
  })
})
