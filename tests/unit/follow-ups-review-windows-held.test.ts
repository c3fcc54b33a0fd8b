// Follow-ups, reminders and due dates: checks a reviewing helper tried that the code passes (which window each follow-up is in, for each role).
// Kept as regression tests. Real encrypted vaults (TEST_KDF), real API calls; where the day matters
// the vault runs on a fixed clock.
import { describe, expect, it } from 'vitest'
import { createApiHost } from '../../main/api/host'
import { ADMIN, call, errorCode, TEST_KDF, tempDir } from './support/temp-vault'
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
import {
  daysFromToday,
  dueList,
  followUps,
  keys,
  outgoingReferral,
  planDue,
  referralDue,
  summary,
} from './support/referral-fixtures'
import { addDays } from '../../main/core/referrals/local-date'
import type { ReferralDetail, SupportPlan } from '../../main/api/contract'

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
    // Due on the referral's own date (1 March), past by now. (A follow-up before the referral date,
    // 1 February here before session 21, is refused: referral-date-rules.ts assertFollowUpDate.)
    const late = await referralDue(host, made.id, '2026-03-01', 'Late Org')
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
