import type { z } from 'zod'
import type { VaultDatabase } from '../db/connection'
import type { listReferralsInput } from '../../api/contract/referrals'
import { REFERRAL_COLUMNS, REFERRAL_JOINS, type ReferralRow } from './referral-repository'
import { addDays } from './local-date'

type ListQuery = z.output<typeof listReferralsInput>

/**
 * Who sees which referral, as SQL: referrals of the cases assigned to the caseworker, or — for a
 * screening-only referral — the ones they made (screening visibility proper is checked again on
 * open). Both halves are index lookups, so a caseworker's list never walks everyone's referrals.
 * null = everyone.
 */
export function visibilitySql(onlyFor: number | null): { clause: string | null; params: number[] } {
  if (onlyFor === null) return { clause: null, params: [] }
  return {
    clause: `r.id IN (SELECT vr.id FROM cases vc JOIN referrals vr ON vr.case_id = vc.id WHERE vc.assigned_user_id = ?
      UNION ALL SELECT vs.id FROM referrals vs WHERE vs.created_by = ? AND vs.case_id IS NULL)`,
    params: [onlyFor, onlyFor],
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
  return window === 'overdue'
    ? { clause: 'r.follow_up_due < ?', params: [today] }
    : { clause: 'r.follow_up_due BETWEEN ? AND ?', params: [today, addDays(today, 7)] }
}

/** The list's SQL: every value bound, only fixed fragments concatenated. */
export function listReferralsSql(input: ListQuery, onlyFor: number | null, today: string) {
  const where: string[] = []
  const params: unknown[] = []
  const visibility = visibilitySql(onlyFor)
  if (visibility.clause) {
    where.push(visibility.clause)
    params.push(...visibility.params)
  }
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
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const order = input.due ? 'r.follow_up_date, r.id' : 'r.referral_date DESC, r.id DESC'
  return {
    count: {
      sql: `SELECT count(*) AS total FROM referrals r ${whereSql}`,
      params,
    },
    page: {
      sql: `SELECT ${REFERRAL_COLUMNS} FROM referrals r ${REFERRAL_JOINS} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      params: [...params, input.limit, input.offset],
    },
  }
}

export function listReferralRows(db: VaultDatabase, input: ListQuery, onlyFor: number | null, today: string) {
  const sql = listReferralsSql(input, onlyFor, today)
  const total = (db.prepare(sql.count.sql).get(...sql.count.params) as { total: number }).total
  const rows = db.prepare(sql.page.sql).all(...sql.page.params) as ReferralRow[]
  return { total, rows }
}
