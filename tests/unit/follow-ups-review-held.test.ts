// Follow-ups, reminders and due dates: checks a reviewing helper tried that the code passes. Kept
// as regression tests. Real encrypted vaults (TEST_KDF), real API calls; where the day matters the
// vault runs on a fixed clock.
import { describe, expect, it } from 'vitest'
import { createApiHost } from '../../main/api/host'
import { ADMIN, call, errorCode, TEST_KDF, tempDir, testVault } from './support/temp-vault'
import {
  ANALYST,
  CASEWORKER,
  createCase,
  OTHER_CASEWORKER,
  signInAs,
  staffedHost,
  SUPERVISOR,
  survivorCase,
} from './support/case-fixtures'
import { daysFromToday, outgoingReferral, step, survivorConsent } from './support/referral-fixtures'
import { addDays } from '../../main/core/referrals/local-date'
import type {
  DashboardSummary,
  FollowUpItem,
  ReferralDetail,
  ReferralPage,
  SupportPlan,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

const summary = (host: Host) => call<DashboardSummary>(host, 'dashboard:summary')
const followUps = (host: Host, window: 'overdue' | 'thisWeek') =>
  call<FollowUpItem[]>(host, 'referrals:followUps', { window })
const dueList = (host: Host, due: 'overdue' | 'thisWeek') =>
  call<ReferralPage>(host, 'referrals:list', { due, limit: 200 })
const keys = (items: FollowUpItem[]) => items.map((item) => `${item.kind}:${item.id}`)

/** 20 March 2026, noon where this computer is; `clock.day(n)` moves it n days on. */
function movableClock() {
  let at = new Date(2026, 2, 20, 12, 0, 0)
  return {
    now: () => at,
    day: (days: number) => (at = new Date(at.getFullYear(), at.getMonth(), at.getDate() + days, 12)),
  }
}

/** staffedHost on a clock of our own (the fixture's host runs on the real one). */
async function staffedHostAt(now: () => Date, as: string) {
  const host = createApiHost({
    dataDir: tempDir(),
    kdf: TEST_KDF,
    allowKdfBelowFloor: true,
    clock: now,
    exportWorker: null,
  })
  await call(host, 'vault:create', ADMIN)
  for (const user of [CASEWORKER, OTHER_CASEWORKER, SUPERVISOR, ANALYST])
    await call(host, 'users:create', user)
  await signInAs(host, as)
  return host
}

async function referralDue(
  host: Host,
  caseId: number,
  followUpDate: string | null,
  organisationName: string,
) {
  return call<ReferralDetail>(
    host,
    'referrals:create',
    outgoingReferral(caseId, { followUpDate, organisationName, referralDate: '2026-03-01' }),
  )
}

async function planDue(host: Host, caseId: number, followUpDate: string, type = 'Health') {
  return call<SupportPlan>(host, 'referrals:createSupportPlan', {
    caseId,
    type,
    objectives: 'Dental treatment',
    startDate: '2026-03-01',
    followUpDate,
  })
}

describe('the day boundaries: overdue by one day, due today, in exactly 7 days, in 8', () => {
  it('puts each date in the same window on the dashboard, the Follow-ups screen and the Due filter', async () => {
    const clock = movableClock()
    const host = await staffedHostAt(clock.now, 'bilal')
    const made = await createCase(host)
    const today = '2026-03-20'
    const yesterday = await referralDue(host, made.id, addDays(today, -1), 'Yesterday Org')
    const dueToday = await referralDue(host, made.id, today, 'Today Org')
    const inSeven = await referralDue(host, made.id, addDays(today, 7), 'Seven Org')
    const inEight = await referralDue(host, made.id, addDays(today, 8), 'Eight Org')
    const planYesterday = await planDue(host, made.id, addDays(today, -1))
    const planSeven = await planDue(host, made.id, addDays(today, 7), 'Legal')
    await planDue(host, made.id, addDays(today, 8), 'Education')

    expect([yesterday, dueToday, inSeven, inEight].map((r) => r.followUpState)).toEqual([
      'overdue',
      'dueThisWeek',
      'dueThisWeek',
      null,
    ])
    const view = await summary(host)
    expect(view.today).toBe(today)
    expect(keys(view.overdueFollowUps.items)).toEqual([
      `referral:${yesterday.id}`,
      `supportPlan:${planYesterday.id}`,
    ])
    expect(view.overdueFollowUps.total).toBe(2)
    // Same-day items may come in either kind's order: compare the set, and the dates' order.
    expect([...keys(view.followUpsThisWeek.items)].sort()).toEqual(
      [`referral:${dueToday.id}`, `referral:${inSeven.id}`, `supportPlan:${planSeven.id}`].sort(),
    )
    const weekDates = view.followUpsThisWeek.items.map((item) => item.followUpDate)
    expect(weekDates).toEqual([...weekDates].sort())
    expect(view.followUpsThisWeek.total).toBe(3)
    expect(view.followUpsThisWeek.items.every((item) => !item.overdue)).toBe(true)
    expect(keys(await followUps(host, 'overdue'))).toEqual(keys(view.overdueFollowUps.items))
    expect(keys(await followUps(host, 'thisWeek'))).toEqual(keys(view.followUpsThisWeek.items))
    expect((await dueList(host, 'overdue')).items.map((r) => r.id)).toEqual([yesterday.id])
    expect((await dueList(host, 'thisWeek')).items.map((r) => r.id)).toEqual([dueToday.id, inSeven.id])

    // The next day: today's follow-up is overdue by one day, the 8-day one comes into the week.
    clock.day(1)
    const next = await summary(host)
    expect(next.today).toBe('2026-03-21')
    expect(keys(next.overdueFollowUps.items)).toEqual([
      `referral:${yesterday.id}`,
      `supportPlan:${planYesterday.id}`,
      `referral:${dueToday.id}`,
    ])
    expect(next.followUpsThisWeek.items.map((item) => item.label).sort()).toEqual([
      'Education',
      'Eight Org',
      'Legal',
      'Seven Org',
    ])
    expect(next.followUpsThisWeek.items.map((item) => item.followUpDate)).toEqual([
      '2026-03-27',
      '2026-03-27',
      '2026-03-28',
      '2026-03-28',
    ])
    const opened = await call<ReferralDetail>(host, 'referrals:get', { id: dueToday.id })
    expect(opened.followUpState).toBe('overdue')
  })

  it('shows a follow-up date already past when the referral is made as overdue at once', async () => {
    const clock = movableClock()
    const host = await staffedHostAt(clock.now, 'bilal')
    const made = await createCase(host)
    const late = await referralDue(host, made.id, '2026-02-01', 'Late Org')
    expect(late.followUpState).toBe('overdue')
    expect(keys((await summary(host)).overdueFollowUps.items)).toEqual([`referral:${late.id}`])
  })

  it('lists the most overdue first, referrals and plans together', async () => {
    const clock = movableClock()
    const host = await staffedHostAt(clock.now, 'bilal')
    const made = await createCase(host)
    const a = await referralDue(host, made.id, '2026-03-10', 'A')
    const b = await planDue(host, made.id, '2026-03-02')
    const c = await referralDue(host, made.id, '2026-03-05', 'C')
    const d = await planDue(host, made.id, '2026-03-19')
    const expected = [`supportPlan:${b.id}`, `referral:${c.id}`, `referral:${a.id}`, `supportPlan:${d.id}`]
    expect(keys(await followUps(host, 'overdue'))).toEqual(expected)
    expect(keys((await summary(host)).overdueFollowUps.items)).toEqual(expected)
    expect((await dueList(host, 'overdue')).items.map((r) => r.id)).toEqual([c.id, a.id])
  })
})

describe('every item once, counts equal rows, for each role', () => {
  it('lists a referral and a plan of the same case each once; the totals match the rows', async () => {
    const { host } = await staffedHost('bilal')
    const mine = await createCase(host)
    const other = await createCase(host)
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(mine.id),
      followUpDate: daysFromToday(-40),
    })
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId: mine.id,
      referralId: referral.id,
      type: 'Legal',
      objectives: 'Representation',
      startDate: '2026-03-01',
      followUpDate: referral.followUpDate,
    })
    const incoming = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(mine.id),
      direction: 'incoming',
      organisationName: 'Inbound Org',
      followUpDate: referral.followUpDate,
    })
    expect(incoming.status).toBe('received')
    // chen's case, with a follow-up of its own.
    await signInAs(host, 'dana')
    const users = await call<{ id: number; displayName: string }[]>(host, 'users:assignable')
    const chen = users.find((user) => user.displayName === 'Chen Wei')!
    const current = await call<{ version: number }>(host, 'cases:get', { id: other.id })
    await call(host, 'cases:update', {
      ...survivorCase(),
      id: other.id,
      version: current.version,
      assignedUserId: chen.id,
    })
    const chens = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(other.id),
      followUpDate: referral.followUpDate,
    })

    const expectations: Record<string, string[]> = {
      bilal: [`referral:${referral.id}`, `referral:${incoming.id}`, `supportPlan:${plan.id}`],
      chen: [`referral:${chens.id}`],
      dana: [
        `referral:${referral.id}`,
        `referral:${incoming.id}`,
        `referral:${chens.id}`,
        `supportPlan:${plan.id}`,
      ],
      amara: [
        `referral:${referral.id}`,
        `referral:${incoming.id}`,
        `referral:${chens.id}`,
        `supportPlan:${plan.id}`,
      ],
    }
    for (const [who, expected] of Object.entries(expectations)) {
      await signInAs(host, who)
      const rows = keys(await followUps(host, 'overdue'))
      expect([...rows].sort(), who).toEqual([...expected].sort())
      expect(new Set(rows).size, who).toBe(rows.length)
      const card = (await summary(host)).overdueFollowUps
      expect(card.total, who).toBe(rows.length)
      expect(keys(card.items), who).toEqual(rows.slice(0, card.items.length))
      const referralsOnly = rows.filter((row) => row.startsWith('referral:')).length
      expect((await dueList(host, 'overdue')).total, who).toBe(referralsOnly)
    }
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'referrals:followUps', { window: 'overdue' })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'dashboard:summary')).toBe('FORBIDDEN')
    expect(await errorCode(host, 'referrals:list', { due: 'overdue' })).toBe('FORBIDDEN')
  })
})

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
