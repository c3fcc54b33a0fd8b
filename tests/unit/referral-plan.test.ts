import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import { listReferralsInput, type ListReferralsInput } from '../../main/api/contract/referrals'
import { followUpClause, listReferralsSql } from '../../main/core/referrals/referral-list-query'
import type { VaultDatabase } from '../../main/core/db/connection'

function plan(db: VaultDatabase, sql: string, params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (step) => step.detail,
  )
}

/** A full scan of the referrals table (or of cases) is what must never happen on a hot path. */
const fullScans = (lines: string[]) =>
  lines.filter((line) => /^SCAN (r|c|sp)\b/.test(line) && !line.includes('INDEX'))

const LISTS: [string, ListReferralsInput, number | null][] = [
  ['supervisor, no filter', {}, null],
  ['supervisor, by status', { status: ['sent', 'accepted'] }, null],
  ['supervisor, overdue', { due: 'overdue' }, null],
  ['caseworker, no filter', {}, 3],
  ['caseworker, due this week', { due: 'thisWeek' }, 3],
  ['one case', { caseId: 7 }, null],
]

// Plans do not depend on the row count here (no ANALYZE), so a small vault shows the plan a big one gets.
describe('referral queries use their indexes', () => {
  it.each(LISTS)('the list: %s', async (_name, filters, onlyFor) => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    const sql = listReferralsSql(listReferralsInput.parse(filters), onlyFor, '2026-03-30')
    const page = plan(db, sql.page.sql, sql.page.params)
    expect(fullScans(page), page.join('\n')).toEqual([])
    const count = plan(db, sql.count.sql, sql.count.params)
    expect(fullScans(count), count.join('\n')).toEqual([])
  })

  it('reads reminders through the partial follow-up index', async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    for (const window of ['overdue', 'thisWeek'] as const) {
      const due = followUpClause(window, '2026-03-30')
      const lines = plan(db, `SELECT r.id FROM referrals r WHERE ${due.clause}`, due.params)
      expect(lines.join('\n')).toContain('referrals_follow_up_visibility')
    }
    const awaiting = plan(
      db,
      "SELECT r.id FROM referrals r WHERE r.status = 'sent' AND r.direction = 'outgoing' ORDER BY r.referral_date",
      [],
    )
    expect(awaiting).toEqual(['SEARCH r USING INDEX referrals_by_status (status=?)'])
  })
})
