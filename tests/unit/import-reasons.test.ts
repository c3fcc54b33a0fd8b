import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import {
  importReasonCodes,
  type IgnoredColumn,
  type ImportNote,
  type ImportReasonParams,
  type ImportRowError,
} from '../../main/api/contract/import'
import { htcds, validateSection, type HtcdsSectionId } from '../../main/api/contract/htcds'
import { runCli } from '../../main/cli/commands'
import { checkSection } from '../../main/core/import/field-issues'
import { englishReasons, reasonText } from '../../main/core/import/import-reasons'
import { en } from '../../renderer/src/i18n/en'
import { badFiles, xlsxMapping } from './support/import-bad-files'
import { csv, fileWith, importer } from './support/import-fixtures'
import { createdVault } from './support/temp-vault'

const TODAY = new Date('2025-06-15T10:00:00Z')
const codes = new Set<string>(importReasonCodes)
/** Cell values of the bad files that must never come back in a report. */
const LEAKS =
  /Secret-Value|AAAAAAAAAA|Teleportation|Pending|nobody|#bad number|Boss|Bea,|maybe|north|yesterday|Nope/

/** A coded item: its code is in the closed set, its params are plain values, its English is the table's. */
function expectCoded(item: { code: string; params?: ImportReasonParams }, english: string) {
  expect(codes.has(item.code), item.code).toBe(true)
  for (const value of Object.values(item.params ?? {})) expect(['string', 'number']).toContain(typeof value)
  expect(reasonText(item as Parameters<typeof reasonText>[0])).toBe(english)
}

describe('every problem of a bad file has a reason code, and the same English as before', () => {
  it.each(badFiles.map((file) => [file.name, file] as const))('%s', async (_, file) => {
    const { vault } = await createdVault({ clock: () => TODAY })
    const session = vault.session()!
    if (file.before) await importer(session)(file.before, { format: file.format, dryRun: false })
    const { report } = await importer(session)(await file.bytes(), {
      format: file.format,
      dryRun: file.dryRun ?? true,
      allOrNothing: file.allOrNothing ?? false,
      ...(file.format === 'htcds-xlsx' ? { mapping: xlsxMapping } : {}),
    })
    expect(report.errors.map((e: ImportRowError) => [e.row, e.field, e.reason])).toEqual(file.expected.errors)
    expect(report.ignoredColumns.map((c: IgnoredColumn) => [c.column, c.reason])).toEqual(
      file.expected.ignored,
    )
    expect(report.notes.map((note: ImportNote) => note.text)).toEqual(file.expected.notes)
    for (const error of report.errors) expectCoded(error, error.reason)
    for (const column of report.ignoredColumns) expectCoded(column, column.reason)
    for (const note of report.notes) expectCoded(note, note.text)
    // Values from the cells never come back, in the sentence or in the params.
    expect(JSON.stringify(report)).not.toMatch(LEAKS)
  })

  it('the numbers of a sentence are its params (what the renderer words in the reader’s language)', async () => {
    const { vault } = await createdVault({ clock: () => TODAY })
    const [file] = badFiles
    const { report } = await importer(vault.session()!)(await file!.bytes(), {
      format: 'htcds-csv',
      dryRun: true,
    })
    const byRow = (row: number) => report.errors.filter((error) => error.row === row)
    expect(byRow(2)).toEqual([
      expect.objectContaining({ field: '(row)', code: 'extraCells', params: { cells: 18, columns: 17 } }),
    ])
    expect(byRow(3)[0]).toMatchObject({ code: 'valueTooLong', params: { length: 100_001 } })
    expect(byRow(4)[0]).toMatchObject({ code: 'textTooLong', params: { max: 1000 } })
    expect(byRow(7)[0]).toMatchObject({ code: 'dateTooEarly', params: { date: '1950-01-01' } })
    expect(byRow(8)[0]).toMatchObject({
      code: 'notACode',
      params: {
        values:
          'Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
      },
    })
    expect(byRow(11)[0]).toMatchObject({ code: 'numberOnOtherRows', params: { rows: '12, 13' } })
    expect(report.ignoredColumns.map((column) => column.code)).toEqual([
      'unknownColumn',
      'foreignReference',
      'fieldNotKept',
      'noHeader',
      'repeatedColumn',
    ])
  })
})

describe('what a reason may echo', () => {
  it('an Excel error cell shows its code; text that is not one of Excel’s codes is not repeated', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Case Sheet')
    sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName', 'prs_SecondName'])
    sheet.addRow(['X-1', '2025-01-01', { error: '#N/A' }, { error: 'Jane Doe' }])
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    const { vault } = await createdVault({ clock: () => TODAY })
    const { report } = await importer(vault.session()!)(bytes, { format: 'htcds-xlsx', dryRun: true })
    expect(report.errors).toEqual([
      expect.objectContaining({ field: 'prs_FirstName', code: 'errorCell', params: { error: '#N/A' } }),
      expect.objectContaining({
        field: 'prs_SecondName',
        code: 'errorCell',
        params: { error: '#?' },
        reason: 'the cell shows an error (#?)',
      }),
    ])
    expect(JSON.stringify(report)).not.toContain('Jane')
  })
})

