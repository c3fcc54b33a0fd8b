// Hostile, damaged and unusual import files where CaseVault holds up: regression tests from a
// defect hunt (each of these was tried as a careless user or an attacker would, and passed).
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import {
  adminSession,
  caseRow,
  count,
  csv,
  encode,
  FLAT_HEADER,
  flatRow,
  footprint,
  importer,
  json,
} from './support/import-fixtures'
import { createImportService } from '../../main/core/import/import-service'
import { createCaseService } from '../../main/core/cases/case-service'
import { createCaseInput } from '../../main/api/contract'
import { survivorCase } from './support/case-fixtures'

const dry = { format: 'htcds-csv', dryRun: true } as const

describe('text encodings and line ends', () => {
  it('UTF-16 big-endian with a BOM, tabs, an accent and a quoted line break is read, rows counted as a spreadsheet shows them', async () => {
    const session = await adminSession()
    const rows = [FLAT_HEADER, flatRow(1, { prs_FirstName: 'Zoë\nLine' }), flatRow(2, { prs_Gender: 'X' })]
    const text = rows.map((r) => r.map((c) => (c.includes('\n') ? `"${c}"` : c)).join('\t')).join('\r\n')
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.alloc(le.length)
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!]
    const { report } = await importer(session)(new Uint8Array([0xfe, 0xff, ...be]), dry)
    expect(report).toMatchObject({ read: 2, valid: 1, rejected: 1 })
    expect(report.errors).toMatchObject([{ row: 3, field: 'prs_Gender', code: 'notACode' }])
  })

  it('CR-only line ends (old Mac CSV) with comma-heavy rows are read row by row', async () => {
    const session = await adminSession()
    const text = [FLAT_HEADER, flatRow(1), flatRow(2, { intakeDate: '2025-13-01' })]
      .map((r) => r.map((c) => (c.includes(';') ? `"${c}"` : c)).join(','))
      .join('\r')
    const { report } = await importer(session)(encode(text), dry)
    expect(report).toMatchObject({ read: 2, valid: 1 })
    expect(report.errors).toMatchObject([{ row: 3, field: 'intakeDate', code: 'notADate' }])
  })

  it('a UTF-8 BOM with a semicolon delimiter and headers in other case and with trailing spaces', async () => {
    const session = await adminSession()
    const header = FLAT_HEADER.map((h) => `${h.toUpperCase()}  `)
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...csv([header, flatRow(1)], ';')])
    const { report, mapping } = await importer(session)(bytes, dry)
    expect(report).toMatchObject({ read: 1, valid: 1, errorCount: 0 })
    expect(mapping['CASENUMBER']).toBe('caseNumber')
  })
})

describe('odd shapes of a CSV', () => {
  it('a header with no rows imports nothing and says so in the counts', async () => {
    const session = await adminSession()
    const before = footprint(session)
    const { report } = await importer(session)(encode(`${FLAT_HEADER.join(',')}\r\n`), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report).toMatchObject({ read: 0, imported: 0, rejected: 0, complete: true })
    expect(footprint(session).cases).toBe(before.cases)
  })

  it('50,000 empty lines before a row are skipped quickly and the row keeps its line number', async () => {
    const session = await adminSession()
    const text = `${FLAT_HEADER.join(',')}\n${'\n'.repeat(50_000)}${flatRow(1, { prs_Gender: 'X' }).join(',')}\n`
    const started = Date.now()
    const { report } = await importer(session)(encode(text), dry)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(report.read).toBe(1)
    expect(report.errors).toMatchObject([{ row: 50_002, field: 'prs_Gender' }])
  })

  it('a row 10,000 cells wide is one row error; a header 10,000 columns wide is refused with its reason', async () => {
    const session = await adminSession()
    const wide = [...flatRow(1), ...Array.from({ length: 10_000 }, (_, i) => `v${i}`)]
    const { report } = await importer(session)(csv([FLAT_HEADER, wide, flatRow(2)]), dry)
    expect(report).toMatchObject({ read: 2, valid: 1, rejected: 1 })
    expect(report.errors).toMatchObject([{ row: 2, code: 'extraCells', params: { cells: 10_012 } }])
    const header = Array.from({ length: 10_000 }, (_, i) => `h${i}`)
    await expect(importer(session)(csv([header, header]), dry)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { file: 'too_many_columns' },
    })
  })

  it('a repeated header: the first column is read, the second reported, never merged', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([
        [...FLAT_HEADER, 'prs_FirstName'],
        [...flatRow(1), 'Other'],
      ]),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(report.imported).toBe(1)
    expect(report.ignoredColumns).toContainEqual(expect.objectContaining({ code: 'repeatedColumn' }))
    expect(caseRow(session, 'IMP-2025-00001').display_name).toBe('Survivor1 Example')
  })

  it('a row error on row 40,000 of 50,000 (a quoted line break earlier): row named right, nothing written with all-or-nothing, dry and real runs agree', async () => {
    const session = await adminSession()
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      flatRow(
        i + 1,
        i === 9 ? { prs_FirstName: 'two\nlines' } : i === 39_998 ? { intakeDate: '2025-02-30' } : {},
      ),
    )
    const bytes = csv([FLAT_HEADER, ...rows])
    const checked = await importer(session)(bytes, dry)
    const before = footprint(session)
    const run = await importer(session)(bytes, { format: 'htcds-csv', dryRun: false, allOrNothing: true })
    for (const { report } of [checked, run]) {
      expect(report).toMatchObject({ read: 50_000, valid: 49_999, rejected: 1 })
      expect(report.errors).toMatchObject([{ row: 40_000, field: 'intakeDate', code: 'notADate' }])
    }
    expect(run.report.imported).toBe(0)
    const after = footprint(session)
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 })
  }, 30_000)
})

