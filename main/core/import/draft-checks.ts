import { isRealDate } from './iso-date'
import { bornAfterIntake, EARLIEST_INTAKE_DATE, intakeDateProblem } from '../../api/contract/dates'
import { caseStatuses, updateCaseInput } from '../../api/contract/cases'
import { addPerpetratorInput } from '../../api/contract/case-parts'
import type { ImportRowError } from '../../api/contract/import'
import { caseFactIssues } from '../cases/case-facts'
import { matchStatus } from './htcds-values'
import { reason, rowProblem, rowProblemOf, type ImportReason } from './import-reasons'
import type { CaseDraft, DraftContext } from './case-candidate'

// The checks of one import row beyond its HTCDS sections (case-candidate.ts checks those): the
// case's own columns, its comments and the facts the case forms refuse. Each pushes what it
// finds to `errors`, worded by code (import-reasons.ts), named as the file names the field.

type Fields = Record<string, unknown>

const CASE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,63}$/u
const MAX_COMMENT_LENGTH = 20_000
const STATUS_LIST = caseStatuses.join(', ')

/** The case's own columns: number, status, intake date, assignee, and a training case's place. */
export function checkCaseColumns(draft: CaseDraft, context: DraftContext, errors: ImportRowError[]) {
  const at = (path: string) => draft.columnOf(path)
  const caseNumber = draft.caseNumber.trim()
  if (draft.trainingCase && !context.trainingVault)
    errors.push(rowProblem(draft.row, at('isTraining'), 'trainingCase'))
  // The other way too: a real vault's export taken into a training vault, whose staff share one
  // passphrase, relabelled its real survivors "made-up case".
  if (draft.realCase && context.trainingVault)
    errors.push(rowProblem(draft.row, at('isTraining'), 'realCase'))
  if (caseNumber && !CASE_NUMBER.test(caseNumber))
    errors.push(rowProblem(draft.row, at('caseNumber'), 'badCaseNumber'))
  const status = draft.status.trim() ? matchStatus(draft.status) : 'Active'
  if (!status) errors.push(rowProblem(draft.row, at('status'), 'notAStatus', { statuses: STATUS_LIST }))
  const intakeDate = draft.intakeDate.trim()
  // A source that already said why it has no intake date (CTDC's year) is not told again.
  if (!intakeDate) {
    if (!errors.some((error) => error.field === at('intakeDate')))
      errors.push(rowProblem(draft.row, at('intakeDate'), 'required'))
  } else if (!isRealDate(intakeDate)) errors.push(rowProblem(draft.row, at('intakeDate'), 'notADate'))
  else {
    // The rules of the case forms (contract/dates.ts), so what one vault saved another imports.
    const problem = intakeDateProblem(intakeDate, context.latestIntake)
    if (problem === 'date_in_future') errors.push(rowProblem(draft.row, at('intakeDate'), 'dateInFuture'))
    if (problem === 'date_too_early')
      errors.push(rowProblem(draft.row, at('intakeDate'), 'dateTooEarly', { date: EARLIEST_INTAKE_DATE }))
  }
  const assignee = draft.assignedTo.trim()
  const assignedUserId = assignee ? context.assignees.get(assignee.toLowerCase()) : context.importerId
  if (assignedUserId === undefined) errors.push(rowProblem(draft.row, at('assignedTo'), 'notAnAssignee'))
  return { caseNumber: caseNumber || null, status, intakeDate, assignedUserId }
}

/**
 * When a comment was written: an ISO 8601 date or date and time (what CaseVault's exports write),
 * else NaN. Date.parse alone reads far more: "5" became 1 May 2001, "12" or "June 1" other made-up
 * days, all stored as if true. A date that does not exist (2025-02-30) is refused too.
 */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
function commentTime(text: string): number {
  const match = ISO_DATE_TIME.exec(text.trim())
  if (!match || !isRealDate(match[1]!)) return NaN
  // A day alone is that day here, as a time without an offset is: Date.parse reads a bare date as
  // UTC midnight, which west of Greenwich showed the note on the day before.
  const day = text.trim() === match[1] ? `${match[1]}T00:00` : text.trim()
  return Date.parse(day)
}

/** The bounds every save applies to a list of aliases (contract/cases.ts, contract/case-parts.ts). */
const SURVIVOR_ALIASES = updateCaseInput.shape.survivorAliases.unwrap()
const PERPETRATOR_ALIASES = addPerpetratorInput.shape.aliases.unwrap()

