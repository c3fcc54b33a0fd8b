import type { ImportFormat } from '../../api/contract/import'
import type { CaseDraft } from './case-candidate'
import { rowProblemsIn, rowWithoutImportedValues, type CaseColumn, type ColumnPlan } from './column-mapping'
import { cellValue, isTrueCell, isFalseCell, unguard, type CellOptions } from './htcds-values'
import { readSourceRecord, survivorLabelOf } from './source-record'
import { rowProblemOf } from './import-reasons'
import type { ImportRowError } from '../../api/contract/import'
import type { SourceRow } from './source-table'

const SECTION_PATH = { person: 'survivor', victim: 'victim', historicEvent: 'events.0' } as const

const namers = new WeakMap<ColumnPlan, (path: string) => string>()

/** Field paths → the header the user sees, so errors name the file's columns. Built once per plan. */
function columnNamer(plan: ColumnPlan): (path: string) => string {
  const known = namers.get(plan)
  if (known) return known
  const names = new Map<string, string>()
  for (const column of plan.columns) {
    const { target } = column
    if (target.kind === 'case') names.set(target.column, column.header)
    if (target.kind === 'field') {
      const section = target.section as keyof typeof SECTION_PATH
      names.set(`${SECTION_PATH[section]}.${target.field.name}`, column.header)
    }
  }
  const namer = (path: string) => names.get(path) ?? path.split('.').at(-1) ?? path
  namers.set(plan, namer)
  return namer
}

const withLabel = (label: string | undefined) => (label === undefined ? {} : { survivorLabel: label })

/**
 * Where the record came from: CaseVault's own export carries it (source_record); a file without
 * intake dates gets the import's date, and says so.
 */
function provenance(
  row: SourceRow,
  plan: ColumnPlan,
  cell: string | undefined,
  usesImportDate: boolean,
): { record: Record<string, unknown> | null; problems: ImportRowError[] } {
  const read = readSourceRecord(cell)
  const fromFile = 'record' in read ? read.record : null
  const problems =
    'problem' in read ? [rowProblemOf(row.row, columnNamer(plan)('sourceRecord'), read.problem)] : []
  const importDate = usesImportDate ? { intakeDateIsImportDate: true } : null
  const record = fromFile || importDate ? { ...fromFile, ...importDate } : null
  return { record, problems }
}

export interface RowOptions {
  format: ImportFormat
  /** No intake date column at all (the toolkit sheet has none): use this date, and say so. */
  fallbackIntakeDate: string | null
  /** The workbook counts date serials from 1904: a serial in a General cell is read so. */
  date1904?: boolean
}

/**
 * One flat row (CaseVault's HTCDS CSV or the standard's Excel sheet) → a draft. Rows with no value
 * in any mapped column are blank and return null (the toolkit sheet numbers 1,000 empty rows).
 */
export function htcdsRowDraft(row: SourceRow, plan: ColumnPlan, options: RowOptions): CaseDraft | null {
  const caseColumns: Partial<Record<CaseColumn, string>> = {}
  const sections = { person: {}, victim: {}, historicEvent: {} } as Record<string, Record<string, unknown>>
  let filled = false
  const spreadsheet = options.format === 'htcds-xlsx'
  const cellOptions = { spreadsheet, date1904: options.date1904 === true }
  for (const column of plan.columns) {
    const raw = row.cells[column.index] ?? ''
    if (raw.trim() === '') continue
    filled = true
    const { target } = column
    if (target.kind === 'case') caseColumns[target.column] = unguard(raw).trim()
    else if (target.kind === 'field') {
      const value = cellValue(target.field, raw, cellOptions)
      if (value !== undefined) sections[target.section]![target.field.name] = value
    }
  }
  const unimported = filled ? null : rowWithoutImportedValues(plan, row)
  const rowProblems = rowProblemsIn(row, plan)
  if (!filled && !unimported && rowProblems.length === 0) return null
  const event = sections.historicEvent!
  const source = isTrueCell(caseColumns.publicData) ? 'ctdc-deidentified' : 'htcds-import'
  const usesImportDate = Boolean(options.fallbackIntakeDate && !caseColumns.intakeDate)
  const sourceRecord = provenance(row, plan, caseColumns.sourceRecord, usesImportDate)
  const intakeDate = caseColumns.intakeDate ?? (options.fallbackIntakeDate ? options.fallbackIntakeDate : '')
  return {
    row: row.row,
    caseNumber: caseColumns.caseNumber ?? '',
    status: caseColumns.status ?? '',
    intakeDate: cellDate(intakeDate, cellOptions),
    assignedTo: caseColumns.assignedTo ?? '',
    closureReason: caseColumns.closureReason ?? '',
    // CaseVault's own CSV writes true or false here.
    trainingCase: isTrueCell(caseColumns.isTraining),
    realCase: isFalseCell(caseColumns.isTraining),
    survivor: sections.person!,
    survivorAliases: caseColumns.survivorAliases
      ? caseColumns.survivorAliases
          .split(';')
          .map((alias) => alias.trim())
          .filter(Boolean)
      : [],
    victim: sections.victim!,
    details: {},
    events: Object.keys(event).length > 0 ? [event] : [],
    perpetrators: [],
    comments: [],
    // Public CTDC rows stay marked as such across a move: never exported de-identified again.
    source,
    sourceRecord: sourceRecord.record,
    ...withLabel(survivorLabelOf(source, sourceRecord.record)),
    numberPrefix: null,
    problems: [...rowProblems, ...(unimported ? [unimported] : []), ...sourceRecord.problems],
    columnOf: columnNamer(plan),
  }
}

const INTAKE_DATE_FIELD = {
  name: 'intakeDate',
  label: '',
  type: 'date',
  core: false,
  status: 'draft',
  pii: false,
  description: '',
} as const

/** An intake date cell: yyyy-mm-dd, an ISO timestamp's date, or (from a spreadsheet) an Excel serial. */
function cellDate(value: string, options: CellOptions): string {
  const converted = cellValue(INTAKE_DATE_FIELD, value, options)
  return typeof converted === 'string' ? converted : value
}
