import type { FollowUpState, SupportPlan } from '../../../../main/api/contract'

/** yyyy-mm-dd plus `days` calendar days (UTC arithmetic on a date-only value: no DST surprises). */
function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/**
 * A plan's follow-up as main counts it for Today and the Follow-ups screen (referral-follow-ups.ts):
 * an active plan of an open case whose day has passed is overdue, one due today … today + 7 is due
 * this week. Main sends referrals their state but not plans, so the tab works it out: a reminder's
 * link opens the case on its plans, and without the mark the caseworker could not tell which plan
 * the reminder meant from a finished one whose old follow-up date is still shown.
 */
export function planFollowUpState(
  plan: Pick<SupportPlan, 'status' | 'followUpDate'>,
  today: string,
  caseClosed = false,
): FollowUpState {
  if (caseClosed || plan.status !== 'active' || !plan.followUpDate) return null
  if (plan.followUpDate < today) return 'overdue'
  if (plan.followUpDate <= addDays(today, 7)) return 'dueThisWeek'
  return null
}