describe('Excel workbooks', () => {
  it('a sheet padded to 20 MB of whitespace by a 20 KB file is read quickly, not refused or crashed', async () => {
    const session = await adminSession()
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Case Sheet').addRow(['caseNumber'])
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>caseNumber</t></is></c></row>' +
        ' '.repeat(20_000_000) +
        '</sheetData></worksheet>',
    )
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    })
    expect(bytes.byteLength).toBeLessThan(100_000)
    const started = Date.now()
    const { report } = await importer(session)(bytes, { format: 'htcds-xlsx', dryRun: true })
    expect(Date.now() - started).toBeLessThan(8000)
    expect(report.read).toBe(0)
  })
})

describe('JSON', () => {
  it('a top-level array and the { standard, cases } envelope read the same cases', async () => {
    const session = await adminSession()
    const cases = [{ caseNumber: 'J-1', intakeDate: '2025-01-02', survivor: { prs_FirstName: 'Awa' } }]
    const bare = await importer(session)(json(cases), { format: 'htcds-json', dryRun: true })
    const wrapped = await importer(session)(json({ standard: 'HTCDS', cases }), {
      format: 'htcds-json',
      dryRun: true,
    })
    expect(bare.report).toEqual(wrapped.report)
    expect(bare.report).toMatchObject({ read: 1, valid: 1 })
  })

  it('a number too large for a double (1e400) in a number field is a row error, never stored as null', async () => {
    const session = await adminSession()
    const text =
      '{"cases":[{"caseNumber":"J-2","intakeDate":"2025-01-02","survivor":{"prs_FirstName":"Awa"},"victim":{"vic_AgeWhenTrafficked":1e400}}]}'
    const { report } = await importer(session)(encode(text), { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ imported: 0, rejected: 1 })
    expect(report.errors[0]).toMatchObject({ row: 1, field: 'victim.vic_AgeWhenTrafficked' })
  })

  it('"constructor" keys are unknown keys like any other', async () => {
    const session = await adminSession()
    const text =
      '{"cases":[{"caseNumber":"J-3","intakeDate":"2025-01-02","constructor":{"x":1},"survivor":{"prs_FirstName":"Awa","constructor":"y"}}]}'
    const { report } = await importer(session)(encode(text), { format: 'htcds-json', dryRun: false })
    expect(report.imported).toBe(1)
    expect(report.ignoredColumns.map((c) => c.column)).toContain('survivor.constructor')
  })
})

describe('duplicates by case number', () => {
  it('the same number in other capitals, with spaces around it, in NFD or full width is one number', async () => {
    const session = await adminSession()
    const numbers = ['CASÉ-1', ' casé-1 ', 'CASE\u0301-1', 'ＣＡＳＥ-2', 'case-2 ']
    const cases = numbers.map((caseNumber, i) => ({
      caseNumber,
      intakeDate: '2025-01-02',
      survivor: { prs_FirstName: `P${i}` },
    }))
    const { report } = await importer(session)(json({ cases }), { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ read: 5, imported: 0, duplicates: 5 })
    expect(count(session, 'cases')).toBe(0)
  })

  it('a case given the same number while the file is being checked is caught as a duplicate, not a crash', async () => {
    const session = await adminSession()
    const rows = Array.from({ length: 2000 }, (_, i) =>
      flatRow(i + 1, i === 1500 ? { caseNumber: 'SHS-2025-00001' } : {}),
    )
    let made = ''
    const { report } = await createImportService(session).importFile(
      csv([FLAT_HEADER, ...rows]),
      { format: 'htcds-csv', dryRun: false },
      {
        onProgress: (stage, fraction) => {
          if (stage === 'check' && fraction && !made)
            made = createCaseService(session).create(
              createCaseInput.parse(survivorCase({ intakeDate: '2025-06-01' })),
            ).caseNumber
        },
      },
    )
    expect(made).toBe('SHS-2025-00001')
    expect(report).toMatchObject({ imported: 1999, duplicates: 1 })
    expect(report.errors).toMatchObject([{ row: 1502, code: 'numberInVault' }])
  })
})

describe('the saved mapping and the audit log', () => {
  it('a saved mapping naming a column the next file lacks is skipped; the next file imports by its own headers', async () => {
    const session = await adminSession()
    const service = createImportService(session)
    const first = csv([
      ['caseNumber', 'intakeDate', 'Vorname'],
      ['M-1', '2025-01-02', 'Awa'],
    ])
    await service.importFile(first, {
      format: 'htcds-csv',
      dryRun: false,
      mapping: { Vorname: 'prs_FirstName' },
      saveMapping: true,
    })
    const next = csv([
      ['caseNumber', 'intakeDate', 'prs_FirstName'],
      ['M-2', '2025-01-02', 'Bea'],
    ])
    const { report, mapping } = await service.importFile(next, { format: 'htcds-csv', dryRun: false })
    expect(report).toMatchObject({ imported: 1, errorCount: 0 })
    expect(mapping).toEqual({
      caseNumber: 'caseNumber',
      intakeDate: 'intakeDate',
      prs_FirstName: 'prs_FirstName',
    })
    expect(caseRow(session, 'M-2').display_name).toBe('Bea')
  })

  it('an import with rejected rows leaves only counts in the audit log, never a value of the file', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([
        FLAT_HEADER,
        flatRow(1, { prs_FirstName: 'Secretname', prs_Gender: 'Secretgender' }),
        flatRow(2, { prs_FirstName: 'Othersecret' }),
      ]),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 1, rejected: 1 })
    const audit = JSON.stringify(session.db.prepare('SELECT * FROM audit_log').all())
    expect(audit).toContain('import.completed')
    expect(audit).not.toMatch(/secret/i)
  })
})
