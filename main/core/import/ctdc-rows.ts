import { TRAINING_COLUMN } from '../export/training-mark'
import { fieldByName } from '../../api/contract/htcds'
import type { ImportRowError } from '../../api/contract/import'
import type { CaseDraft } from './case-candidate'
import { rowProblemsIn, rowWithoutImportedValues, type ColumnPlan } from './column-mapping'
import { ctdcImport as mapping } from './ctdc-definitions'
import { unguard } from './htcds-values'
import { reason, rowProblemOf, type ImportReason } from './import-reasons'
import { matchCode } from './htcds-values'
import type { SourceRow } from './source-table'

const missing = new Set(mapping.missingValues)
const AGE_BANDS = mapping.ageBands.join(', ')
const yes = new Set(mapping.flagValues.yes)
const no = new Set(mapping.flagValues.no)
const genderByLowerCase = new Map(
  Object.entries(mapping.gender).map(([label, code]) => [label.toLowerCase(), code]),
)

interface Namer {
  header: (column: string) => string
  columnOf: (path: string) => string
}
const namers = new WeakMap<ColumnPlan, Namer>()

/** CTDC column → header in this file, and HTCDS paths → the CTDC column they came from. */
function namer(plan: ColumnPlan): Namer {
  const known = namers.get(plan)
  if (known) return known
  const headers = new Map<string, string>()
  for (const column of plan.columns)
    if (column.target.kind === 'ctdc') headers.set(column.target.column, column.header)
  const header = (column: string) => headers.get(column) ?? column
  const paths: Record<string, string> = {
    intakeDate: mapping.columns.year,
    'survivor.prs_Gender': mapping.columns.gender,
    'survivor.prs_Citizenship': mapping.columns.citizenship,
    'events.0.hte_Country': mapping.columns.countryOfExploitation,
  }
  const built: Namer = {
    header,
    columnOf: (path) => (paths[path] ? header(paths[path]) : (path.split('.').at(-1) ?? path)),
  }
  namers.set(plan, built)
  return built
}

function flaggedFields(values: Map<string, string>, fail: (column: string, cause: ImportReason) => void) {
  const victim: Record<string, string | string[]> = {}
  const standsFor: string[] = []
  for (const flag of mapping.flags) {
    const value = values.get(flag.column)
    if (value === undefined || no.has(value)) continue
    if (!yes.has(value)) {
      fail(flag.column, reason('notAFlag'))
      continue
    }
    if (flag.detail) standsFor.push(flag.detail)
    const field = fieldByName(flag.field)
    if (field?.type === 'picklist') {
      // One answer only: the first flagged column in the mapping's order wins; all stay in the source record.
      victim[flag.field] ??= flag.codes[0]!
    } else {
      const list = (victim[flag.field] as string[] | undefined) ?? []
      for (const code of flag.codes) if (!list.includes(code)) list.push(code)
      victim[flag.field] = list
    }
  }
  return { victim, standsFor }
}

/**
 * One row of CTDC's public dataset → a de-identified draft. The row has no names, birthdates or
 * places finer than a country, and none are made up: the survivor is "CTDC record <row>", the
 * intake date is 1 January of the registration year (flagged), and every CTDC value — including
 * those HTCDS has no field for (ageBroad, majority status…) — is kept in the source record.
 */
export function ctdcRowDraft(row: SourceRow, plan: ColumnPlan, today: string): CaseDraft | null {
  const values = new Map<string, string>()
  for (const column of plan.columns) {
    if (column.target.kind !== 'ctdc') continue
    const value = unguard(row.cells[column.index] ?? '').trim()
    if (!missing.has(value)) values.set(column.target.column, value)
  }
  const unimported = values.size === 0 ? rowWithoutImportedValues(plan, row) : null
  const rowProblems = rowProblemsIn(row, plan)
  if (values.size === 0 && !unimported && rowProblems.length === 0) return null
  const names = namer(plan)
  const problems: ImportRowError[] = [...rowProblems, ...(unimported ? [unimported] : [])]
  const fail = (column: string, cause: ImportReason) =>
    problems.push(rowProblemOf(row.row, names.header(column), cause))

  const yearColumn = mapping.columns.year
  const yearText = values.get(yearColumn)
  const thisYear = Number(today.slice(0, 4))
  let intakeDate = ''
  const year = yearText && /^\d{4}(\.0+)?$/.test(yearText) ? Number(yearText.slice(0, 4)) : NaN
  if (yearText === undefined) fail(yearColumn, reason('yearRequired'))
  else if (!(year >= mapping.earliestYear && year <= thisYear)) {
    fail(yearColumn, reason('yearOutOfRange', { from: mapping.earliestYear, to: thisYear }))
  } else intakeDate = `${year}-01-01`

  const ageBand = values.get(mapping.columns.ageBand)
  if (ageBand !== undefined && !mapping.ageBands.includes(ageBand)) {
    fail(mapping.columns.ageBand, reason('notAnAgeBand', { bands: AGE_BANDS }))
  }
  const survivor: Record<string, unknown> = {}
  const gender = values.get(mapping.columns.gender)
  if (gender !== undefined) {
    survivor.prs_Gender = genderByLowerCase.get(gender.toLowerCase()) ?? mapping.otherGender
  }
  const citizenship = values.get(mapping.columns.citizenship)
  // A name (Nigeria) or a code (NG, ng), as the row error for an unknown country advises.
  if (citizenship !== undefined) survivor.prs_Citizenship = [matchCode('iso3166', citizenship.toUpperCase())]
  const country = values.get(mapping.columns.countryOfExploitation)
  const events =
    country === undefined
      ? []
      : [
          {
            hte_Type: mapping.countryOfExploitationEventType,
            hte_Country: matchCode('iso3166', country.toUpperCase()),
          },
        ]
  const { victim, standsFor } = flaggedFields(values, fail)

  return {
    row: row.row,
    caseNumber: '',
    status: 'Active',
    intakeDate,
    assignedTo: '',
    closureReason: '',
    survivor,
    survivorAliases: [],
    survivorLabel: mapping.survivorDisplayName.replace('{row}', String(row.row)),
    victim,
    details: {},
    events,
    perpetrators: [],
    comments: [],
    source: 'ctdc-deidentified',
    sourceRecord: {
      dataset: 'CTDC',
      row: row.row,
      intakeDateIsYearOnly: true,
      ...(standsFor.length > 0 ? { otherStandsFor: standsFor } : {}),
      ctdc: Object.fromEntries(values),
    },
    // Synthetic rows from a training vault's CTDC export: refused in a real vault (case-candidate.ts).
    trainingCase: values.has(TRAINING_COLUMN),
    numberPrefix: mapping.caseNumberPrefix,
    problems,
    columnOf: names.columnOf,
  }
}
