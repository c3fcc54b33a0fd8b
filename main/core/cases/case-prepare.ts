import type { z } from 'zod'
import { CaseVaultError } from '../errors'
import {
  EMPTY_EVENT,
  isEmptyRecord,
  type createCaseInput,
  type updateCaseInput,
} from '../../api/contract/cases'
import { bornAfterIntake, EARLIEST_INTAKE_DATE, intakeDateProblem } from '../../api/contract/dates'
import type { CaseFields } from './case-repository'
import {
  ageOn,
  codes,
  rejectManagedFields,
  survivorFields,
  validateSections,
  type SectionId,
} from './case-record'
import { assertDeprecatedKept, type StoredCase } from './kept-deprecated'
import { assertCaseFacts } from './case-facts'

type CreateCase = z.output<typeof createCaseInput>
type UpdateCase = z.output<typeof updateCaseInput>
/** An update with the parts it left out filled in as stored (case-service.ts). */
export type WholeUpdate = UpdateCase & Pick<CreateCase, 'survivorAliases' | 'victim' | 'details' | 'events'>

/**
 * The intake date and birthdate by the rules the import applies too (contract/dates.ts): a case
 * saved here must survive its own export and import into a new vault.
 */
function assertCaseDates(
  intakeDate: string,
  birthdate: unknown,
  latestIntake: string,
  storedIntakeDate: string | undefined,
): void {
  const issues = []
  // An unchanged intake date is not judged again (as case-facts.ts does with stored facts): a case
  // imported from a file written east of here may be dated "today" there, still tomorrow here,
  // and no other field of it could be saved until that day came here.
  const problem = intakeDate === storedIntakeDate ? null : intakeDateProblem(intakeDate, latestIntake)
  if (problem === 'date_in_future')
    issues.push({ path: 'intakeDate', code: problem, message: 'in the future' })
  if (problem === 'date_too_early')
    issues.push({ path: 'intakeDate', code: problem, message: `before ${EARLIEST_INTAKE_DATE}` })
  if (bornAfterIntake(birthdate, intakeDate))
    issues.push({
      path: 'survivor.prs_Birthdate',
      code: 'birth_after_intake',
      message: 'after the intake date',
    })
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues })
}

/**
 * Validates the whole form input and derives the indexed columns from it. Throws VALIDATION.
 * `latestIntake`: the last day an intake may be on (latestIntakeDate of the session's clock).
 * `stored`: for an update, the case as it is: deprecated fields it holds may stay, unchanged.
 */
/**
 * "Add an event" pressed and nothing filled in: saved, the case showed an "Event 2" with no
 * detail at all, and the exports carried an empty event row. A new event from a form must hold
 * something; one saved before this rule stays, so the case can still be edited around it. The
 * import does not ask this: an older version's empty events move with their vault.
 */
export function assertNoNewEmptyEvent(
  eventRows: readonly { id?: number | undefined; record: Record<string, unknown> }[],
): void {
  const issues = eventRows.flatMap((event, index) =>
    event.id === undefined && isEmptyRecord(event.record)
      ? [
          {
            path: `events.${index}.hte_Type`,
            code: EMPTY_EVENT,
            message: 'an event needs at least one detail',
          },
        ]
      : [],
  )
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues })
}

export function prepareCase(
  input: CreateCase | WholeUpdate,
  existingEventIds: Set<number>,
  latestIntake: string,
  stored?: StoredCase & { intakeDate: string },
) {
  rejectManagedFields(input.details)
  const parts: { path: string; section: SectionId; record: Record<string, unknown> }[] = [
    { path: 'survivor', section: 'person', record: input.survivor },
    { path: 'victim', section: 'victim', record: input.victim },
    { path: 'details', section: 'case', record: input.details },
    ...input.events.map((event, index) => ({
      path: `events.${index}`,
      section: 'historicEvent' as const,
      record: event.record,
    })),
  ]
  const [survivor = {}, victim = {}, details = {}, ...events] = validateSections(
    parts.map((part) => ({ ...part, forNewRecords: stored === undefined })),
  )
  if (stored) {
    const storedEvent = (path: string) => {
      const id = input.events[Number(path.slice('events.'.length))]?.id
      return (id === undefined ? undefined : stored.events.get(id)) ?? {}
    }
    assertDeprecatedKept(parts, (path) =>
      path === 'survivor' || path === 'victim' || path === 'details' ? stored[path] : storedEvent(path),
    )
  }
  const unknownEvent = input.events.find((event) => event.id !== undefined && !existingEventIds.has(event.id))
  if (unknownEvent)
    throw new CaseVaultError('VALIDATION', 'An event does not belong to this case.', {
      eventId: unknownEvent.id,
    })
  // One event sent twice: one of the two versions was lost without a word (a reviewing helper).
  const ids = input.events.flatMap((event) => (event.id === undefined ? [] : [event.id]))
  const twice = ids.find((id, index) => ids.indexOf(id) !== index)
  if (twice !== undefined)
    throw new CaseVaultError('VALIDATION', 'An event is given twice.', { eventId: twice })
  assertCaseDates(input.intakeDate, survivor.prs_Birthdate, latestIntake, stored?.intakeDate)
  assertCaseFacts(
    {
      intakeDate: input.intakeDate,
      birthdate: survivor.prs_Birthdate,
      ageWhenTrafficked: victim.vic_AgeWhenTrafficked,
      eventDates: input.events.map((event, index) => ({
        index,
        id: event.id,
        date: events[index]?.hte_Date,
      })),
    },
    latestIntake,
    stored,
  )
  const person = survivorFields(survivor, input.survivorAliases)
  const fields: Omit<CaseFields, 'status' | 'assignedUserId'> = {
    intakeDate: input.intakeDate,
    ageAtIntake: ageOn(person.birthdate, input.intakeDate),
    traffickingStatus: typeof victim.vic_TraffickingStatus === 'string' ? victim.vic_TraffickingStatus : null,
    details,
    victim,
  }
  const eventRows = input.events.map((event, index) => {
    const record = events[index] ?? {}
    return {
      id: event.id,
      type: typeof record.hte_Type === 'string' ? record.hte_Type : null,
      date: typeof record.hte_Date === 'string' ? record.hte_Date : null,
      country: typeof record.hte_Country === 'string' ? record.hte_Country : null,
      record,
    }
  })
  return { person, fields, eventRows, exploitationTypes: codes(victim.vic_TypeOfExploitation) }
}

export type PreparedCase = ReturnType<typeof prepareCase>
