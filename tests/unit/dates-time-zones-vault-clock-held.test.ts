// Dates and time zones: checks the code holds up to, kept as regression tests (on a vault whose
// clock the test sets: steps, consents, plan ends, the dashboard, list filters and the backup warning
// go by the local day). Real encrypted vaults (TEST_KDF) behind the real API host, with the vault's
// clock set by the test and the machine's zone through process.env.TZ.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApiHost } from '../../main/api/host'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, TEST_KDF } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type {
  CaseDetail,
  CasePage,
  DashboardSummary,
  ReferralDetail,
  SupportPlan,
  AssessmentPage,
} from '../../main/api/contract'
import { localIsoDate } from '../../main/core/referrals/local-date'

const zone = process.env.TZ
afterEach(() => {
  vi.useRealTimers()
  if (zone === undefined) delete process.env.TZ
  else process.env.TZ = zone
})

type Host = ReturnType<typeof createApiHost>

/** A vault whose clock the test sets (`clock.now`), the admin signed in. */
async function clockedHost(start: string) {
  const clock = { now: new Date(start) }
  const host = createApiHost({
    dataDir: tempDir(),
    kdf: TEST_KDF,
    allowKdfBelowFloor: true,
    files: folderFileAccess().files,
    exportWorker: null,
    clock: () => clock.now,
  })
  await call(host, 'vault:create', ADMIN)
  return { host, clock }
}

const incoming = (caseId: number, referralDate: string, followUpDate: string | null = null) => ({
  direction: 'incoming',
  caseId,
  organisationName: 'Harbour Legal Aid',
  urgency: 'routine',
  referralDate,
  followUpDate,
})

async function caseOn(host: Host, intakeDate: string): Promise<CaseDetail> {
  return call<CaseDetail>(host, 'cases:create', survivorCase({ intakeDate }))
}

const summary = (host: Host) => call<DashboardSummary>(host, 'dashboard:summary')
const ids = (list: DashboardSummary['overdueFollowUps']) =>
  list.items.map((item) => `${item.kind}:${item.id}`)

describe('steps, consents and plan ends on the first hour of a year east of UTC (Kiritimati, UTC+14)', () => {
  // 00:30 on 1 January 2027 there; 10:30 on 31 December 2026 in UTC.
  it('takes the local today and refuses tomorrow', async () => {
    process.env.TZ = 'Pacific/Kiritimati'
    const { host } = await clockedHost('2026-12-31T10:30:00Z')
    expect(localIsoDate(new Date('2026-12-31T10:30:00Z'))).toBe('2027-01-01')
    const made = await caseOn(host, '2027-01-01')
    expect(made.caseNumber).toMatch(/-2027-00001$/)
    const referral = await call<ReferralDetail>(host, 'referrals:create', incoming(made.id, '2027-01-01'))
    const step = (on: string, version: number) =>
      host.dispatch('referrals:transition', { id: referral.id, version, to: 'accepted', on })
    const tomorrow = await step('2027-01-02', referral.version)
    expect(tomorrow.ok ? 'saved' : tomorrow.error.code).toBe('VALIDATION')
    const accepted = await call<ReferralDetail>(host, 'referrals:transition', {
      id: referral.id,
      version: referral.version,
      to: 'accepted',
      on: '2027-01-01',
    })
    expect(accepted.history.at(-1)).toMatchObject({ toStatus: 'accepted', changedOn: '2027-01-01' })
    const consent = {
      referralId: referral.id,
      givenBy: 'survivor',
      purpose: 'Legal advice',
      categories: ['identity'],
    }
    expect(await errorCode(host, 'referrals:recordConsent', { ...consent, givenOn: '2027-01-02' })).toBe(
      'VALIDATION',
    )
    const consented = await call<ReferralDetail>(host, 'referrals:recordConsent', {
      ...consent,
      givenOn: '2027-01-01',
    })
    const consentId = consented.consentInForce!.id
    expect(
      await errorCode(host, 'referrals:withdrawConsent', {
        referralId: referral.id,
        consentId,
        withdrawnOn: '2027-01-02',
      }),
    ).toBe('VALIDATION')
    await call(host, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId,
      withdrawnOn: '2027-01-01',
    })
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId: made.id,
      type: 'Legal',
      objectives: 'Residence permit',
      startDate: '2026-12-30',
    })
    const ended = (actualEndDate: string) => ({
      id: plan.id,
      version: plan.version,
      referralId: null,
      type: 'Legal',
      objectives: 'Residence permit',
      startDate: '2026-12-30',
      status: 'completed',
      actualEndDate,
    })
    expect(await errorCode(host, 'referrals:updateSupportPlan', ended('2027-01-02'))).toBe('VALIDATION')
    expect(await call<SupportPlan>(host, 'referrals:updateSupportPlan', ended('2027-01-01'))).toMatchObject({
      status: 'completed',
      actualEndDate: '2027-01-01',
    })
  })
})

describe('a step on the last evening of a year west of UTC (Pago Pago, UTC-11)', () => {
  // 23:30 on 31 December 2026 there; 10:30 on 1 January 2027 in UTC.
  it('takes the local today, and refuses the day after the UTC day', async () => {
    process.env.TZ = 'Pacific/Pago_Pago'
    const { host } = await clockedHost('2027-01-01T10:30:00Z')
    const made = await caseOn(host, '2026-12-31')
    expect(made.caseNumber).toMatch(/-2026-00001$/)
    const referral = await call<ReferralDetail>(host, 'referrals:create', incoming(made.id, '2026-12-31'))
    const transition = (on: string) =>
      errorCode(host, 'referrals:transition', {
        id: referral.id,
        version: referral.version,
        to: 'accepted',
        on,
      })
    expect(await transition('2027-01-02')).toBe('VALIDATION')
    expect(await transition('2026-12-31')).toBe('OK')
  })
})

