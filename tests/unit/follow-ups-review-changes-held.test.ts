// Follow-ups, reminders and due dates: checks a reviewing helper tried that the code passes (acting on an item, its case closed or deleted, thousands of them).
// Kept as regression tests. Real encrypted vaults (TEST_KDF), real API calls; where the day matters
// the vault runs on a fixed clock.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, testVault } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import {
  daysFromToday,
  dueList,
  followUps,
  keys,
  planDue,
  referralDue,
  step,
  summary,
  survivorConsent,
} from './support/referral-fixtures'
import type { ReferralDetail, ReferralPage } from '../../main/api/contract'

describe('acting on an item takes it off everywhere at once', () => {
  it('moves a referral off the overdue lists when its follow-up is recorded, moved, cleared or finished', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const past = daysFromToday(-5)
    const everywhere = async () => ({
      dashboard: (await summary(host)).overdueFollowUps.total,
      screen: (await followUps(host, 'overdue')).length,
      filter: (await dueList(host, 'overdue')).total,
    })
    let moved = await referralDue(host, made.id, past, 'Moved Org')
    const cleared = await referralDue(host, made.id, past, 'Cleared Org')
    const finished = await referralDue(host, made.id, past, 'Finished Org')
    expect(await everywhere()).toEqual({ dashboard: 3, screen: 3, filter: 3 })

    moved = await call<ReferralDetail>(host, 'referrals:setFollowUp', {
      id: moved.id,
      version: moved.version,
      followUpDate: daysFromToday(30),
      outcome: 'Called them; hearing next month.',
    })
    expect(moved.followUpState).toBeNull()
    expect(await everywhere()).toEqual({ dashboard: 2, screen: 2, filter: 2 })
    await call<ReferralDetail>(host, 'referrals:setFollowUp', {
      id: cleared.id,
      version: cleared.version,
      followUpDate: null,
      outcome: 'Nothing more to follow.',
    })
    expect(await everywhere()).toEqual({ dashboard: 1, screen: 1, filter: 1 })
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(finished.id),
    )
    const sent = await step(host, consented, 'sent')
    expect(await everywhere()).toEqual({ dashboard: 1, screen: 1, filter: 1 }) // sent: still open
    await step(host, sent, 'closed_unsuccessful')
    expect(await everywhere()).toEqual({ dashboard: 0, screen: 0, filter: 0 })
    // The finished referral keeps its date but is said to be due no more.
    const list = await call<ReferralPage>(host, 'referrals:list', {})
    expect(list.items.every((item) => item.followUpState === null)).toBe(true)
  })

  it('takes a plan off when completed or discontinued, and moves it with a new date', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const day = daysFromToday
    const done = await planDue(host, made.id, day(-2))
    const dropped = await planDue(host, made.id, day(-2), 'Legal')
    const later = await planDue(host, made.id, day(-2), 'Education')
    const counts = async () => {
      const view = await summary(host)
      return [
        view.overdueFollowUps.total,
        view.followUpsThisWeek.total,
        (await followUps(host, 'thisWeek')).length,
      ]
    }
    expect(await counts()).toEqual([3, 0, 0])
    const base = { objectives: 'Dental treatment', startDate: '2026-03-01', followUpDate: day(-2) }
    await call(host, 'referrals:updateSupportPlan', {
      ...base,
      id: done.id,
      version: done.version,
      type: 'Health',
      status: 'completed',
      actualEndDate: day(0),
    })
    await call(host, 'referrals:updateSupportPlan', {
      ...base,
      id: dropped.id,
      version: dropped.version,
      type: 'Legal',
      status: 'discontinued',
      actualEndDate: day(0),
    })
    expect(await counts()).toEqual([1, 0, 0])
    await call(host, 'referrals:updateSupportPlan', {
      ...base,
      id: later.id,
      version: later.version,
      type: 'Education',
      status: 'active',
      followUpDate: day(3),
    })
    expect(await counts()).toEqual([0, 1, 1])
  })
})

