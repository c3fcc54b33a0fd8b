import type { ImportFormat } from '../../api/contract/import'
import type { CaseDraft } from './case-candidate'
import { rowWithoutImportedValues, type CaseColumn, type ColumnPlan } from './column-mapping'
import { cellValue, isTrueCell, unguard } from './htcds-values'
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

export interface RowOptions {
  format: ImportFormat
  /** No intake date column at all (the toolkit sheet has none): use this date, and say so. */
  fallbackIntakeDate: string | null
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
  const cellOptions = { spreadsheet }
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
  if (!filled && !unimported && row.problems.length === 0) return null
  const event = sections.historicEvent!
  const intakeDate = caseColumns.intakeDate ?? (options.fallbackIntakeDate ? options.fallbackIntakeDate : '')
  return {
    row: row.row,
    caseNumber: caseColumns.caseNumber ?? '',
    status: caseColumns.status ?? '',
    intakeDate: cellDate(intakeDate, spreadsheet),
    assignedTo: caseColumns.assignedTo ?? '',
    closureReason: caseColumns.closureReason ?? '',
    // CaseVault's own CSV writes true or false here.
    trainingCase: isTrueCell(caseColumns.isTraining),
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
    source: isTrueCell(caseColumns.publicData) ? 'ctdc-deidentified' : 'htcds-import',
    sourceRecord:
      options.fallbackIntakeDate && !caseColumns.intakeDate ? { intakeDateIsImportDate: true } : null,
    numberPrefix: null,
    problems: unimported ? [...row.problems, unimported] : row.problems,
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
function cellDate(value: string, spreadsheet: boolean): string {
  const converted = cellValue(INTAKE_DATE_FIELD, value, { spreadsheet })
  return typeof converted === 'string' ? converted : value
}