describe('the dashboard at the turn of a year, where the local day is not the UTC day', () => {
  it('Kiritimati, 00:30 on 1 January: yesterday’s follow-up is overdue, today’s is due, January’s screenings count', async () => {
    process.env.TZ = 'Pacific/Kiritimati'
    const { host } = await clockedHost('2026-12-31T10:30:00Z')
    const made = await caseOn(host, '2026-12-01')
    const yesterday = await call<ReferralDetail>(
      host,
      'referrals:create',
      incoming(made.id, '2026-12-02', '2026-12-31'),
    )
    const today = await call<ReferralDetail>(
      host,
      'referrals:create',
      incoming(made.id, '2026-12-02', '2027-01-01'),
    )
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId: made.id,
      type: 'Legal',
      objectives: 'Residence permit',
      startDate: '2026-12-02',
      followUpDate: '2027-01-08',
    })
    await walkInScreening(host, { assessedOn: '2027-01-01' })
    await walkInScreening(host, { assessedOn: '2026-12-31' })
    const view = await summary(host)
    expect(view.today).toBe('2027-01-01')
    expect(ids(view.overdueFollowUps)).toEqual([`referral:${yesterday.id}`])
    expect(ids(view.followUpsThisWeek)).toEqual([`referral:${today.id}`, `supportPlan:${plan.id}`])
    expect(view.followUpsThisWeek.items.map((item) => item.overdue)).toEqual([false, false])
    expect(view.screeningsThisMonth.total).toBe(1)
  })

  it('Pago Pago, 23:30 on 31 December: a follow-up due today is not overdue, tomorrow’s is this week', async () => {
    process.env.TZ = 'Pacific/Pago_Pago'
    const { host } = await clockedHost('2027-01-01T10:30:00Z')
    const made = await caseOn(host, '2026-12-01')
    const due = await call<ReferralDetail>(
      host,
      'referrals:create',
      incoming(made.id, '2026-12-02', '2026-12-31'),
    )
    const next = await call<ReferralDetail>(
      host,
      'referrals:create',
      incoming(made.id, '2026-12-02', '2027-01-01'),
    )
    await walkInScreening(host, { assessedOn: '2026-12-31' })
    const view = await summary(host)
    expect(view.today).toBe('2026-12-31')
    expect(view.overdueFollowUps.total).toBe(0)
    expect(ids(view.followUpsThisWeek)).toEqual([`referral:${due.id}`, `referral:${next.id}`])
    expect(view.screeningsThisMonth.total).toBe(1)
    const list = await call<{ items: { id: number; followUpState: string | null }[] }>(
      host,
      'referrals:list',
      {},
    )
    expect(list.items.find((item) => item.id === due.id)?.followUpState).toBe('dueThisWeek')
  })

  it('a follow-up due exactly 7 days ahead is this week, 8 days ahead is not; across the spring-forward night', async () => {
    process.env.TZ = 'America/New_York' // clocks go forward at 02:00 on 8 March 2026
    const { host } = await clockedHost('2026-03-07T05:30:00Z') // 00:30 on 7 March, local
    const made = await caseOn(host, '2026-03-01')
    const seventh = await call<ReferralDetail>(
      host,
      'referrals:create',
      incoming(made.id, '2026-03-02', '2026-03-14'),
    )
    await call<ReferralDetail>(host, 'referrals:create', incoming(made.id, '2026-03-02', '2026-03-15'))
    const view = await summary(host)
    expect(view.today).toBe('2026-03-07')
    expect(ids(view.followUpsThisWeek)).toEqual([`referral:${seventh.id}`])
  })
})

describe('list filters include their end date', () => {
  it('the case list’s "intake to" and the screening list’s "to" keep the cases and screenings of that day', async () => {
    process.env.TZ = 'America/Los_Angeles'
    const { host } = await clockedHost('2026-03-20T06:30:00Z') // 23:30 on 19 March, local
    const first = await caseOn(host, '2026-03-01')
    const last = await caseOn(host, '2026-03-19')
    await caseOn(host, '2026-02-28')
    const page = await call<CasePage>(host, 'cases:list', {
      intakeFrom: '2026-03-01',
      intakeTo: '2026-03-19',
    })
    expect(page.rows.map((row) => row.id).sort()).toEqual([first.id, last.id].sort())
    const lastScreening = await walkInScreening(host, { assessedOn: '2026-03-19' })
    await walkInScreening(host, { assessedOn: '2026-03-18' })
    const screenings = await call<AssessmentPage>(host, 'screening:listAssessments', {
      from: '2026-03-19',
      to: '2026-03-19',
    })
    expect(screenings.rows.map((item) => item.id)).toEqual([lastScreening.id])
  })
})

describe('the last-backup warning', () => {
  it('is off until more than N days have passed since the last backup, then on', async () => {
    process.env.TZ = 'America/New_York'
    const { host, clock } = await clockedHost('2026-03-05T12:00:00Z')
    await call(host, 'backup:updateSettings', { warnAfterDays: 3 })
    const status = () => call<{ overdue: boolean; warnAfterDays: number }>(host, 'backup:status')
    expect(await status()).toMatchObject({ overdue: true, warnAfterDays: 3 }) // never backed up
    const days = 3
    await call(host, 'backup:create', { passphrase: 'a long and unusual backup passphrase 7391' })
    expect((await status()).overdue).toBe(false)
    clock.now = new Date(Date.parse('2026-03-05T12:00:00Z') + days * 86_400_000) // exactly N days
    expect((await status()).overdue).toBe(false)
    clock.now = new Date(clock.now.getTime() + 60_000)
    expect((await status()).overdue).toBe(true)
  })
})