describe('a case closed, reopened, deleted', () => {
  it('brings a plan’s follow-up back when its case is reopened', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const plan = await planDue(host, made.id, daysFromToday(-3))
    const closed = await call<{ version: number }>(host, 'cases:close', {
      id: made.id,
      version: made.version,
      status: 'Closed',
      reason: 'Moved abroad.',
    })
    expect((await summary(host)).overdueFollowUps.total).toBe(0)
    expect(await followUps(host, 'overdue')).toEqual([])
    await call(host, 'cases:reopen', { id: made.id, version: closed.version, reason: 'Back in town' })
    expect(keys(await followUps(host, 'overdue'))).toEqual([`supportPlan:${plan.id}`])
    expect((await summary(host)).overdueFollowUps.total).toBe(1)
  })

  it('leaves no follow-up of a deleted case anywhere', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const past = daysFromToday(-3)
    await referralDue(host, made.id, past, 'Gone Org')
    await planDue(host, made.id, past)
    await signInAs(host, 'amara')
    expect((await summary(host)).overdueFollowUps.total).toBe(2)
    await call(host, 'cases:delete', { id: made.id, reason: 'enteredInError' })
    for (const who of ['amara', 'dana', 'bilal']) {
      await signInAs(host, who)
      expect((await summary(host)).overdueFollowUps.total, who).toBe(0)
      expect(await followUps(host, 'overdue'), who).toEqual([])
      expect((await dueList(host, 'overdue')).total, who).toBe(0)
    }
  })
})

describe('with thousands of follow-ups', () => {
  it('reads the dashboard and the Follow-ups screen in well under a few seconds, for each role', async () => {
    const { host, dataDir } = await staffedHost('bilal')
    const mine = await createCase(host)
    const theirs = await createCase(host)
    const past = daysFromToday(-1)
    const soon = daysFromToday(2)
    await call(host, 'vault:lock')
    const side = testVault({ dataDir })
    const session = await side.unlock(ADMIN.username, ADMIN.passphrase)
    session.db.transaction(() =>
      session.db.exec(
        `UPDATE cases SET assigned_user_id = (SELECT id FROM users WHERE username = 'chen') WHERE id = ${theirs.id};
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
         INSERT INTO referrals (direction, case_id, organisation_name, urgency, referral_date, status,
           follow_up_date, created_by, created_at, updated_at)
         SELECT 'outgoing', CASE WHEN i % 40 = 0 THEN ${mine.id} ELSE ${theirs.id} END, 'Org ' || i, 'routine',
           '2026-03-01', CASE WHEN i % 3 = 0 THEN 'completed' ELSE 'draft' END,
           CASE WHEN i % 2 = 0 THEN '${past}' ELSE '${soon}' END, 1, '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z'
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO support_plans (case_id, type, objectives, start_date, follow_up_date, status, created_at, updated_at)
         SELECT CASE WHEN i % 40 = 0 THEN ${mine.id} ELSE ${theirs.id} END, 'Health', 'Plan ' || i, '2026-03-01',
           CASE WHEN i % 2 = 0 THEN '${past}' ELSE '${soon}' END, 'active', '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z'
         FROM n;`,
      ),
    )()
    side.lock('user')
    for (const who of ['bilal', 'dana']) {
      await signInAs(host, who)
      const started = performance.now()
      const view = await summary(host)
      const overdue = await followUps(host, 'overdue')
      const week = await followUps(host, 'thisWeek')
      const filter = await dueList(host, 'overdue')
      expect(performance.now() - started, who).toBeLessThan(5000)
      if (who === 'bilal') {
        // 4000/40 referrals of his, a third finished, half overdue; 3000/40 plans, half overdue.
        expect(view.overdueFollowUps.total).toBe(overdue.length)
        expect(view.followUpsThisWeek.total).toBe(week.length)
        expect(overdue.every((item) => item.caseId === mine.id)).toBe(true)
        expect(filter.items.every((item) => item.caseId === mine.id)).toBe(true)
      } else {
        expect(view.overdueFollowUps.total).toBeGreaterThan(2000)
        expect(overdue.length).toBeGreaterThan(0)
      }
    }
  })
})
