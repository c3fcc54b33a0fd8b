import { EARLIEST_INTAKE_DATE, intakeDateProblem } from '../../api/contract/dates'
import { invalidField } from '../errors'
import type { HistoryRow } from './referral-repository'

/**
 * A referral's own dates, as every other date of a case: not after `latest` (today here or in UTC;
 * a referral dated next year could never have a step, as steps may not be in the future) and not
 * before 1950 (1026 for 2026).
 */
export function assertDayInRange(path: string, day: string, latest: string): void {
  const problem = intakeDateProblem(day, latest)
  if (problem === 'date_in_future') throw invalidField(path, 'in the future', 'date_in_future')
  if (problem === 'date_too_early')
    throw invalidField(path, `before ${EARLIEST_INTAKE_DATE}`, 'date_too_early')
}

/**
 * A date that may lie ahead (a follow-up) but not a thousand years back: 1026 for 2026 was saved,
 * and the referral stood overdue since 1026 at the top of every list of follow-ups.
 */
export function assertNotTooEarly(path: string, day: string | null): void {
  if (day !== null && day < EARLIEST_INTAKE_DATE)
    throw invalidField(path, `before ${EARLIEST_INTAKE_DATE}`, 'date_too_early')
}

/**
 * A follow-up is due after the referral: one before it (2025 typed for 2026) was saved, and the
 * referral sat in the Overdue list a year at once. An unchanged date is not judged again (an
 * imported or older record stays editable).
 */
export function assertFollowUpDate(
  followUp: string | null,
  referralDate: string,
  stored?: string | null,
): void {
  if (followUp === (stored ?? null)) return
  assertNotTooEarly('followUpDate', followUp)
  if (followUp !== null && followUp < referralDate)
    throw invalidField('followUpDate', 'before the referral date', 'before_referral_date')
}

/**
 * The date of the last step taken, or null before the first. The history's first row (the draft)
 * is dated the day it was recorded, not a day a step happened: it does not count.
 */
export function lastStepDate(
  history: readonly Pick<HistoryRow, 'from_status' | 'changed_on'>[],
): string | null {
  let latest: string | null = null
  for (const row of history)
    if (row.from_status !== null && (latest === null || row.changed_on > latest)) latest = row.changed_on
  return latest
}
