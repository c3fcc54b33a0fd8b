// A closed case's follow-ups are due no more: its referral left open, or its plan still active,
// stayed in the dashboard's "Overdue" and "This week" (and their totals) for its caseworker and
// every supervisor. Found by a reviewing helper; both tests failed before referral-list-query.ts's
// CLOSED_CASES.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { daysFromToday, outgoingReferral } from './support/referral-fixtures'
import type { DashboardSummary, ReferralDetail, ReferralPage, SupportPlan } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const summary = (host: Host) => call<DashboardSummary>(host, 'dashboard:summary')

async function closeCase(host: Host, made: { id: number; version: number }) {
  await call(host, 'cases:close', {
    id: made.id,
    version: made.version,
    status: 'Closed',
    reason: 'Moved abroad; no further contact wanted.',
  })
}

describe('dashboard reminders of closed cases', () => {
  // WHAT GOES WRONG: a case is closed while one of its referrals is still open (draft, sent,
  // accepted…) with a follow-up date. The dashboard keeps listing that follow-up as overdue — for
  // the caseworker and for every supervisor — and counts it in the overdue total, forever.
  // WHO IS HURT: caseworkers chase (phone, message) a partner organisation or a survivor who asked
  // for the case to be closed — a contact that can itself put a survivor at risk — and a list that
  // fills with dead reminders hides the live ones (someone who still needs help is missed).
  // CAUSE: main/core/referrals/referral-follow-ups.ts:35-40 (followUpReminders) and :110 / :143-157
  // (countFollowUps → countVisible) filter on the referral's own `follow_up_due` only; nothing looks
  // at the case's status (the generated column, migrations/0007_referrals.sql:39, knows only the
  // referral's status). Closing a case (main/core/cases/case-service.ts:242-255) leaves its
  // referrals open.
  // FIX: carry the case's open/closed state onto referrals the way `case_assignee` is carried
  // (a trigger on cases.status, migration 0008 style) and make `follow_up_due` NULL for closed cases
  // — or join cases and add `c.status NOT IN ('Closed', 'ClosedReferred')` to both the list and the
  // counts; alternatively, closing a case could require/offer closing its open referrals.
  it('does not list an open referral’s follow-up as overdue once its case is closed', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(made.id),
      followUpDate: daysFromToday(-3),
    })
    expect((await summary(host)).overdueFollowUps.total).toBe(1) // due while the case is open
    await closeCase(host, made)
    for (const who of ['bilal', 'dana']) {
      await signInAs(host, who)
      const view = await summary(host)
      expect(
        view.overdueFollowUps.items.map((item) => item.caseId),
        who,
      ).not.toContain(made.id)
      expect(view.overdueFollowUps.total, who).toBe(0)
      expect((await call<ReferralPage>(host, 'referrals:list', { due: 'overdue' })).total, who).toBe(0)
    }
    // Reopened, the case's follow-up is due again.
    const closed = await call<{ version: number }>(host, 'cases:get', { id: made.id })
    await call(host, 'cases:reopen', { id: made.id, version: closed.version, reason: 'New contact' })
    expect((await summary(host)).overdueFollowUps.total).toBe(1)
  })

  // WHAT GOES WRONG: the same for support plans: a plan still 'active' on a case that was closed
  // stays in "Follow-ups due this week" (and later in "Overdue") with its total.
  // WHO IS HURT: as above — a survivor who left the programme is contacted about a plan that no
  // longer exists; staff lose trust in the dashboard and miss real follow-ups.
  // CAUSE: main/core/referrals/referral-follow-ups.ts:47-56 (the plan query joins cases only for the
  // case number and assignee, never its status) and :116-127 (the count reads support_plans alone
  // through `support_plans_assignee_follow_up`, migrations/0008_casework_list_indexes.sql:62).
  // FIX: add `c.status IN ('Active', 'FollowUp')` to the plan list and count (the count then joins
  // cases, or a trigger keeps a `case_open` flag on support_plans beside `case_assignee`); or end
  // the case's active plans (status 'discontinued', actual end = closing day) when it is closed.
  it('does not list an active support plan’s follow-up as due once its case is closed', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId: made.id,
      type: 'Legal',
      objectives: 'Representation at the labour court',
      startDate: '2026-03-15',
      followUpDate: daysFromToday(2),
    })
    expect((await summary(host)).followUpsThisWeek.total).toBe(1)
    await closeCase(host, made)
    for (const who of ['bilal', 'amara']) {
      await signInAs(host, who)
      const view = await summary(host)
      expect(
        view.followUpsThisWeek.items.map((item) => `${item.kind}:${item.id}`),
        who,
      ).not.toContain(`supportPlan:${plan.id}`)
      expect(view.followUpsThisWeek.total, who).toBe(0)
    }
  })
})
