import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { ANALYST, createCase, OTHER_CASEWORKER, signInAs, staffedHost } from './support/case-fixtures'
import { daysFromToday, outgoingReferral, survivorConsent, today } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { DashboardSummary, ReferralDetail } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

const summary = (host: Host) => call<DashboardSummary>(host, 'dashboard:summary')

async function referralDueIn(host: Host, caseId: number, days: number) {
  return call<ReferralDetail>(host, 'referrals:create', {
    ...outgoingReferral(caseId),
    followUpDate: daysFromToday(days),
  })
}

describe('dashboard', () => {
  it('shows my open cases, overdue and this week’s follow-ups, referrals awaiting an answer', async () => {
    const { host } = await staffedHost('bilal')
    const first = await createCase(host)
    await createCase(host)
    const overdue = await referralDueIn(host, first.id, -2)
    const soon = await referralDueIn(host, first.id, 3)
    await referralDueIn(host, first.id, 20)

    // A sent referral waits for the other organisation's answer.
    const sent = await call<ReferralDetail>(host, 'referrals:create', outgoingReferral(first.id))
    const consented = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(sent.id))
    await call(host, 'referrals:transition', {
      id: sent.id,
      version: consented.version,
      to: 'sent',
      on: today(),
    })

    const view = await summary(host)
    expect(view.today).toBe(today())
    expect(view.myOpenCases.total).toBe(2)
    expect(view.myOpenCases.items.map((item) => item.id)).toContain(first.id)
    expect(view.overdueFollowUps.items.map((item) => item.id)).toEqual([overdue.id])
    expect(view.overdueFollowUps.items[0]).toMatchObject({
      kind: 'referral',
      overdue: true,
      caseId: first.id,
    })
    expect(view.followUpsThisWeek.items.map((item) => item.id)).toEqual([soon.id])
    expect(view.awaitingAnswer.items.map((item) => item.id)).toEqual([sent.id])
    // Names never reach the dashboard: case numbers, dates and organisations only.
    expect(JSON.stringify(view)).not.toMatch(/Olena|Kovalenko/)
  })

  it('counts this month’s screenings by risk level, linked or not', async () => {
    const { host } = await staffedHost('bilal')
    await walkInScreening(host, { assessedOn: today() })
    await walkInScreening(host, { assessedOn: today(), nextStep: 'monitor' })
    await walkInScreening(host, { assessedOn: '2020-01-15' })
    const view = await summary(host)
    expect(view.screeningsThisMonth.total).toBe(2)
    expect(view.screeningsThisMonth.notLinked).toBe(2)
    expect(
      view.screeningsThisMonth.high + view.screeningsThisMonth.medium + view.screeningsThisMonth.low,
    ).toBe(2)
  })

  it('shows a caseworker nothing of a colleague’s cases; supervisors see every reminder', async () => {
    const { host } = await staffedHost('bilal')
    const own = await createCase(host)
    await referralDueIn(host, own.id, -1)
    await walkInScreening(host, { assessedOn: today() })

    await signInAs(host, OTHER_CASEWORKER.username)
    const other = await summary(host)
    expect(other.myOpenCases.total).toBe(0)
    expect(other.overdueFollowUps.total).toBe(0)
    expect(other.screeningsThisMonth.total).toBe(0)

    await signInAs(host, 'dana')
    const supervisor = await summary(host)
    expect(supervisor.myOpenCases.total).toBe(0) // none assigned to dana herself
    expect(supervisor.overdueFollowUps.total).toBe(1)
    expect(supervisor.screeningsThisMonth.total).toBe(1)
  })

  it('is not for analysts, and refuses input', async () => {
    const { host } = await staffedHost(ANALYST.username)
    expect(await errorCode(host, 'dashboard:summary')).toBe('FORBIDDEN')
    await signInAs(host, 'bilal')
    expect(await errorCode(host, 'dashboard:summary', { userId: 1 })).toBe('VALIDATION')
  })

  it('leaves closed cases and finished referrals off', async () => {
    const { host } = await staffedHost('bilal')
    const done = await createCase(host)
    const referral = await referralDueIn(host, done.id, -3)
    await call(host, 'cases:close', {
      id: done.id,
      version: done.version,
      status: 'ClosedReferred',
      reason: 'Moved abroad; referred on.',
    })
    const declined = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    const sent = await call<ReferralDetail>(host, 'referrals:transition', {
      id: referral.id,
      version: declined.version,
      to: 'sent',
      on: today(),
    })
    await call(host, 'referrals:transition', {
      id: referral.id,
      version: sent.version,
      to: 'declined',
      on: today(),
    })
    const view = await summary(host)
    expect(view.myOpenCases.total).toBe(0)
    expect(view.overdueFollowUps.total).toBe(0)
  })
})
