// HTCDS as flat CSV tables in one tar, keyed by case number: cases.csv (one row per case: the case
// row's own columns, then every current prs_/vic_/cas_ field), events.csv, perpetrators.csv,
// comments.csv and aliases.csv (names a survivor or perpetrator is known by: free text, so not
// `;`-joined into one cell where a `;` in a name would split it).
import { sectionById, type HtcdsField, type HtcdsSectionId } from '../htcds'
import { MANAGED_CASE_FIELDS } from '../cases/case-record'
import { CsvBuilder, joinCodes, type CsvCell } from './csv-writer'
import type { BundleEntry } from './tar-bundle'
import { parseCase, type RawCase } from './full-records'

/** Current (non-deprecated) fields of a section, in the standard's order. */
export function currentFields(section: HtcdsSectionId, except: readonly string[] = []): HtcdsField[] {
  return (sectionById(section)?.fields ?? []).filter(
    (field) => field.status !== 'deprecated' && !except.includes(field.name),
  )
}

function cell(record: Record<string, unknown>, field: HtcdsField): CsvCell {
  const value = record[field.name]
  if (Array.isArray(value)) return joinCodes(value.filter((code): code is string => typeof code === 'string'))
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return null
}

const cells = (record: Record<string, unknown>, fields: readonly HtcdsField[]) =>
  fields.map((field) => cell(record, field))

const names = (fields: readonly HtcdsField[]) => fields.map((field) => field.name)

const personFields = currentFields('person')
const victimFields = currentFields('victim')
// Status, owner and closure reason live in the case row's own columns (they are managed there).
const caseFields = currentFields('case', MANAGED_CASE_FIELDS)
const eventFields = currentFields('historicEvent')
const perpetratorFields = currentFields('perpetrator')

export const HTCDS_CSV_COLUMNS = {
  cases: [
    'case_number',
    'intake_date',
    'cas_Status',
    'cas_CaseOwner',
    'cas_ReasonForCaseClosure',
    'organisation',
    'is_training',
    'created_at',
    'updated_at',
    ...names(caseFields),
    ...names(personFields),
    ...names(victimFields),
  ],
  events: ['case_number', 'event_number', ...names(eventFields)],
  perpetrators: ['case_number', 'perpetrator_id', ...names(personFields), ...names(perpetratorFields)],
  comments: ['case_number', 'created_at', 'author', 'body'],
  aliases: ['case_number', 'person', 'alias'],
}

export function htcdsCsvTables(cases: readonly RawCase[]): { entries: BundleEntry[]; rows: number } {
  const tables = {
    cases: new CsvBuilder(HTCDS_CSV_COLUMNS.cases),
    events: new CsvBuilder(HTCDS_CSV_COLUMNS.events),
    perpetrators: new CsvBuilder(HTCDS_CSV_COLUMNS.perpetrators),
    comments: new CsvBuilder(HTCDS_CSV_COLUMNS.comments),
    aliases: new CsvBuilder(HTCDS_CSV_COLUMNS.aliases),
  }
  for (const raw of cases) {
    const one = parseCase(raw)
    const key = one.caseNumber
    tables.cases.add([
      key,
      one.intakeDate,
      one.status,
      one.assignedTo,
      one.closureReason,
      one.organisation,
      one.isTraining,
      one.createdAt,
      one.updatedAt,
      ...cells(one.details, caseFields),
      ...cells(one.survivor, personFields),
      ...cells(one.victim, victimFields),
    ])
    one.events.forEach((event, index) => tables.events.add([key, index + 1, ...cells(event, eventFields)]))
    for (const perpetrator of one.perpetrators) {
      tables.perpetrators.add([
        key,
        perpetrator.personId,
        ...cells(perpetrator.person, personFields),
        ...cells(perpetrator.context, perpetratorFields),
      ])
      for (const alias of perpetrator.aliases) {
        tables.aliases.add([key, `perpetrator:${perpetrator.personId}`, alias])
      }
    }
    for (const comment of one.comments)
      tables.comments.add([key, comment.createdAt, comment.author, comment.body])
    for (const alias of one.survivorAliases) tables.aliases.add([key, 'survivor', alias])
  }
  return {
    entries: Object.entries(tables).map(([name, table]) => ({
      name: `${name}.csv`,
      content: table.toBuffer(),
    })),
    rows: cases.length,
  }
}
