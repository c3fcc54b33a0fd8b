// Dates and time zones: checks the code holds up to, kept as regression tests. Real encrypted
// vaults (TEST_KDF) behind the real API host, with the vault's clock set by the test and the
// machine's zone through process.env.TZ; the renderer's date helpers run in Node (format.ts
// through a server-rendered component, so useI18n has its setup context).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createApiHost } from '../../main/api/host'
import {
  ADMIN,
  call,
  createdVault,
  errorCode,
  folderFileAccess,
  tempDir,
  TEST_KDF,
} from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { importer, json } from './support/import-fixtures'
import type {
  CaseDetail,
  CasePage,
  DashboardSummary,
  ReferralDetail,
  SupportPlan,
  AssessmentPage,
} from '../../main/api/contract'
import { latestIntakeDate } from '../../main/api/contract'
import { backupFileName } from '../../main/core/backup/backup-format'
import { autoBackupFileName } from '../../main/core/backup/auto-backup'
import { addDays, localIsoDate } from '../../main/core/referrals/local-date'
import { readDeidentifiedCases } from '../../main/core/export/deidentified-source'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput, listCasesInput } from '../../main/api/contract'
import { isoFromLocalDate, localDateFromIso, todayIso } from '../../renderer/src/forms/htcds/fields'
import { todayIso as referralTodayIso } from '../../renderer/src/components/referrals/referral-labels'
import { localToday } from '../../renderer/src/components/screening/screening-form'
import { intakeDateSchema } from '../../renderer/src/forms/htcds/case-form-schemas'
import { readScope } from '../../renderer/src/components/export/export-scope'
import { useFormat } from '../../renderer/src/i18n/format'
import { createAppI18n } from '../../renderer/src/i18n'

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
    await call(host, 'referrals:recordConsent', { ...consent, givenOn: '2027-01-01' })
    expect(
      await errorCode(host, 'referrals:withdrawConsent', {
        referralId: referral.id,
        withdrawnOn: '2027-01-02',
      }),
    ).toBe('VALIDATION')
    await call(host, 'referrals:withdrawConsent', { referralId: referral.id, withdrawnOn: '2027-01-01' })
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

