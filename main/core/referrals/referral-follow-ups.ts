import type { VaultSession } from '../vault/vault-session'
import type { FollowUpItem, ReferralSummary } from '../../api/contract/referral-types'
import { caseVisibilityFilter } from '../cases/case-access'
import { REFERRAL_COLUMNS, REFERRAL_JOINS, type ReferralRow } from './referral-repository'
import { CLOSED_CASES, followUpClause, SCREENED_BY, visibilitySql } from './referral-list-query'
import { rowToSummary } from './referral-mappers'
import { addDays, localIsoDate } from './local-date'

const REMINDER_LIMIT = 200
/**
 * The Follow-ups screen lists every item its card counts: at 200, a card saying 250 led to a
 * screen of 200, and the support plans' follow-ups cut off were listed on no other screen (found
 * by a reviewing helper). Far above any shelter's caseload; each item is a few short fields.
 */
export const FOLLOW_UPS_SCREEN_LIMIT = 10_000

interface PlanFollowUpRow {
  id: number
  case_id: number
  case_number: string
  follow_up_date: string
  status: string
  type: string
}

/**
 * Dashboard reminders: open referrals and active support plans whose follow-up date has passed
 * ('overdue') or falls within the next 7 days ('thisWeek'), only those the caller may see, and
 * none of a closed case (referral-list-query.ts: CLOSED_CASES).
 * Labels are organisation names and plan types — never survivor data.
 */
export function followUpReminders(
  session: VaultSession,
  window: 'overdue' | 'thisWeek',
  limit: number = REMINDER_LIMIT,
): FollowUpItem[] {
  const onlyFor = caseVisibilityFilter(session)
  const today = localIsoDate(session.clock())
  const visibility = visibilitySql(onlyFor, 'page')
  const due = followUpClause(window, today)
  const where = [due.clause, ...(visibility.clause ? [visibility.clause] : [])].join(' AND ')
  const referrals = session.db
    .prepare<unknown[], ReferralRow>(
      `SELECT ${REFERRAL_COLUMNS} FROM referrals r ${REFERRAL_JOINS} WHERE ${where} ORDER BY r.follow_up_due, r.id LIMIT ${limit}`,
    )
    .all(...due.params, ...visibility.params)

  const planWindow =
    window === 'overdue'
      ? { sql: 'sp.follow_up_date < ?', params: [today] }
      : { sql: 'sp.follow_up_date BETWEEN ? AND ?', params: [today, addDays(today, 7)] }
  const plans = session.db
    .prepare<unknown[], PlanFollowUpRow>(
      `SELECT sp.id, sp.case_id, c.case_number, sp.follow_up_date, sp.status, sp.type
       FROM support_plans sp JOIN cases c ON c.id = sp.case_id
       WHERE sp.follow_up_date IS NOT NULL AND sp.status = 'active' AND ${planWindow.sql}
         AND c.status NOT IN ('Closed', 'ClosedReferred')
       ${onlyFor === null ? '' : 'AND c.assigned_user_id = ?'}
       ORDER BY sp.follow_up_date, sp.id LIMIT ${limit}`,
    )
    .all(...planWindow.params, ...(onlyFor === null ? [] : [onlyFor]))

  const items: FollowUpItem[] = [
    ...referrals.map((row) => ({
      kind: 'referral' as const,
      id: row.id,
      caseId: row.case_id,
      caseNumber: row.case_number,
      followUpDate: row.follow_up_date!,
      status: row.status,
      label: row.organisation_label,
      overdue: row.follow_up_date! < today,
    })),
    ...plans.map((row) => ({
      kind: 'supportPlan' as const,
      id: row.id,
      caseId: row.case_id,
      caseNumber: row.case_number,
      followUpDate: row.follow_up_date,
      status: row.status,
      label: row.type,
      overdue: row.follow_up_date < today,
    })),
  ]
  return items.sort((a, b) => a.followUpDate.localeCompare(b.followUpDate) || a.id - b.id).slice(0, limit)
}

/** Outgoing referrals sent and not yet answered, oldest first: the other side owes an answer. */
export function referralsAwaitingAnswer(
  session: VaultSession,
  limit: number = REMINDER_LIMIT,
): ReferralSummary[] {
  const onlyFor = caseVisibilityFilter(session)
  const today = localIsoDate(session.clock())
  const visibility = visibilitySql(onlyFor, 'page')
  return session.db
    .prepare<unknown[], ReferralRow>(
      `SELECT ${REFERRAL_COLUMNS} FROM referrals r ${REFERRAL_JOINS}
       WHERE r.status = 'sent' AND r.direction = 'outgoing' ${visibility.clause ? `AND ${visibility.clause}` : ''}
       ORDER BY r.referral_date, r.id LIMIT ${limit}`,
    )
    .all(...visibility.params)
    .map((row) => rowToSummary(row, today))
}

/** How many follow-ups are in the window, all of them (the lists above stop at 200). */
export function countFollowUps(session: VaultSession, window: 'overdue' | 'thisWeek'): number {
  const onlyFor = caseVisibilityFilter(session)
  const today = localIsoDate(session.clock())
  const due = followUpClause(window, today)
  const referrals = countVisible(session, onlyFor, due.clause, due.params)
  const planWindow =
    window === 'overdue'
      ? { sql: 'sp.follow_up_date < ?', params: [today] }
      : { sql: 'sp.follow_up_date BETWEEN ? AND ?', params: [today, addDays(today, 7)] }
  // Everyone's: the partial index alone. A caseworker's: the plans carry their case's caseworker
  // (`case_assignee`, kept by triggers, migration 0008), so an index range as well.
  const plans = session.db
    .prepare<unknown[], { n: number }>(
      onlyFor === null
        ? `SELECT count(*) AS n FROM support_plans sp
           WHERE sp.follow_up_date IS NOT NULL AND sp.status = 'active' AND ${planWindow.sql}
             AND sp.case_id NOT IN ${CLOSED_CASES}`
        : `SELECT count(*) AS n FROM support_plans sp
           WHERE sp.case_assignee = ? AND sp.follow_up_date IS NOT NULL AND sp.status = 'active'
             AND ${planWindow.sql} AND sp.case_id NOT IN ${CLOSED_CASES}`,
    )
    .get(...(onlyFor === null ? [] : [onlyFor]), ...planWindow.params)!.n
  return referrals + plans
}

/** How many outgoing referrals wait for an answer, all of them. */
export function countAwaitingAnswer(session: VaultSession): number {
  return countVisible(
    session,
    caseVisibilityFilter(session),
    `r.status = 'sent' AND r.direction = 'outgoing'`,
    [],
  )
}

/**
 * Referrals matching `where` that the caller may see. A caseworker's as two counts — their cases'
 * referrals, their screening-only ones — so each reads one index range (case_assignee first)
 * instead of SQLite picking the filter's index and checking visibility row by row.
 */
function countVisible(
  session: VaultSession,
  onlyFor: number | null,
  where: string,
  params: unknown[],
): number {
  const sql =
    onlyFor === null
      ? `SELECT count(*) AS n FROM referrals r WHERE ${where}`
      : `SELECT (SELECT count(*) FROM referrals r WHERE r.case_assignee = ? AND ${where})
              + (SELECT count(*) FROM referrals r WHERE r.case_id IS NULL AND (r.created_by = ? OR ${SCREENED_BY}) AND ${where}) AS n`
  const bound = onlyFor === null ? params : [onlyFor, ...params, onlyFor, onlyFor, ...params]
  return session.db.prepare<unknown[], { n: number }>(sql).get(...bound)!.n
}
