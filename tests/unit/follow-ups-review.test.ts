// Follow-ups, reminders and due dates: defects found by a reviewing helper (session 19). Each test failed on the
// code as it was found and passes once the defect is fixed. Real encrypted vaults (TEST_KDF), real
// API calls, as the renderer makes them.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, testVault } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { daysFromToday, followUps, outgoingReferral, summary } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { ReferralDetail, ReferralPage, ReferralSummary } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

/**
 * Writes many rows at once, as the bench would: the host is locked, the same vault is opened beside
 * it as the admin, `sql` runs in one transaction, and the host is signed in again as `then`.
 */
async function bulk(host: Host, dataDir: string, sql: string, then: string): Promise<void> {
  await call(host, 'vault:lock')
  const side = testVault({ dataDir })
  const session = await side.unlock(ADMIN.username, ADMIN.passphrase)
  session.db.transaction(() => session.db.exec(sql))()
  side.lock('user')
  await signInAs(host, then)
}

describe('the Follow-ups screen leads to every follow-up its dashboard card counts', () => {
  // WHAT A USER DOES: a supervisor (or a caseworker back from leave) opens Today: the Overdue card
  // says "250" and offers "All 250"; they follow the link to the Follow-ups screen.
  // WHAT HAPPENS: the screen lists 200 follow-ups and says nothing more: no paging, no "200 of
  // 250", no way to the other 50. The oldest come first, so what is cut off are the 50 most
  // recently overdue ones — support plans' follow-ups among them are listed on no other screen.
  // WHAT SHOULD HAPPEN: the README ("a card with more items than it shows links to all of them
  // (Follow-ups)") and FollowUpsView.vue:11-12 ("a card's '12' must lead to all 12"): the screen's
  // rows equal the card's total (or the API pages, with a total, and the screen offers the next page).
  // CAUSE: main/core/referrals/referral-follow-ups.ts:9 (REMINDER_LIMIT = 200) is the default limit
  // of followUpReminders, and main/api/referrals.ts:44 calls it with no limit and no offset; the
  // contract's followUps returns a bare array (no total), so the screen cannot even tell.
  // FIX: give referrals:followUps paging (offset/limit + total, as referrals:list) or no cap, and
  // page on FollowUpsView.vue.
  it('lists on the Follow-ups screen as many overdue follow-ups as the card counts', async () => {
    const { host, dataDir } = await staffedHost('bilal')
    const made = await createCase(host)
    const due = daysFromToday(-1)
    // 150 overdue referrals and 100 overdue support plans of bilal's open case.
    await bulk(
      host,
      dataDir,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
       INSERT INTO referrals (direction, case_id, organisation_name, urgency, referral_date, status,
         follow_up_date, created_by, created_at, updated_at)
       SELECT 'outgoing', ${made.id}, 'Org ' || i, 'routine', '2026-03-01', 'draft', '${due}',
         (SELECT id FROM users WHERE username = 'bilal'), '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z' FROM n;
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
       INSERT INTO support_plans (case_id, type, objectives, start_date, follow_up_date, status,
         created_at, updated_at)
       SELECT ${made.id}, 'Health', 'Check-up ' || i, '2026-03-01', '${due}', 'active',
         '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z' FROM n;`,
      'bilal',
    )
    for (const who of ['bilal', 'dana']) {
      await signInAs(host, who)
      const card = (await summary(host)).overdueFollowUps
      expect(card.total, who).toBe(250)
      const screen = await followUps(host, 'overdue')
      expect(screen.length, `${who}: rows on the Follow-ups screen`).toBe(card.total)
    }
  })
})

describe('a closed case’s referral is not called overdue', () => {
  // WHAT A USER DOES: a caseworker closes a case (the survivor moved abroad) while one of its
  // referrals is still open with a follow-up date that has passed. Later they open the Referrals
  // screen (no filter) or the closed case's Referrals tab.
  // WHAT HAPPENS: the row still carries the red "Overdue" tag (followUpState 'overdue'); yet the
  // same screen's "Due: overdue" filter, the dashboard card and the Follow-ups screen leave it
  // off (a closed case's follow-ups are due no more, README "Today"). Two screens of one app give
  // two answers; the tag keeps inviting a contact with a survivor who asked for the case to be
  // closed, and filtering on what the tag says makes the row vanish.
  // WHAT SHOULD HAPPEN: the referral of a closed case has no follow-up state (null) in the list,
  // the case's tab and the referral's own screen — as the filter and the dashboard decide; reopened,
  // it is overdue again.
  // CAUSE: main/core/referrals/referral-mappers.ts:14-23 (followUpState) looks at the referral's own
  // status and date only; the closed-case rule lives in referral-list-query.ts:40-60 (CLOSED_CASES)
  // and is applied to the filters and reminders, never to the state every summary carries.
  // FIX: select the case's status with REFERRAL_COLUMNS (c.status) and return null from
  // followUpState when it is Closed/ClosedReferred.
  it('gives no follow-up state to an open referral of a closed case, as the Due filter does', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(made.id),
      followUpDate: daysFromToday(-3),
    })
    expect(referral.followUpState).toBe('overdue') // the case still open: overdue indeed
    await call(host, 'cases:close', {
      id: made.id,
      version: made.version,
      status: 'Closed',
      reason: 'Moved abroad; no further contact wanted.',
    })
    const filtered = await call<ReferralPage>(host, 'referrals:list', { due: 'overdue' })
    expect(filtered.total).toBe(0) // the filter (and the dashboard) say: not overdue
    const listed = await call<ReferralPage>(host, 'referrals:list', {})
    expect(listed.items.map((item) => [item.id, item.followUpState])).toEqual([[referral.id, null]])
    const tab = await call<ReferralSummary[]>(host, 'referrals:forCase', { caseId: made.id })
    expect(tab.map((item) => item.followUpState)).toEqual([null])
    const opened = await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })
    expect(opened.followUpState).toBeNull()
  })
})

describe('the screener of a walk-in is reminded of its referral’s follow-up', () => {
  // WHAT A USER DOES: caseworker Bilal screens a walk-in (no case yet). His supervisor, reviewing
  // the screening, makes the referral to a shelter from it and sets a follow-up date that passes.
  // WHAT HAPPENS: Bilal may open the referral (referral-access.ts:19-21 "a caseworker sees it only if
  // they screened or referred"; referrals:get answers him), but it is in none of his lists: not on
  // Today, not on the Follow-ups screen, not under Referrals → Due. Nobody who works the walk-in is
  // reminded; the supervisor's dashboard holds it among everyone's items.
  // WHAT SHOULD HAPPEN: the reminders and lists follow the same rule as opening: the screener of a
  // screening-only referral sees its follow-up.
  // CAUSE: main/core/referrals/referral-list-query.ts:24-31 (visibilitySql) and
  // referral-follow-ups.ts:143-157 (countVisible) let a caseworker see a screening-only referral
  // only when `r.created_by` is theirs; referral-access.ts:53-58 (assertAssessmentVisible) also lets
  // the screening's screener see it.
  // FIX: add the screening's screener to the visibility SQL (e.g. `r.case_id IS NULL AND
  // (r.created_by = ? OR r.assessment_id IN (SELECT id FROM assessments WHERE screener_user_id = ?
  // AND case_id IS NULL))`), in the list, the reminders and the counts alike.
  it('shows the screener the overdue follow-up of a referral made from their screening', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    await signInAs(host, 'dana')
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
      followUpDate: daysFromToday(-2),
    })
    await signInAs(host, 'bilal')
    // He may open it: it is his walk-in's referral.
    expect((await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })).id).toBe(referral.id)
    // So he is told it is overdue, and the counts agree with the rows.
    expect((await followUps(host, 'overdue')).map((item) => item.id)).toEqual([referral.id])
    expect((await summary(host)).overdueFollowUps.total).toBe(1)
    expect((await call<ReferralPage>(host, 'referrals:list', { due: 'overdue' })).total).toBe(1)
  })
})