describe('age at intake on the birthday', () => {
  it('is 18 on the 18th birthday (also 29 February in a leap year) and 17 the day before', async () => {
    const { vault } = await createdVault()
    const cases = caseServicesFor(vault.session()!).cases
    const bornOn = (birthdate: string, intakeDate: string) => {
      const input = survivorCase({ intakeDate, events: [] })
      return cases.create(
        createCaseInput.parse({ ...input, survivor: { ...input.survivor, prs_Birthdate: birthdate } }),
      )
    }
    const birthday = bornOn('2008-03-14', '2026-03-14')
    const dayBefore = bornOn('2008-03-14', '2026-03-13')
    const leapBirthday = bornOn('2004-02-29', '2022-03-01')
    const leapDay = bornOn('2004-02-29', '2024-02-29') // 20 on her fifth 29 February
    const band = (ageBand: string) =>
      cases
        .list(listCasesInput.parse({ ageBand: [ageBand] }))
        .rows.map((row) => row.id)
        .sort()
    expect(band('18-25')).toEqual([birthday.id, leapBirthday.id, leapDay.id].sort())
    expect(band('12-17')).toEqual([dayBefore.id])
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

describe('the year of a de-identified case', () => {
  it.each([['Pacific/Kiritimati'], ['America/Los_Angeles'], ['Asia/Kathmandu']])(
    'in %s: intakes on 1 January and 31 December are that year, and a whole-year scope keeps both',
    async (tz) => {
      process.env.TZ = tz
      const { vault } = await createdVault()
      const session = vault.session()!
      const cases = caseServicesFor(session).cases
      for (const intakeDate of ['2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01'])
        cases.create(createCaseInput.parse(survivorCase({ intakeDate, events: [] })))
      const years = readDeidentifiedCases(session.db, readScopeOf('2025', '2025'))
        .map((one) => one.year)
        .sort()
      expect(years).toEqual([2025, 2025])
    },
  )
})

function readScopeOf(fromYear: string, toYear: string) {
  const reading = readScope(true, { fromYear, toYear, fromDate: undefined, toDate: undefined })
  if (!reading.ok) throw new Error('scope refused')
  expect(reading.scope).toEqual({ intakeFrom: `${fromYear}-01-01`, intakeTo: `${toYear}-12-31` })
  return reading.scope
}

describe('backup names carry the local day and time', () => {
  it.each([
    ['Pacific/Kiritimati', '2026-12-31T10:30:00Z', '2027-01-01-0030'],
    ['Pacific/Pago_Pago', '2027-01-01T10:30:00Z', '2026-12-31-2330'],
    ['Asia/Kathmandu', '2026-06-30T18:30:00Z', '2026-07-01-0015'],
    ['Asia/Tehran', '2026-03-20T20:45:00Z', '2026-03-21-0015'],
    ['America/New_York', '2026-03-08T07:30:00Z', '2026-03-08-0330'], // just after clocks went forward
    ['Pacific/Apia', '2024-02-29T10:30:00Z', '2024-02-29-2330'],
  ])('in %s at %s: …-%s.cvbackup', (tz, instant, stamp) => {
    process.env.TZ = tz
    const at = new Date(instant)
    expect(backupFileName(ADMIN.organisation, at)).toBe(`CaseVault-Safe-Harbour-Shelter-${stamp}.cvbackup`)
    expect(autoBackupFileName(ADMIN.organisation, at)).toBe(
      `CaseVault-Safe-Harbour-Shelter-auto-${stamp}00.cvbackup`,
    )
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

describe('an imported comment with a time and no offset', () => {
  it('is read as local time: its day on the timeline is the file’s', async () => {
    process.env.TZ = 'America/Los_Angeles'
    const { vault } = await createdVault()
    const session = vault.session()!
    const { report } = await importer(session)(
      json({
        standard: 'HTCDS',
        cases: [
          {
            caseNumber: 'J-1',
            intakeDate: '2025-06-01',
            survivor: { prs_FirstName: 'Awa' },
            comments: [{ body: 'Called back', createdAt: '2025-06-01T20:15' }],
          },
        ],
      }),
      { format: 'htcds-json', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 1 })
    const stored = session.db.prepare('SELECT created_at FROM case_comments').pluck().get() as string
    expect(stored).toBe('2025-06-02T03:15:00.000Z')
    expect(localIsoDate(new Date(stored))).toBe('2025-06-01')
  })
})

describe('the renderer’s date helpers', () => {
  /** Runs `use` inside a component's setup (useI18n needs one), rendered on the server side. */
  async function withFormat<T>(use: (format: ReturnType<typeof useFormat>) => T): Promise<T> {
    let result: T | undefined
    const app = createSSRApp(
      defineComponent({
        setup() {
          result = use(useFormat())
          return () => h('div')
        },
      }),
    )
    app.use(createAppI18n())
    await renderToString(app)
    return result as T
  }

  it.each([['Pacific/Kiritimati'], ['Pacific/Pago_Pago'], ['America/Los_Angeles'], ['Asia/Kathmandu']])(
    'in %s a calendar date is shown on its own day (29 February, 1 January, 31 December)',
    async (tz) => {
      process.env.TZ = tz
      const shown = await withFormat((format) =>
        ['2024-02-29', '2026-01-01', '2026-12-31', '2026-02-30'].map((iso) => format.calendarDate(iso)),
      )
      expect(shown).toEqual(['Feb 29, 2024', 'Jan 1, 2026', 'Dec 31, 2026', '2026-02-30'])
    },
  )

  it('shows a timestamp on its local day (dayOf) in Kiritimati and Los Angeles', async () => {
    process.env.TZ = 'Pacific/Kiritimati'
    expect(await withFormat((format) => format.dayOf('2026-12-31T10:30:00.000Z'))).toBe('Jan 1, 2027')
    process.env.TZ = 'America/Los_Angeles'
    expect(await withFormat((format) => format.dayOf('2027-01-01T03:00:00.000Z'))).toBe('Dec 31, 2026')
  })

  it.each([
    ['Pacific/Kiritimati', '2026-12-31T10:30:00Z', '2027-01-01'],
    ['Pacific/Pago_Pago', '2027-01-01T10:30:00Z', '2026-12-31'],
    ['Asia/Kathmandu', '2028-02-28T18:30:00Z', '2028-02-29'],
    ['America/Los_Angeles', '2026-11-01T08:30:00Z', '2026-11-01'], // 01:30 PST, after clocks went back
  ])('in %s at %s the forms’ "today" is the local %s, and the intake form takes it', (tz, instant, day) => {
    process.env.TZ = tz
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(instant) })
    expect([todayIso(), referralTodayIso(), localToday()]).toEqual([day, day, day])
    expect(intakeDateSchema.safeParse(day).success).toBe(true)
    expect(intakeDateSchema.safeParse(addDays(latestIntakeDate(new Date()), 1)).success).toBe(false)
  })

  it.each([
    ['America/Santiago'],
    ['America/Asuncion'],
    ['Asia/Beirut'],
    ['America/Havana'],
    ['America/Sao_Paulo'],
  ])(
    'in %s (summer time starts or ends at midnight) every day of 2016–2018 goes to the calendar and back unchanged',
    (tz) => {
      process.env.TZ = tz
      for (let day = '2016-01-01'; day <= '2018-12-31'; day = addDays(day, 1)) {
        const date = localDateFromIso(day)
        expect(date && isoFromLocalDate(date), day).toBe(day)
      }
    },
  )
})
