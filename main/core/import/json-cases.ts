import { sectionById, type HtcdsSectionId } from '../../api/contract/htcds'
import { importFieldMarkers, type IgnoredColumn, type ImportRowError } from '../../api/contract/import'
import type { CaseDraft } from './case-candidate'
import { jsonValue } from './htcds-values'
import { ignoredColumnOf, reason, rowProblemOf, type ImportReason } from './import-reasons'
import { decodeText, unreadable } from './source-table'
import { SCHEMA_VERSION } from '../db/migrate'
import { readSourceRecord, survivorLabelOf } from './source-record'
import { jsonCasework } from './casework-json'
import { jsonScreenings, jsonTemplates } from './screenings-json'
import type { FileTemplate } from './screening-templates-import'

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

/**
 * A case column (case number, status…) as text, or '' with a row problem when it is not text: an
 * object, `true` or a list had been read as '' without a word (a case number then became a new
 * one, and importing the file again made a second record of the survivor; a closed case became
 * Active). A number is its digits only when JavaScript holds it exactly: 12345678901234567890
 * had become "12345678901234567000", and 1e400 "Infinity".
 */
function caseText(value: unknown, fail: (cause: ImportReason) => void): string {
  if (value === undefined || value === null || typeof value === 'string') return value ?? ''
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  fail(reason(typeof value === 'number' ? 'expectedWholeNumber' : 'expectedText'))
  return ''
}

/**
 * A list of the case (events, perpetrators, comments, aliases): absent is none. Anything else is
 * a row problem, as for referrals (casework-json.ts): read as [], an event given as one object,
 * the person who trafficked her and the note vanished while the dry run said every row was valid.
 */
function list(value: unknown, fail: (cause: ImportReason) => void): unknown[] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) return value
  fail(reason('expectedList'))
  return []
}

function strings(value: unknown, fail: (cause: ImportReason) => void): string[] {
  return list(value, fail).filter((item): item is string => typeof item === 'string' && item.trim() !== '')
}

/** The survivor's aliases: a case's own list, or (CaseVault's shape) the survivor's. */
function survivorAliases(source: Fields, failAt: (field: string) => (cause: ImportReason) => void): string[] {
  if (source.survivorAliases !== undefined && source.survivorAliases !== null)
    return strings(source.survivorAliases, failAt('survivorAliases'))
  const aliases = isObject(source.survivor) ? source.survivor.aliases : undefined
  return strings(aliases, failAt('survivor.aliases'))
}

/** The keys of a case this import reads; CaseVault's export writes each of them. */
const CASE_KEYS = new Set([
  'caseNumber',
  'status',
  'intakeDate',
  'assignedTo',
  'closureReason',
  'isTraining',
  'publicData',
  'sourceRecord',
  'survivor',
  'survivorAliases',
  'victim',
  'details',
  'events',
  'perpetrators',
  'comments',
  'referrals',
  'supportPlans',
  'screenings',
  // Written by the export about the vault the case left: the importing vault sets its own.
  'organisation',
  'createdAt',
  'updatedAt',
])

/**
 * A case key the import does not read is reported, as an unknown key inside a section is: a
 * partner's file with the survivor under "person" had imported an unnamed survivor, and its dry
 * run said nothing was ignored.
 */
function reportUnknownCaseKeys(source: Fields, ignored: IgnoredKeys): void {
  for (const name of Object.keys(source)) if (!CASE_KEYS.has(name)) ignored.add(name, reason('unknownKey'))
}

/**
 * A file a newer CaseVault wrote may hold keys and values this version does not understand:
 * imported, they would be dropped or misread without a word. It is refused, as a newer backup is
 * (verify-backup.ts). Files from other systems carry no schemaVersion and are read as HTCDS.
 */
function refuseNewerSchema(schemaVersion: unknown): void {
  if (typeof schemaVersion === 'number' && schemaVersion > SCHEMA_VERSION) {
    throw unreadable(
      'too_new',
      'The file was exported by a newer version of CaseVault. Update CaseVault, then import it.',
      { fileSchema: schemaVersion, appSchema: SCHEMA_VERSION },
    )
  }
}

/**
 * Reads the envelope { standard: 'HTCDS', cases: [...] } (a bare array of cases is accepted too),
 * with the screening template versions its cases use (CaseVault's exports list them once).
 */
export function readJsonDocument(bytes: Uint8Array): {
  cases: unknown[]
  screeningTemplates: FileTemplate[]
} {
  const text = decodeText(bytes)
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    // The engine's message quotes the text around the error (maybe survivor data): keep only where.
    const where = /\(line \d+ column \d+\)/.exec(error instanceof Error ? error.message : '')
    throw unreadable('not_json', `The file is not valid JSON${where ? ` ${where[0]}` : ''}.`)
  }
  if (Array.isArray(document)) return { cases: document, screeningTemplates: [] }
  if (!isObject(document) || !Array.isArray(document.cases)) {
    throw unreadable(
      'not_htcds',
      'The file is not an HTCDS case file (expected { "standard": "HTCDS", "cases": [...] }).',
    )
  }
  // Compared as text only: String() of an object such as {"toString": 1} threw a raw TypeError.
  const standard = document.standard
  if (standard !== undefined && (typeof standard !== 'string' || standard.toUpperCase() !== 'HTCDS')) {
    throw unreadable('not_htcds', 'The file is not an HTCDS case file (its "standard" is not HTCDS).')
  }
  refuseNewerSchema(document.schemaVersion)
  return { cases: document.cases, screeningTemplates: jsonTemplates(document) }
}

