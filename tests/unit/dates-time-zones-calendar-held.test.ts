// Dates and time zones: checks the code holds up to, kept as regression tests (calendar dates across
// zones: age at intake, the year of a de-identified case, backup names, imported times, the
// renderer's date helpers). Real encrypted vaults (TEST_KDF), the machine's zone through
// process.env.TZ; the renderer's date helpers run in Node (format.ts through a server-rendered
// component, so useI18n has its setup context).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { ADMIN, createdVault } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { importer, json } from './support/import-fixtures'
import { backupFileName } from '../../main/core/backup/backup-format'
import { autoBackupFileName, vaultTag } from '../../main/core/backup/auto-backup'
import { addDays, localIsoDate } from '../../main/core/referrals/local-date'
import { readDeidentifiedCases } from '../../main/core/export/deidentified-source'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput, latestIntakeDate, listCasesInput } from '../../main/api/contract'
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
    const owner = { organisation: ADMIN.organisation, vaultId: '5b0c9d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' }
    expect(autoBackupFileName(owner, at)).toBe(
      `CaseVault-Safe-Harbour-Shelter-auto-${vaultTag(owner.vaultId)}-${stamp}00.cvbackup`,
    )
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
