import { UNNAMED_LABEL_KEY, unnamedLabelOf } from './source-record'
import type { CaseStatus } from '../../api/contract/cases'
import type { HtcdsSectionId } from '../../api/contract/htcds'
import type { ImportRowError } from '../../api/contract/import'
import type { PersonFields } from '../cases/case-repository'
import { ageOn, codes, personDisplayName, survivorFields } from '../cases/case-record'
import { perpetratorFields } from '../cases/perpetrator-service'
import { acceptedAsIs } from './fast-check-section'
import { checkSection, type SectionOptions } from './field-issues'
import { rowProblem, rowProblemOf } from './import-reasons'
import {
  checkCasework,
  type CaseworkCandidate,
  type CaseworkDraft,
  type CaseworkItem,
} from './casework-check'
import { checkScreenings, screeningKeys, type ScreeningCandidate } from './screenings-check'
import type { ImportTemplates } from './screening-templates-import'
import { checkAliases, checkCaseColumns, checkComments, checkFacts } from './draft-checks'

export type CaseSource = 'htcds-import' | 'ctdc-deidentified'
type Fields = Record<string, unknown>

/** One row of any format, in CaseVault's terms but not yet checked. */
export interface CaseDraft {
  row: number
  /** '' → a number is given on import. */
  caseNumber: string
  status: string
  intakeDate: string
  assignedTo: string
  closureReason: string
  survivor: Fields
  survivorAliases: string[]
  /** Used instead of a name where the source has none and none may be invented (CTDC). */
  survivorLabel?: string
  victim: Fields
  details: Fields
  events: Fields[]
  perpetrators: { key?: string; person: Fields; aliases: string[]; context: Fields }[]
  /** `author`: the user name of whoever wrote it, kept when that user exists here. */
  comments: { body: string; createdAt: string; author?: string }[]
  /** Referrals and support plans (full HTCDS exports only). */
  casework?: CaseworkDraft
  /** Screenings linked to the case (full HTCDS exports only): screenings-check.ts. */
  screenings?: CaseworkItem[]
  /** The file marks it as made in a training vault (CaseVault's own exports say so). */
  trainingCase?: boolean
  /** The file marks it as a real case (CaseVault's own exports of a real vault say so). */
  realCase?: boolean
  source: CaseSource
  sourceRecord: Fields | null
  /** Prefix for a generated case number; null → the organisation's own numbering. */
  numberPrefix: string | null
  problems: ImportRowError[]
  /** A path (`survivor.prs_Gender`, `intakeDate`) → what the user calls it in the file. */
  columnOf: (path: string) => string
}

/** A row that passed every check: what the writer inserts, with the indexed columns derived. */
export interface CaseCandidate {
  row: number
  caseNumber: string | null
  numberPrefix: string | null
  status: CaseStatus
  closureReason: string | null
  intakeDate: string
  assignedUserId: number
  person: PersonFields
  ageAtIntake: number | null
  traffickingStatus: string | null
  victim: Fields
  details: Fields
  events: { type: string | null; date: string | null; country: string | null; record: Fields }[]
  exploitationTypes: string[]
  perpetrators: { key: string | undefined; person: PersonFields; context: Fields }[]
  comments: { body: string; createdAt: string; authorUserId: number | null }[]
  casework: CaseworkCandidate | null
  /** Absent when the case brings none. */
  screenings?: ScreeningCandidate[]
  source: CaseSource
  sourceRecord: Fields | null
}

export interface DraftContext {
  /** Lower-cased user name or display name → id of an active caseworker, supervisor or admin. */
  assignees: ReadonlyMap<string, number>
  /** Lower-cased user name → id, every user (a comment's author may have left). */
  authors: ReadonlyMap<string, number>
  importerId: number
  /** yyyy-mm-dd: intake dates after it are impossible (latestImportedIntakeDate). */
  latestIntake: string
  /** Training cases go into a training vault only: in a real one they would count as survivors. */
  trainingVault: boolean
  /** The file's screening template versions matched against the vault's (none: screenings refused). */
  screeningTemplates?: ImportTemplates
}

/** What an import accepts (deprecated fields are still readable in an old file) and a form does not. */
const IMPORT_SECTIONS: SectionOptions = { requireCore: false, forNewRecords: false }
/** What perpetratorFields checks a perpetrator's person and context with (new records: no deprecated fields). */
const PERPETRATOR_SECTIONS: SectionOptions = { requireCore: false, forNewRecords: true }
/** Recorded, not invented: the file said "closed" and gave no reason. */
export const NO_CLOSURE_REASON = 'Closed before import; no reason recorded.'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

interface SectionPart {
  /** Where the record sits in the draft: `survivor`, `events.0`, `perpetrators.1.context`… */
  path: string
  section: HtcdsSectionId
  record: Record<string, unknown>
}

/**
 * What validateSections does (case-record.ts), with each issue's reason kept as a code and its
 * numbers, and named the way the file names the field. Null when every part passed.
 */