/**
 * A case's aliases within the bounds of the forms and main: 25 names, or a note pasted as one,
 * had been taken in whole, and then every save of the case was refused (it sends the aliases
 * back), so a caseworker could not even correct a phone number. Said once per kind of problem
 * ("at most 20" for the list, "at most 200 characters" for an alias).
 * Only the bounds: the readers already drop blank aliases.
 */
export function checkAliases(draft: CaseDraft, errors: ImportRowError[]): void {
  const lists = [
    { path: 'survivorAliases', aliases: draft.survivorAliases, schema: SURVIVOR_ALIASES },
    ...draft.perpetrators.map((perpetrator, index) => ({
      path: `perpetrators.${index}.aliases`,
      aliases: perpetrator.aliases,
      schema: PERPETRATOR_ALIASES,
    })),
  ]
  for (const { path, aliases, schema } of lists) {
    if (aliases.length === 0) continue
    const causes = new Map<string, ImportReason>()
    // Each alias on its own too: zod stops at a list that is too long before its items.
    const issues = [
      ...(schema.safeParse(aliases).error?.issues ?? []),
      ...aliases.flatMap((alias) => schema.element.safeParse(alias).error?.issues ?? []),
    ]
    for (const issue of issues) {
      if (issue.code !== 'too_big') continue
      const cause =
        issue.origin === 'array'
          ? reason('aboveMaximum', { max: Number(issue.maximum) })
          : reason('textTooLong', { max: Number(issue.maximum) })
      causes.set(cause.code, cause)
    }
    for (const cause of causes.values()) errors.push(rowProblemOf(draft.row, draft.columnOf(path), cause))
  }
}

export function checkComments(draft: CaseDraft, context: DraftContext, errors: ImportRowError[]) {
  return draft.comments.flatMap((comment, index) => {
    const at = commentTime(comment.createdAt)
    const body = comment.body.trim()
    if (!body || body.length > MAX_COMMENT_LENGTH || Number.isNaN(at)) {
      const code = Number.isNaN(at) ? 'commentNotDated' : 'commentEmptyOrLong'
      errors.push(rowProblem(draft.row, draft.columnOf(`comments.${index}`), code))
      return []
    }
    const authorUserId = comment.author ? (context.authors.get(comment.author.toLowerCase()) ?? null) : null
    return [{ body, createdAt: new Date(at).toISOString(), authorUserId }]
  })
}

/** The forms' rules on facts (case-facts.ts): what a vault refuses, its import refuses too. */
const FACT_REASONS = {
  birth_too_early: 'birthTooEarly',
  older_than_at_intake: 'olderThanAtIntake',
  date_in_future: 'dateInFuture',
} as const

export function checkFacts(
  draft: CaseDraft,
  context: DraftContext,
  intakeDate: string,
  record: { survivor: Fields; victim: Fields; events: Fields[] },
  errors: ImportRowError[],
): void {
  const { survivor, victim, events } = record
  if (!intakeDate) return
  const birthdate = typeof survivor.prs_Birthdate === 'string' ? survivor.prs_Birthdate.trim() || null : null
  if (bornAfterIntake(birthdate, intakeDate)) {
    errors.push(rowProblem(draft.row, draft.columnOf('survivor.prs_Birthdate'), 'birthAfterIntake'))
  }
  // The forms' rules on facts (case-facts.ts): what a vault refuses, its import refuses too.
  // Judged against a good intake date only (a wrong one is reported already).
  if (intakeDateProblem(intakeDate, context.latestIntake) === null) {
    const facts = {
      intakeDate,
      birthdate: survivor.prs_Birthdate,
      ageWhenTrafficked: victim.vic_AgeWhenTrafficked,
      eventDates: events.map((event, index) => ({ index, id: undefined, date: event.hte_Date })),
    }
    for (const issue of caseFactIssues(facts, context.latestIntake)) {
      // Event-date rules the forms gained after vaults had been filled: records an older version
      // saved must not be left behind when they move to a new vault, so the import keeps them.
      if (issue.code === 'date_too_early' || issue.code === 'before_birth') continue
      errors.push(rowProblem(draft.row, draft.columnOf(issue.path), FACT_REASONS[issue.code]))
    }
  }
}