/** Collects keys the import leaves out, once per path, for the report. */
export class IgnoredKeys {
  private readonly reasons = new Map<string, ImportReason>()
  add(path: string, cause: ImportReason): void {
    if (!this.reasons.has(path)) this.reasons.set(path, cause)
  }
  list(): IgnoredColumn[] {
    return [...this.reasons].map(([column, cause]) => ignoredColumnOf(column, cause))
  }
}

function section(
  id: HtcdsSectionId,
  value: unknown,
  path: string,
  ignored: IgnoredKeys,
  fail: (cause: ImportReason) => void,
): Fields {
  if (value === undefined || value === null) return {}
  if (!isObject(value)) {
    fail(reason('notAFieldObject'))
    return {}
  }
  const fields = new Map(sectionById(id)!.fields.map((field) => [field.name, field]))
  const record: Fields = {}
  for (const [name, raw] of Object.entries(value)) {
    const field = fields.get(name)
    if (!field) ignored.add(`${path}.${name}`, reason('unknownKey'))
    else if (field.type === 'lookup') ignored.add(`${path}.${name}`, reason('foreignReference'))
    else if (raw !== null && raw !== '') {
      const converted = jsonValue(field, raw)
      if (converted !== undefined && !(Array.isArray(converted) && converted.length === 0))
        record[name] = converted
    }
  }
  return record
}

// The case record's own fields are columns of the case in CaseVault.
const MANAGED = new Set(['cas_Status', 'cas_ReasonForCaseClosure', 'cas_CaseOwner'])

/**
 * One case of an HTCDS JSON file → a draft. `row` is the case's position in the file (1 = first).
 * Also reads CaseVault's own case shape ({ survivor: { record, aliases }, events: [{ record }] }),
 * with its referrals, support plans and screenings when the file has them.
 */
export function jsonCaseDraft(value: unknown, index: number, ignored: IgnoredKeys): CaseDraft {
  const row = index + 1
  const problems: ImportRowError[] = []
  const failAt = (field: string) => (cause: ImportReason) => problems.push(rowProblemOf(row, field, cause))
  const source = isObject(value) ? value : {}
  if (!isObject(value)) failAt(importFieldMarkers.case)(reason('notAnObject'))
  reportUnknownCaseKeys(source, ignored)
  const survivorValue =
    isObject(source.survivor) && isObject(source.survivor.record) ? source.survivor.record : source.survivor
  const aliases = survivorAliases(source, failAt)
  const rawDetails = isObject(source.details) ? source.details : {}
  const details = section(
    'case',
    Object.fromEntries(Object.entries(rawDetails).filter(([name]) => !MANAGED.has(name))),
    'details',
    ignored,
    failAt('details'),
  )
  const events = list(source.events, failAt('events'))
  const perpetrators = list(source.perpetrators, failAt('perpetrators'))
  const comments = list(source.comments, failAt('comments'))
  const casework = jsonCasework(source, (field, cause) => failAt(field)(cause))
  const screenings = jsonScreenings(source, (field, cause) => failAt(field)(cause))
  const caseSource = source.publicData === true ? 'ctdc-deidentified' : 'htcds-import'
  const provenance = readSourceRecord(source.sourceRecord)
  if ('problem' in provenance) failAt('sourceRecord')(provenance.problem)
  const sourceRecord = 'record' in provenance ? provenance.record : null
  const label = survivorLabelOf(caseSource, sourceRecord)
  return {
    row,
    caseNumber: caseText(source.caseNumber, failAt('caseNumber')),
    status: caseText(source.status, failAt('status')) || str(rawDetails.cas_Status),
    intakeDate: str(source.intakeDate),
    assignedTo: str(source.assignedTo),
    closureReason: str(source.closureReason) || str(rawDetails.cas_ReasonForCaseClosure),
    trainingCase: source.isTraining === true,
    realCase: source.isTraining === false,
    survivor: section('person', survivorValue, 'survivor', ignored, failAt('survivor')),
    survivorAliases: aliases,
    victim: section('victim', source.victim, 'victim', ignored, failAt('victim')),
    details,
    events: events.map((event, n) =>
      section(
        'historicEvent',
        isObject(event) && isObject(event.record) ? event.record : event,
        'events',
        ignored,
        failAt(`events.${n}`),
      ),
    ),
    perpetrators: perpetrators.map((perpetrator, n) => {
      const entry = isObject(perpetrator) ? perpetrator : {}
      const key = str(entry.key ?? entry.personId ?? entry.id)
      return {
        ...(key ? { key } : {}),
        person: section(
          'person',
          entry.person,
          'perpetrators.person',
          ignored,
          failAt(`perpetrators.${n}.person`),
        ),
        aliases: strings(entry.aliases, failAt(`perpetrators.${n}.aliases`)),
        context: section(
          'perpetrator',
          entry.context,
          'perpetrators.context',
          ignored,
          failAt(`perpetrators.${n}.context`),
        ),
      }
    }),
    comments: comments.map((comment) => ({
      body: isObject(comment) ? str(comment.body) : '',
      createdAt: isObject(comment) ? str(comment.createdAt) : '',
      author: isObject(comment) ? str(comment.author) : '',
    })),
    ...(casework ? { casework } : {}),
    ...(screenings ? { screenings } : {}),
    // Public CTDC rows stay marked as such across a move: never exported de-identified again.
    source: caseSource,
    sourceRecord,
    ...(label === undefined ? {} : { survivorLabel: label }),
    numberPrefix: null,
    problems,
    columnOf: (path) => path,
  }
}