describe('the reason tables', () => {
  it('main has an English sentence for every code, and nothing else', () => {
    expect(Object.keys(englishReasons).sort()).toEqual([...importReasonCodes].sort())
    for (const code of importReasonCodes) expect(englishReasons[code].length, code).toBeGreaterThan(5)
  })

  it('the renderer words every code with the same placeholders as main', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const messages = en.exchange.importReasons as Record<string, string>
    expect(Object.keys(messages).sort()).toEqual([...importReasonCodes].sort())
    for (const code of importReasonCodes) {
      expect(placeholders(messages[code]!), code).toEqual(placeholders(englishReasons[code]))
    }
  })
})

const IMPORT_SECTIONS: HtcdsSectionId[] = ['person', 'victim', 'case', 'historicEvent', 'perpetrator']
const BAD_VALUES: unknown[] = [
  5,
  1.5,
  -1e9,
  1e9,
  1e300,
  Number.NaN,
  'words',
  '',
  'x'.repeat(1001),
  'x'.repeat(20_001),
  '2025-02-30',
  true,
  [],
  ['Nope'],
  [3],
  {},
]

describe('the standard’s checks keep their words as reason codes', () => {
  it.each([false, true])('every field type, every kind of bad value (new records: %s)', (forNewRecords) => {
    const options = { requireCore: false, forNewRecords }
    let compared = 0
    for (const sectionId of IMPORT_SECTIONS) {
      const section = htcds.sections.find((entry) => entry.id === sectionId)!
      for (const field of section.fields) {
        const repeated =
          field.type === 'multiPicklist' ? [[...Array(2)].fill(codeOf(field.codeList ?? field.name))] : []
        for (const value of [...BAD_VALUES, ...repeated]) {
          const record = { [field.name]: value }
          const expected = validateSection(sectionId, record, options)
          const actual = checkSection(sectionId, record, options)
          expect(actual.ok).toBe(expected.ok)
          if (expected.ok || actual.ok) continue
          expect(actual.issues.map((issue) => [issue.field, reasonText(issue.reason)])).toEqual(
            expected.issues.map((issue) => [issue.field, issue.message.replace(`${issue.field}: `, '')]),
          )
          for (const issue of actual.issues) expect(issue.reason.code).not.toBe('notValid')
          compared += actual.issues.length
        }
      }
      // A key the section does not have, and a record that is not an object.
      const unknown = checkSection(sectionId, { shoeSize: 42 }, options)
      expect(unknown).toMatchObject({
        ok: false,
        issues: [{ field: 'shoeSize', reason: { code: 'unknownField' } }],
      })
      const notObject = checkSection(sectionId, 'text', options)
      expect(notObject).toMatchObject({
        ok: false,
        issues: [{ field: '', reason: { code: 'notAFieldObject' } }],
      })
    }
    expect(compared).toBeGreaterThan(300)
  })
})

function codeOf(list: string): string {
  return htcds.codeLists[list]![0]!.code
}

describe('npm run cli -- import prints the same English as before', () => {
  it('row problems on stdout, ignored columns and notes on stderr', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const file = fileWith(
      csv([
        ['caseNumber', 'prs_FirstName', 'prs_Gender', 'shoeSize'],
        ['C-1', 'Awa', 'Feminine', '42'],
        ['C-2', 'Bea', 'Unknown-ish', ''],
        ['C-1', 'Chidi', 'Masculine', '', 'stray'],
      ]),
      'in.csv',
    )
    const out: string[] = []
    const err: string[] = []
    const argv = [
      'import',
      '--data',
      vault.dataDir,
      '--user',
      'amara',
      '--file',
      file,
      '--format',
      'htcds-csv',
    ]
    const exit = await runCli([...argv, '--dry-run'], {
      stdinLines: async () => ['correct horse battery staple'],
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    })
    expect(exit).toBe(0)
    // read, imported, rejected, duplicates, then (a dry run) how many would be imported.
    expect(out[4]).toBe('would be imported: 0')
    expect(out.slice(5)).toEqual([
      'row 2: caseNumber: the same case number is on row 4',
      'row 3: prs_Gender: not one of this field’s values: Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
      'row 4: caseNumber: the same case number is on row 2',
      'row 4: (row): has 5 cells but the header has 4: values without a column',
    ])
    expect(err).toEqual([
      'ignored column: shoeSize: unknown column; not imported',
      expect.stringMatching(
        /^note: No intake date column: imported cases get today's date \(\d{4}-\d{2}-\d{2}\) as intake date, flagged as such\.$/,
      ),
      'dry run: nothing was written',
    ])
  })
})
