import type { z } from 'zod'
import type { VaultDatabase } from '../db/connection'
import type { listReferralsInput } from '../../api/contract/referrals'
import { REFERRAL_COLUMNS, REFERRAL_JOINS, type ReferralRow } from './referral-repository'
import { addDays } from './local-date'

type ListQuery = z.output<typeof listReferralsInput>

/**
 * Who sees which referral, as SQL: referrals of the cases assigned to the caseworker, or — for a
 * screening-only referral — the ones they made (screening visibility proper is checked again on
 * open). `case_assignee` is the case's assigned user, copied onto the referral by triggers
 * (migration 0008), so both halves are index ranges: at 100k cases the bench measured 68 ms for
 * the earlier `r.id IN (… UNION ALL …)` and 35 ms for a probe into cases per referral.
 * null = everyone.
 *
 * `page`: for a short page read in an index's order (list pages, the dashboard's first items),
 * the same test made unusable as an index (unary +), so SQLite reads in the wanted order and stops
 * after the page instead of collecting all of the caseworker's referrals and sorting them (the
 * bench measured 55 ms vs 0.5 ms for a caseworker's default list).
 */
/**
 * A screening-only referral is the screener's too (as referral-access.ts lets them open it): one a
 * supervisor made from a caseworker's walk-in screening was missing from that caseworker's lists,
 * reminders and dashboard (found by a reviewing helper). Through assessments_by_screener.
 */
export const SCREENED_BY = 'r.assessment_id IN (SELECT a.id FROM assessments a WHERE a.screener_user_id = ?)'

export function visibilitySql(
  onlyFor: number | null,
  use: 'count' | 'page' = 'count',
): { clause: string | null; params: number[] } {
  if (onlyFor === null) return { clause: null, params: [] }
  const plus = use === 'page' ? '+' : ''
  return {
    clause: `(${plus}r.case_assignee = ? OR (r.case_id IS NULL AND (${plus}r.created_by = ? OR ${SCREENED_BY})))`,
    params: [onlyFor, onlyFor, onlyFor],
  }
}

/**
 * Open referrals with a follow-up date in a window, through the generated `follow_up_due`
 * column (NULL once a referral is finished) and its partial index (migration 0007).
 */
export function followUpClause(
  window: 'overdue' | 'thisWeek',
  today: string,
): { clause: string; params: string[] } {
  const due =
    window === 'overdue'
      ? { clause: 'r.follow_up_due < ?', params: [today] }
      : { clause: 'r.follow_up_due BETWEEN ? AND ?', params: [today, addDays(today, 7)] }
  return {
    clause: `${due.clause} AND (r.case_id IS NULL OR r.case_id NOT IN ${CLOSED_CASES})`,
    params: due.params,
  }
}

/**
 * The closed cases' ids, read from cases_by_status. A closed case's follow-ups are due no more:
 * its referral left open or its plan still active kept the caseworker (and every supervisor)
 * chasing a partner, or a survivor who asked for the case to be closed, among the live reminders.
 */
export const CLOSED_CASES = "(SELECT id FROM cases WHERE status IN ('Closed', 'ClosedReferred'))"

/** The list's SQL: every value bound, only fixed fragments concatenated. */
export function listReferralsSql(input: ListQuery, onlyFor: number | null, today: string) {
  const where: string[] = []
  const params: unknown[] = []
  if (input.direction) {
    where.push('r.direction = ?')
    params.push(input.direction)
  }
  if (input.status?.length) {
    where.push(`r.status IN (${input.status.map(() => '?').join(', ')})`)
    params.push(...input.status)
  }
  if (input.caseId !== undefined) {
    where.push('r.case_id = ?')
    params.push(input.caseId)
  }
  if (input.due) {
    const due = followUpClause(input.due, today)
    where.push(due.clause)
    params.push(...due.params)
  }
  const filters = where.map((clause) => ` AND ${clause}`).join('')
  const visibility = visibilitySql(onlyFor, 'page')
  const pageWhere = [...(visibility.clause ? [visibility.clause] : []), ...where]
  const pageWhereSql = pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''
  // follow_up_due equals follow_up_date on every open referral (the only ones a due filter keeps)
  // and is the indexed column: ordering by it reads the index in order instead of sorting.
  const order = input.due ? 'r.follow_up_due, r.id' : 'r.referral_date DESC, r.id DESC'
  // A caseworker's total: their cases' referrals plus their screening-only ones, each half an
  // index range (see visibilitySql).
  const count =
    onlyFor === null
      ? { sql: `SELECT count(*) AS total FROM referrals r WHERE 1 = 1${filters}`, params }
      : {
          sql: `SELECT (SELECT count(*) FROM referrals r WHERE r.case_assignee = ?${filters})
                     + (SELECT count(*) FROM referrals r
                        WHERE r.case_id IS NULL AND (r.created_by = ? OR ${SCREENED_BY})${filters})
                  AS total`,
          params: [onlyFor, ...params, onlyFor, onlyFor, ...params],
        }
  return {
    count,
    page: {
      sql: `SELECT ${REFERRAL_COLUMNS} FROM referrals r ${REFERRAL_JOINS} ${pageWhereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      params: [...visibility.params, ...params, input.limit, input.offset],
    },
  }
}

export function listReferralRows(db: VaultDatabase, input: ListQuery, onlyFor: number | null, today: string) {
  const sql = listReferralsSql(input, onlyFor, today)
  const total = (db.prepare(sql.count.sql).get(...sql.count.params) as { total: number }).total
  const rows = db.prepare(sql.page.sql).all(...sql.page.params) as ReferralRow[]
  return { total, rows }
}
