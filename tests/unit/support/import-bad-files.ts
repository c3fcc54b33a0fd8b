import ExcelJS from 'exceljs'
import type { ImportFormat } from '../../../main/api/contract/import'
import { csv, encode, FLAT_HEADER, flatRow, json, tarArchive } from './import-fixtures'

/**
 * Files with every kind of problem an import reports (row problems, ignored columns, notes), one
 * corpus for the reason-code tests. `expected` is the English the report held before reasons had
 * codes: the CLI prints it, so it must not change.
 */
export interface BadFile {
  name: string
  format: ImportFormat
  bytes: () => Promise<Uint8Array> | Uint8Array
  dryRun?: boolean
  allOrNothing?: boolean
  /** A file imported first, so its case numbers are in the vault. */
  before?: Uint8Array
  expected: {
    errors: [row: number, field: string, reason: string][]
    ignored: [column: string, reason: string][]
    notes: string[]
  }
}

const long = (length: number) => 'A'.repeat(length)

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Case Sheet')
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const CTDC_HEADER = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'meansOfControlDebtBondage']

export const badFiles: BadFile[] = [
  {
    name: 'HTCDS CSV: cells, lengths, dates, codes, statuses, assignees, duplicates in the file',
    format: 'htcds-csv',
    bytes: () =>
      csv([
        [...FLAT_HEADER, 'shoeSize', 'cas_ReferringOrganisation', 'con_Consent', '', 'prs_Gender'],
        [...flatRow(1), '', '', '', '', '', 'stray'],
        flatRow(2, { prs_FirstName: long(100_001) }),
        flatRow(3, { prs_SecondName: long(1001) }),
        flatRow(4, { intakeDate: '2025-02-30', prs_Birthdate: '1999-13-01' }),
        flatRow(5, { intakeDate: '2999-01-01' }),
        flatRow(6, { intakeDate: '1949-12-31' }),
        flatRow(7, { prs_Birthdate: '2025-07-01', prs_Gender: 'Secret-Value' }),
        flatRow(8, { status: 'Pending', assignedTo: 'nobody' }),
        flatRow(9, { caseNumber: '#bad number', vic_MethodsOfControl: 'DebtBondage;Teleportation' }),
        flatRow(10, { caseNumber: 'SAME-1' }),
        flatRow(11, { caseNumber: 'SAME-1' }),
        flatRow(12, { caseNumber: 'SAME-1', intakeDate: '' }),
        [...FLAT_HEADER.map(() => ''), '42', '', '', '', ''],
      ]),
    expected: {
      errors: [
        [2, '(row)', 'has 18 cells but the header has 17: values without a column'],
        [3, 'prs_FirstName', 'value too long (100001 characters)'],
        [4, 'prs_SecondName', 'at most 1000 characters'],
        [5, 'intakeDate', 'not a real date (yyyy-mm-dd)'],
        [5, 'prs_Birthdate', 'not a real date (yyyy-mm-dd)'],
        [6, 'intakeDate', 'in the future'],
        [7, 'intakeDate', 'before 1950-01-01'],
        [7, 'prs_Birthdate', 'after the intake date'],
        [
          8,
          'prs_Gender',
          'not one of this field’s values: Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
        ],
        [9, 'status', 'not a case status (Active, FollowUp, Closed, ClosedReferred)'],
        [
          9,
          'assignedTo',
          'not an active caseworker, supervisor or admin here (unmap the column to assign the cases to you)',
        ],
        [10, 'caseNumber', 'not a usable case number (letters, digits, spaces, . _ / -; at most 64)'],
        [
          10,
          'vic_MethodsOfControl',
          'not one of this field’s values: Physical threats, Threats of law enforcement, Threatens children/family, Debt bondage, False promises, …',
        ],
        [11, 'caseNumber', 'the same case number is on row 12, 13'],
        [12, 'caseNumber', 'the same case number is on row 11, 13'],
        [13, 'caseNumber', 'the same case number is on row 11, 12'],
        [13, 'intakeDate', 'required'],
        [14, '(row)', 'no value in any imported column (check the column mapping)'],
        [14, 'intakeDate', 'required'],
      ],
      ignored: [
        ['shoeSize', 'unknown column; not imported'],
        ['cas_ReferringOrganisation', 'a reference to a record in another system; not imported'],
        ['con_Consent', 'an HTCDS field CaseVault does not keep on a case; not imported'],
        ['column 16 (no header)', 'no header'],
        ['prs_Gender', 'repeated column; only the first one is read'],
      ],
      notes: [],
    },
  },
  {
    name: 'HTCDS CSV: case numbers already in the vault, numbers out of range, all or nothing',
    format: 'htcds-csv',
    before: csv([FLAT_HEADER, flatRow(1)]),
    dryRun: false,
    allOrNothing: true,
    bytes: () =>
      csv([
        [...FLAT_HEADER, 'prs_NumberOfChildren', 'vic_AgeWhenTrafficked', 'hte_Latitude'],
        [...flatRow(1), '2', '', ''],
        [...flatRow(2), '2.5', '121', '-91'],
        [...flatRow(3), '-1', 'ten', '1e999'],
      ]),
    expected: {
      errors: [
        [2, 'caseNumber', 'this case number is already in the vault'],
        [3, 'prs_NumberOfChildren', 'expected a whole number'],
        [3, 'vic_AgeWhenTrafficked', 'at most 120'],
        [3, 'hte_Latitude', 'at least -90'],
        [4, 'prs_NumberOfChildren', 'at least 0'],
        [4, 'vic_AgeWhenTrafficked', 'expected a number'],
        [4, 'hte_Latitude', 'expected a coordinate'],
      ],
      ignored: [],
      notes: ['All or nothing: a row was rejected, so nothing was imported.'],
    },
  },
  {
    name: 'HTCDS CSV: an unclosed quote, and no intake date column',
    format: 'htcds-csv',
    bytes: () =>
      encode(
        'caseNumber,prs_FirstName,prs_Gender\r\nQ-1,Awa,Feminine\r\nQ-2,"Bea,Feminine\r\nQ-3,Chidi,Masculine\r\n',
      ),
    expected: {
      errors: [[3, '(file)', 'a quoted value is never closed, so the rest of the file cannot be read']],
      ignored: [],
      notes: [
        "No intake date column: imported cases get today's date (2025-06-15) as intake date, flagged as such.",
        'The file could not be read to its end: nothing is imported from it.',
      ],
    },
  },
  {
    name: 'HTCDS CSV export (tar): a perpetrator without id, a side table cut short',
    format: 'htcds-csv',
    bytes: () =>
      tarArchive({
        'cases.csv': `caseNumber,intakeDate,prs_FirstName\r\nT-1,2025-01-02,Awa\r\n`,
        'perpetrators.csv': `case_number,perpetrator_id,prs_FirstName\r\nT-1,,Boss\r\n`,
        'comments.csv': `case_number,body,created_at,author\r\nT-1,"never closed,2025-01-01T00:00:00Z,\r\n`,
      }),
    expected: {
      errors: [[2, 'perpetrators.csv row 2', 'no perpetrator_id']],
      ignored: [],
      notes: [
        'comments.csv could not be read to its end: its cases would lose what it holds, so nothing is imported from this archive.',
        'The file could not be read to its end: nothing is imported from it.',
      ],
    },
  },
  {
    name: 'CTDC CSV: flags, years, age bands, country codes',
    format: 'ctdc-csv',
    bytes: () =>
      csv([
        [...CTDC_HEADER, 'traffickMonths'],
        ['2019', 'Female', '18--20', 'UA', 'yes', '3'],
        ['1980', 'Male', 'old', 'XX', '0', ''],
        ['', 'Male', '', '', '1', ''],
      ]),
    expected: {
      errors: [
        [2, 'meansOfControlDebtBondage', 'expected 1, 0 or blank'],
        [3, 'yearOfRegistration', 'not a year from 1990 to 2025'],
        [
          3,
          'ageBroad',
          'not a CTDC age band (0--8, 9--17, 18--20, 21--23, 24--26, 27--29, 30--38, 39--47, 48+)',
        ],
        [
          3,
          'citizenship',
          'not a country: give its name or its two-letter ISO code (Nigeria or NG, for example)',
        ],
        [4, 'yearOfRegistration', 'required (the year of registration becomes the intake date)'],
      ],
      ignored: [['traffickMonths', 'unknown column; not imported']],
      notes: [],
    },
  },
  {
    name: 'HTCDS JSON: shapes, types, comments, perpetrators',
    format: 'htcds-json',
    bytes: () =>
      json({
        standard: 'HTCDS',
        cases: [
          'not a case',
          {
            caseNumber: 'J-2',
            intakeDate: '2025-01-01',
            survivor: { prs_FirstName: 5, prs_Deceased: 'maybe', prs_Citizenship: 'UA', shoeSize: 42 },
            victim: { vic_LocationOfRecruitment: 7, vic_MethodsOfControl: 'DebtBondage;Nope;Other2' },
            events: ['x', { hte_Date: '2025-13-01', hte_Latitude: 'north' }],
          },
          {
            caseNumber: 'J-3',
            intakeDate: '2025-01-01',
            survivor: { prs_FirstName: 'Awa', prs_Citizenship: 5 },
            comments: [
              { body: 'fine', createdAt: 'yesterday' },
              { body: '  ', createdAt: '2025-01-02T00:00:00Z' },
            ],
            perpetrators: [
              { key: 'p1', person: { prs_FirstName: 'X' } },
              { key: 'p1', person: { prs_FirstName: 'Y' }, context: { per_RoleInProcess: 'Nope' } },
            ],
          },
        ],
      }),
    expected: {
      errors: [
        [1, '(case)', 'expected an object'],
        [1, 'intakeDate', 'required'],
        [2, 'events.0', 'expected an object of fields'],
        [2, 'survivor.prs_FirstName', 'expected text'],
        [2, 'survivor.prs_Deceased', 'expected true or false'],
        [
          2,
          'victim.vic_MethodsOfControl',
          'not one of this field’s values: Physical threats, Threats of law enforcement, Threatens children/family, Debt bondage, False promises, …',
        ],
        [
          2,
          'victim.vic_MethodsOfControl',
          'not one of this field’s values: Physical threats, Threats of law enforcement, Threatens children/family, Debt bondage, False promises, …',
        ],
        [2, 'events.1.hte_Latitude', 'expected a coordinate'],
        [2, 'events.1.hte_Date', 'not a real date (yyyy-mm-dd)'],
        [3, 'survivor.prs_Citizenship', 'expected a list of codes'],
        [
          3,
          'perpetrators.1.context.per_RoleInProcess',
          'not one of this field’s values: Travelling Partner, Transporter, Recruiter Or Intermediary, Broker Travel Agent, Transferred Individual, …',
        ],
        [3, 'perpetrators', 'a perpetrator is listed twice'],
        [3, 'comments.0', 'createdAt is not a date and time'],
        [3, 'comments.1', 'the comment is empty or too long'],
      ],
      ignored: [
        ['survivor.shoeSize', 'unknown field; not imported'],
        ['victim.vic_LocationOfRecruitment', 'a reference to a record in another system; not imported'],
      ],
      notes: [],
    },
  },
  {
    name: 'HTCDS Excel: formulas, error cells, long values, a mapped-out column',
    format: 'htcds-xlsx',
    bytes: () =>
      workbook([
        ['caseNumber', 'intakeDate', 'prs_FirstName', 'prs_Gender'],
        ['X-1', '2025-01-01', { formula: 'A1&"x"', result: 'X-1x' }, 'Feminine'],
        ['X-2', '2025-01-01', { error: '#DIV/0!' }, 'Feminine'],
        ['X-3', '2025-01-01', long(100_001), 'Feminine'],
        ['X-4', '2025-01-01', 'Fine', 'Feminine'],
      ]),
    expected: {
      errors: [
        [2, 'prs_FirstName', 'the cell holds a formula; CaseVault imports values only (paste as values)'],
        [3, 'prs_FirstName', 'the cell shows an error (#DIV/0!)'],
        [4, 'prs_FirstName', 'value too long (100001 characters)'],
      ],
      ignored: [['prs_Gender', 'left out by the mapping']],
      notes: [],
    },
  },
]

/** The Excel file's mapping leaves one column out (for "left out by the mapping"). */
export const xlsxMapping = { prs_Gender: null }
