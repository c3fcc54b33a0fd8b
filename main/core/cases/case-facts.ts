import { CaseVaultError } from '../errors'
import { EARLIEST_INTAKE_DATE } from '../../api/contract/dates'
import type { StoredCase } from './kept-deprecated'

/** Older than anyone alive: a birthdate this far before the intake is a typo in the year. */
export const MAX_AGE_AT_INTAKE = 120

interface Facts {
  intakeDate: string
  birthdate: unknown
  ageWhenTrafficked: unknown
  eventDates: readonly { index: number; id: number | undefined; date: unknown }[]
}

/** Whole years from `birthdate` to `day` (both yyyy-mm-dd), however many. */
function yearsBetween(birthdate: string, day: string): number {
  const [by, bm, bd] = birthdate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/**
 * Facts that contradict each other or the calendar, found by a reviewing helper: a trafficking
 * event dated 2099, a birthdate making the survivor 176 at intake (stored with the age band
 * silently "unknown", so the 12–17 filter missed the case), a 16-year-old trafficked at 41 (the
 * de-identified export then called the child an adult). On an update, a value as stored is not
 * judged again, so a case imported with one can still be kept current; a changed one is.
 */
export function assertCaseFacts(
  facts: Facts,
  latestDay: string,
  stored?: StoredCase & { intakeDate: string },
): void {
  const issues = caseFactIssues(facts, latestDay, stored)
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues })
}

type FactCode =
  'birth_too_early' | 'older_than_at_intake' | 'date_in_future' | 'date_too_early' | 'before_birth'

/** The same rules as issues (path, code), for the import's per-row report too. */
export function caseFactIssues(
  facts: Facts,
  latestDay: string,
  stored?: StoredCase & { intakeDate: string },
): { path: string; code: FactCode; message: string }[] {
  const issues: ReturnType<typeof caseFactIssues> = []
  const birthdate = typeof facts.birthdate === 'string' ? facts.birthdate : null
  const ageChanged =
    !stored ||
    stored.intakeDate !== facts.intakeDate ||
    stored.survivor.prs_Birthdate !== facts.birthdate ||
    stored.victim.vic_AgeWhenTrafficked !== facts.ageWhenTrafficked
  const age = birthdate ? yearsBetween(birthdate, facts.intakeDate) : null
  if (ageChanged && age !== null && age > MAX_AGE_AT_INTAKE)
    issues.push({
      path: 'survivor.prs_Birthdate',
      code: 'birth_too_early',
      message: `over ${MAX_AGE_AT_INTAKE} at intake`,
    })
  if (
    ageChanged &&
    age !== null &&
    age >= 0 &&
    typeof facts.ageWhenTrafficked === 'number' &&
    facts.ageWhenTrafficked > age
  )
    issues.push({
      path: 'victim.vic_AgeWhenTrafficked',
      code: 'older_than_at_intake',
      message: 'older than the survivor was at intake',
    })
  const birthdateChanged = !stored || stored.survivor.prs_Birthdate !== facts.birthdate
  for (const { index, id, date } of facts.eventDates) {
    if (typeof date !== 'string') continue
    const path = `events.${index}.hte_Date`
    const dateAsStored = stored !== undefined && id !== undefined && stored.events.get(id)?.hte_Date === date
    // A stored date is not judged again (an imported 1945 event stays editable); a birthdate moved
    // after it is: the case would say she was recruited before she was born.
    if (dateAsStored) {
      if (birthdateChanged && birthdate && date < birthdate)
        issues.push({ path, code: 'before_birth', message: 'before the survivor was born' })
      continue
    }
    if (date > latestDay) issues.push({ path, code: 'date_in_future', message: 'in the future' })
    // As every other date of a case: 0225 typed for 2025, and a recruitment six years before the
    // survivor was born, went to reports and the de-identified export as they were.
    else if (date < EARLIEST_INTAKE_DATE)
      issues.push({ path, code: 'date_too_early', message: `before ${EARLIEST_INTAKE_DATE}` })
    else if (birthdate && date < birthdate)
      issues.push({ path, code: 'before_birth', message: 'before the survivor was born' })
  }
  return issues
}
