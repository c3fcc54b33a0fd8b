import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import {
  adminSession,
  count,
  csv,
  encode,
  FLAT_HEADER,
  flatRow,
  footprint,
  importer,
  json,
} from './support/import-fixtures'

describe('bad input never crashes and never half-writes', () => {
  it('an unclosed quote: the rows before are checked, the row is named, nothing is written', async () => {
    const session = await adminSession()
    const text = `${FLAT_HEADER.join(',')}\r\n${flatRow(1).join(',')}\r\n${flatRow(2).join(',').replace('Survivor2', '"Survivor2')}\r\n${flatRow(3).join(',')}\r\n`
    const before = footprint(session)
    const { report } = await importer(session)(encode(text), { format: 'htcds-csv', dryRun: false })
    expect(report).toMatchObject({ complete: false, imported: 0, read: 1, valid: 1 })
    expect(report.errors).toEqual([
      {
        row: 3,
        field: '(file)',
        code: 'quoteNotClosed',
        reason: 'a quoted value is never closed, so the rest of the file cannot be read',
      },
    ])
    expect(count(session, 'cases')).toBe(before.cases)
  })

  it('a file in another encoding is refused with the line of the first bad byte', async () => {
    const session = await adminSession()
    const latin1 = Buffer.from(
      `${FLAT_HEADER.join(',')}\n${flatRow(1).join(',').replace('Survivor1', 'Jos\xe9')}\n`,
      'latin1',
    )
    await expect(
      importer(session)(new Uint8Array(latin1), { format: 'htcds-csv', dryRun: true }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/not UTF-8 text \(first bad byte on line 2\)/),
      details: { file: 'encoding' },
    })
  })

  it('UTF-8 with a BOM and UTF-16 (Excel’s "Unicode text") are read', async () => {
    const session = await adminSession()
    const text = `${FLAT_HEADER.join('\t')}\r\n${flatRow(1, { prs_FirstName: 'Zoë' }).join('\t')}\r\n`
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text.replaceAll('\t', ','))])
    for (const bytes of [utf16, bom]) {
      const { report, mapping } = await importer(session)(bytes, { format: 'htcds-csv', dryRun: true })
      expect(report).toMatchObject({ valid: 1, errorCount: 0 })
      expect(mapping.caseNumber).toBe('caseNumber')
    }
  })

  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a file of blank lines', encode('\n\n  \n'), 'empty'],
    ['a binary file', new Uint8Array([1, 0, 2, 0, 3]), 'binary'],
  ])('%s is refused with one clear reason', async (_, bytes, reason) => {
    const session = await adminSession()
    await expect(importer(session)(bytes, { format: 'htcds-csv', dryRun: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { file: reason },
    })
  })

  it('a 10 MB single cell is a row error; the other rows go in', async () => {
    const session = await adminSession()
    const huge = 'A'.repeat(10 * 1024 * 1024)
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1), flatRow(2, { prs_FirstName: huge })]),
      {
        format: 'htcds-csv',
        dryRun: false,
      },
    )
    expect(report).toMatchObject({ imported: 1, rejected: 1 })
    expect(report.errors).toEqual([
      {
        row: 3,
        field: 'prs_FirstName',
        code: 'valueTooLong',
        params: { length: 10485760 },
        reason: 'value too long (10485760 characters)',
      },
    ])
  })

  it('unknown codes and impossible dates are named per row and field, never echoing the value', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([
        FLAT_HEADER,
        flatRow(1, { prs_Gender: 'Secret-Value', vic_MethodsOfControl: 'DebtBondage;Teleportation' }),
        flatRow(2, { intakeDate: '2025-02-30', prs_Birthdate: '1999-13-01' }),
        flatRow(3, { intakeDate: '2999-01-01' }),
        flatRow(4, { prs_Birthdate: '2025-07-01' }),
        flatRow(5, { status: 'Pending', assignedTo: 'nobody' }),
      ]),
      { format: 'htcds-csv', dryRun: true },
    )
    expect(report.errors).toEqual([
      {
        row: 2,
        field: 'prs_Gender',
        code: 'notACode',
        params: {
          values:
            'Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
        },
        reason:
          'not one of this field’s values: Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
      },
      {
        row: 2,
        field: 'vic_MethodsOfControl',
        code: 'notACode',
        params: {
          values:
            'Physical threats, Threats of law enforcement, Threatens children/family, Debt bondage, False promises, …',
        },
        reason:
          'not one of this field’s values: Physical threats, Threats of law enforcement, Threatens children/family, Debt bondage, False promises, …',
      },
      { row: 3, field: 'intakeDate', code: 'notADate', reason: 'not a real date (yyyy-mm-dd)' },
      { row: 3, field: 'prs_Birthdate', code: 'notADate', reason: 'not a real date (yyyy-mm-dd)' },
      { row: 4, field: 'intakeDate', code: 'dateInFuture', reason: 'in the future' },
      { row: 5, field: 'prs_Birthdate', code: 'birthAfterIntake', reason: 'after the intake date' },
      {
        row: 6,
        field: 'status',
        code: 'notAStatus',
        params: { statuses: 'Active, FollowUp, Closed, ClosedReferred' },
        reason: 'not a case status (Active, FollowUp, Closed, ClosedReferred)',
      },
      {
        row: 6,
        field: 'assignedTo',
        code: 'notAnAssignee',
        reason: expect.stringMatching(/^not an active caseworker/),
      },
    ])
    expect(JSON.stringify(report)).not.toContain('Secret-Value')
    expect(report).toMatchObject({ read: 5, valid: 0, rejected: 5 })
  })

  it('unknown columns are reported and ignored', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([
        [...FLAT_HEADER, 'shoeSize', 'cas_ReferringOrganisation'],
        [...flatRow(1), '42', '7'],
      ]),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(report.imported).toBe(1)
    expect(report.ignoredColumns).toEqual([
      { column: 'shoeSize', code: 'unknownColumn', reason: 'unknown column; not imported' },
      {
        column: 'cas_ReferringOrganisation',
        code: 'foreignReference',
        reason: 'a reference to a record in another system; not imported',
      },
    ])
  })

  it('cells that look like formulas are kept as text, exactly, and never evaluated', async () => {
    const session = await adminSession()
    const cells = ['=HYPERLINK("http://x.invalid","click")', '+1-555-0100', '-Nadia', '@SUM(A1)']
    const rows = cells.map((value, index) =>
      flatRow(index + 1, { prs_FirstName: value, prs_SecondName: `'${value}` }),
    )
    await importer(session)(csv([FLAT_HEADER, ...rows]), { format: 'htcds-csv', dryRun: false })
    const stored = session.db
      .prepare(
        "SELECT json_extract(record, '$.prs_FirstName') AS first, json_extract(record, '$.prs_SecondName') AS second FROM persons ORDER BY id",
      )
      .all() as { first: string; second: string }[]
    // The exporter's apostrophe guard ('=…) is undone; the text itself is never touched.
    expect(stored).toEqual(cells.map((value) => ({ first: value, second: value })))
  })

  it('a row with more cells than the header is rejected, not shifted', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(csv([FLAT_HEADER, [...flatRow(1), 'stray']]), {
      format: 'htcds-csv',
      dryRun: true,
    })
    expect(report.errors).toEqual([
      {
        row: 2,
        field: '(row)',
        code: 'extraCells',
        params: { cells: 13, columns: 12 },
        reason: 'has 13 cells but the header has 12: values without a column',
      },
    ])
  })

  it('row numbers are those a spreadsheet shows: a quoted line break does not start a row', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([FLAT_HEADER, flatRow(1, { prs_FirstName: 'two\nlines' }), [], flatRow(2, { prs_Gender: 'X' })]),
      { format: 'htcds-csv', dryRun: true },
    )
    expect(report.errors).toEqual([
      {
        row: 4,
        field: 'prs_Gender',
        code: 'notACode',
        params: {
          values:
            'Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
        },
        reason:
          'not one of this field’s values: Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
      },
    ])
    expect(report.read).toBe(2)
  })

  it.each([
    ['htcds-json', encode('{"cases": [ {"caseNumber": "A"'), 'not_json'],
    ['htcds-json', encode('{"standard": "Other", "cases": []}'), 'not_htcds'],
    ['htcds-json', encode('"just a string"'), 'not_htcds'],
    ['htcds-xlsx', encode('caseNumber,intakeDate\nA,2025-01-01\n'), 'not_xlsx'],
    ['htcds-csv', encode('age-encryption.org/v1\n-> scrypt abc 18\n'), 'encrypted'],
  ] as const)('%s: a file that is not one is refused (%#)', async (format, bytes, reason) => {
    const session = await adminSession()
    await expect(importer(session)(bytes, { format, dryRun: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { file: reason },
    })
  })

  it('an xlsx cell showing an error is a row error', async () => {
    const session = await adminSession()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Case Sheet')
    sheet.addRow(['caseNumber', 'intakeDate', 'prs_FirstName'])
    sheet.addRow(['X-1', '2025-01-01', { error: '#N/A' }])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const { report } = await importer(session)(bytes, { format: 'htcds-xlsx', dryRun: true })
    expect(report.errors).toEqual([
      {
        row: 2,
        field: 'prs_FirstName',
        code: 'errorCell',
        params: { error: '#N/A' },
        reason: 'the cell shows an error (#N/A)',
      },
    ])
  })

  it('JSON values of the wrong type are row errors', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      json({
        cases: [
          {
            caseNumber: 'A',
            intakeDate: '2025-01-01',
            survivor: { prs_FirstName: 5, prs_Deceased: 'maybe' },
          },
        ],
      }),
      { format: 'htcds-json', dryRun: true },
    )
    expect(report.errors).toEqual([
      { row: 1, field: 'survivor.prs_FirstName', code: 'expectedText', reason: 'expected text' },
      {
        row: 1,
        field: 'survivor.prs_Deceased',
        code: 'expectedTrueOrFalse',
        reason: 'expected true or false',
      },
    ])
  })
})