function checkParts(
  draft: CaseDraft,
  parts: readonly SectionPart[],
  options: SectionOptions,
  errors: ImportRowError[],
): Fields[] | null {
  let failed = false
  const values = parts.map((part) => {
    const result = checkSection(part.section, part.record, options)
    if (result.ok) return result.value
    failed = true
    for (const issue of result.issues)
      errors.push(rowProblemOf(draft.row, draft.columnOf(`${part.path}.${issue.field}`), issue.reason))
    return {}
  })
  return failed ? null : values
}

/**
 * Checks one draft the way create() checks a form, except that deprecated HTCDS fields are
 * accepted (forNewRecords: false): an old file may carry them and they are still readable.
 * Every problem of the row is reported, not just the first.
 */
export function checkDraft(draft: CaseDraft, context: DraftContext): CaseCandidate | ImportRowError[] {
  const errors = [...draft.problems]
  const columns = checkCaseColumns(draft, context, errors)
  checkAliases(draft, errors)
  // Most rows are fine: the plain checks answer for them; zod runs only to word the problems.
  let sections = [
    acceptedAsIs('person', draft.survivor),
    acceptedAsIs('victim', draft.victim),
    acceptedAsIs('case', draft.details),
    ...draft.events.map((record) => acceptedAsIs('historicEvent', record)),
  ]
  if (sections.includes(null)) {
    const parts: SectionPart[] = [
      { path: 'survivor', section: 'person', record: draft.survivor },
      { path: 'victim', section: 'victim', record: draft.victim },
      { path: 'details', section: 'case', record: draft.details },
      ...draft.events.map((record, index) => ({
        path: `events.${index}`,
        section: 'historicEvent' as const,
        record,
      })),
    ]
    sections = checkParts(draft, parts, IMPORT_SECTIONS, errors) ?? []
  }
  const [survivor = {}, victim = {}, details = {}, ...events] = sections as Fields[]
  checkFacts(draft, context, columns.intakeDate, { survivor, victim, events }, errors)
  const perpetrators = draft.perpetrators.flatMap((perpetrator, index) => {
    const parts: SectionPart[] = [
      { path: `perpetrators.${index}.person`, section: 'person', record: perpetrator.person },
      { path: `perpetrators.${index}.context`, section: 'perpetrator', record: perpetrator.context },
    ]
    try {
      const fields = perpetratorFields(perpetrator)
      return [{ key: perpetrator.key, person: fields.person, context: fields.context }]
    } catch (error) {
      // Its error words the problems in English only: the same checks again, for their codes.
      if (checkParts(draft, parts, PERPETRATOR_SECTIONS, errors)) throw error
      return []
    }
  })
  const keys = draft.perpetrators.flatMap((perpetrator) => (perpetrator.key ? [perpetrator.key] : []))
  if (keys.length > 1 && new Set(keys).size !== keys.length) {
    errors.push(rowProblem(draft.row, draft.columnOf('perpetrators'), 'perpetratorTwice'))
  }
  const comments = checkComments(draft, context, errors)
  const { casework: work } = draft
  const hasCasework = work && (work.referrals.length > 0 || work.supportPlans.length > 0)
  const casework = hasCasework
    ? checkCasework(
        work,
        context.authors,
        draft.row,
        errors,
        context.latestIntake,
        screeningKeys(draft.screenings),
      )
    : null
  const screenings = draft.screenings?.length
    ? checkScreenings(draft.screenings, context, draft.row, errors)
    : null
  if (errors.length > 0 || !columns.status || columns.assignedUserId === undefined) return errors

  const closed = columns.status === 'Closed' || columns.status === 'ClosedReferred'
  const named = draft.survivorLabel === undefined && personDisplayName(survivor, draft.survivorAliases)
  // An unnamed survivor's label is kept in the record's provenance, so that it survives a move:
  // rebuilt from the row of the next file, it changed, and the old label no longer found the person.
  const keptLabel = named ? undefined : unnamedLabelOf(draft.sourceRecord)
  const label = draft.survivorLabel ?? keptLabel ?? `Unnamed survivor (import row ${draft.row})`
  const sourceRecord =
    named || draft.survivorLabel !== undefined
      ? draft.sourceRecord
      : { ...draft.sourceRecord, [UNNAMED_LABEL_KEY]: label }
  // survivorFields takes the first alias as the name when there is none: give it the label, then drop it.
  const person = named
    ? survivorFields(survivor, draft.survivorAliases)
    : { ...survivorFields(survivor, [label]), aliases: draft.survivorAliases }
  return {
    row: draft.row,
    caseNumber: columns.caseNumber,
    numberPrefix: draft.numberPrefix,
    status: columns.status,
    closureReason: closed ? (text(draft.closureReason) ?? NO_CLOSURE_REASON) : null,
    intakeDate: columns.intakeDate,
    assignedUserId: columns.assignedUserId,
    person,
    ageAtIntake: ageOn(person.birthdate, columns.intakeDate),
    traffickingStatus: text(victim.vic_TraffickingStatus),
    victim,
    details,
    events: events.map((record) => ({
      type: text(record.hte_Type),
      date: text(record.hte_Date),
      country: text(record.hte_Country),
      record,
    })),
    exploitationTypes: codes(victim.vic_TypeOfExploitation),
    perpetrators,
    comments,
    casework,
    ...(screenings?.length ? { screenings } : {}),
    source: draft.source,
    sourceRecord,
  }
}
