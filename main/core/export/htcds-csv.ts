// HTCDS as flat CSV tables in one tar, keyed by case number: cases.csv (one row per case: the case
// row's own columns, then every current prs_/vic_/cas_ field), events.csv, perpetrators.csv,
// comments.csv and aliases.csv (names a survivor or perpetrator is known by: free text, so not
// `;`-joined into one cell where a `;` in a name would split it), the referral and support-plan
// tables of casework-csv.ts, and the screening tables of screenings-csv.ts.
import { sectionById, type HtcdsField, type HtcdsSectionId } from '../htcds'
import { MANAGED_CASE_FIELDS } from '../cases/case-record'
import { CsvBuilder, csvCell } from './csv-writer'
import { RecordCells } from './record-cells'
import type { ChunkedBundleEntry } from './tar-bundle'
import { parse, parseList, type RawCase } from './full-records'
import { CaseworkCsvTables } from './casework-csv'
import { ScreeningCsvTable, SCREENINGS_FILE } from './screenings-csv'

/** Current (non-deprecated) fields of a section, in the standard's order. */
export function currentFields(section: HtcdsSectionId, except: readonly string[] = []): HtcdsField[] {
  return (sectionById(section)?.fields ?? []).filter(
    (field) => field.status !== 'deprecated' && !except.includes(field.name),
  )
}

const names = (fields: readonly HtcdsField[]) => fields.map((field) => field.name)

const personFields = currentFields('person')
// A vault may hold deprecated fields, read from an old file by an import (the victim's
// vulnerabilities, for one): they follow the current ones, or a CSV round trip would drop them.
const victimFields = [
  ...currentFields('victim'),
  ...(sectionById('victim')?.fields ?? []).filter((field) => field.status === 'deprecated'),
]
// Status, owner and closure reason live in the case row's own columns (they are managed there).
const caseFields = currentFields('case', MANAGED_CASE_FIELDS)
const eventFields = currentFields('historicEvent')
const perpetratorFields = currentFields('perpetrator')
const cells = {
  person: new RecordCells(personFields),
  victim: new RecordCells(victimFields),
  case: new RecordCells(caseFields),
  event: new RecordCells(eventFields),
  perpetrator: new RecordCells(perpetratorFields),
}

export const HTCDS_CSV_COLUMNS = {
  cases: [
    'case_number',
    'intake_date',
    'cas_Status',
    'cas_CaseOwner',
    'cas_ReasonForCaseClosure',
    'organisation',
    'is_training',
    'public_data',
    'source_record',
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

/** The five case tables and the casework ones, filled one case at a time as the cases are read. */
export class HtcdsCsvTables {
  private readonly tables: Record<keyof typeof HTCDS_CSV_COLUMNS, CsvBuilder>
  private readonly casework: CaseworkCsvTables
  private readonly screenings: ScreeningCsvTable

  /**
   * `headerLines: false` for a share of the archive that another share starts: the tables of
   * several shares, in order, then join into the same files (export-worker.ts).
   */
  constructor({ headerLines = true }: { headerLines?: boolean } = {}) {
    const table = (name: keyof typeof HTCDS_CSV_COLUMNS) =>
      new CsvBuilder(HTCDS_CSV_COLUMNS[name], { headerLine: headerLines })
    this.tables = {
      cases: table('cases'),
      events: table('events'),
      perpetrators: table('perpetrators'),
      comments: table('comments'),
      aliases: table('aliases'),
    }
    this.casework = new CaseworkCsvTables({ headerLines })
    this.screenings = new ScreeningCsvTable({ headerLines })
  }

  /** The template versions of the screenings added (screening-templates.csv lists them once). */
  get templates() {
    return this.screenings.templates
  }

  // One reusable row of escaped cells per wide table.
  private readonly rows = {
    cases: new Array<string>(HTCDS_CSV_COLUMNS.cases.length),
    events: new Array<string>(HTCDS_CSV_COLUMNS.events.length),
    perpetrators: new Array<string>(HTCDS_CSV_COLUMNS.perpetrators.length),
  }

  // Each stored record is parsed where its cells are written: no parsed copy of the whole case.
  add(one: RawCase): void {
    const { tables, rows } = this
    const key = csvCell(one.caseNumber)
    const own = [one.intakeDate, one.status, one.assignedTo, one.closureReason, one.organisation]
    rows.cases[0] = key
    own.forEach((value, index) => (rows.cases[index + 1] = csvCell(value)))
    rows.cases[6] = csvCell(one.isTraining)
    rows.cases[7] = csvCell(one.publicData)
    rows.cases[8] = csvCell(one.sourceRecord)
    rows.cases[9] = csvCell(one.createdAt)
    rows.cases[10] = csvCell(one.updatedAt)
    let at = cells.case.fill(parse(one.details), rows.cases, 11)
    at = cells.person.fill(parse(one.survivor), rows.cases, at)
    cells.victim.fill(parse(one.victim), rows.cases, at)
    tables.cases.addEscaped(rows.cases)

    rows.events[0] = key
    one.events.forEach((event, index) => {
      rows.events[1] = String(index + 1)
      cells.event.fill(parse(event), rows.events, 2)
      tables.events.addEscaped(rows.events)
    })
    rows.perpetrators[0] = key
    for (const perpetrator of one.perpetrators) {
      rows.perpetrators[1] = csvCell(perpetrator.personId)
      const afterPerson = cells.person.fill(parse(perpetrator.person), rows.perpetrators, 2)
      cells.perpetrator.fill(parse(perpetrator.context), rows.perpetrators, afterPerson)
      tables.perpetrators.addEscaped(rows.perpetrators)
      const person = csvCell(`perpetrator:${perpetrator.personId}`)
      for (const alias of parseList(perpetrator.aliases))
        tables.aliases.addEscaped([key, person, csvCell(alias)])
    }
    for (const { createdAt, author, body } of one.comments) {
      tables.comments.addEscaped([key, csvCell(createdAt), csvCell(author), csvCell(body)])
    }
    const survivor = csvCell('survivor')
    for (const alias of parseList(one.survivorAliases))
      tables.aliases.addEscaped([key, survivor, csvCell(alias)])
    if (one.referrals.length > 0 || one.supportPlans.length > 0) this.casework.add(key, one)
    if (one.screenings) this.screenings.add(key, one.screenings)
  }

  /**
   * One tar entry per table; the tables are empty afterwards. Not screening-templates.csv: that one
   * is the whole archive's, written once the shares are joined (withScreeningTables).
   */
  entries(): ChunkedBundleEntry[] {
    const tables = { ...this.tables, ...this.casework.tables }
    return [
      ...Object.entries(tables).map(([name, table]) => ({ name: `${name}.csv`, chunks: table.toChunks() })),
      { name: SCREENINGS_FILE, chunks: this.screenings.table.toChunks() },
    ]
  }
}

/** The tables of several shares (the first with header lines, the rest without), joined file by file. */
export function joinTableShares(shares: readonly (readonly ChunkedBundleEntry[])[]): ChunkedBundleEntry[] {
  const [first = [], ...rest] = shares
  return first.map((entry) => ({
    name: entry.name,
    chunks: [
      ...entry.chunks,
      ...rest.flatMap((share) => share.find((other) => other.name === entry.name)?.chunks ?? []),
    ],
  }))
}
