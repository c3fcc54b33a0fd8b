// Date and time-zone defects found by a reviewing helper (session 19); each test failed before its
// fix: export and directory file names in UTC days, an import's "today" one day ahead west of UTC,
// unchanged imported dates refusing every later edit, date-only comments read as UTC midnight. Real encrypted vaults (TEST_KDF), real code paths; the
// machine's zone is set per test through process.env.TZ (Node honours it at runtime).
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, createdVault } from './support/temp-vault'
import { csv, importer, json } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { updateCaseInput } from '../../main/api/contract'
import { exportFileName } from '../../main/core/export/export-request'
import { hsdsExportFileName } from '../../main/core/directory/hsds-export'
import { backupFileName } from '../../main/core/backup/backup-format'
import { createReferralService } from '../../main/core/referrals/referral-service'
import { createSupportPlanService } from '../../main/core/support-plans/support-plan-service'
import { updateReferralInput, updateSupportPlanInput } from '../../main/api/contract/referrals'
import type { VaultSession } from '../../main/core/vault/vault-session'

const zone = process.env.TZ
afterEach(() => {
  if (zone === undefined) delete process.env.TZ
  else process.env.TZ = zone
})

/** The calendar day of an instant where this computer is. */
function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

describe('file names carry the day it is where the shelter is', () => {
  // What a user does: a shelter in Kiribati (UTC+14) makes its yearly report on the morning of
  // 1 January 2027 (09:00 local) and, a minute later, a backup. What happens: the backup is named
  // CaseVault-…-2027-01-01-0900.cvbackup (local day), but the export the save dialog proposes is
  // CaseVault-…-htcds-json-2026-12-31.json: yesterday, the last year's date, on a file made this
  // year. West of Greenwich it is the other way: in Los Angeles at 19:00 on 10 March the export is
  // dated 11 March, tomorrow. What should happen: the export (and the directory export) named with
  // the same local day as the backup and everything else the UI shows ("today" on the dashboard).
  // Cause: main/core/export/export-request.ts:39 and main/core/directory/hsds-export.ts:18 take
  // `at.toISOString().slice(0, 10)` (the UTC day); backup-format.ts:56 uses the local fields.
  // Fix: build the day from getFullYear/getMonth/getDate (localIsoDate in referrals/local-date.ts).
  it.each([
    ['Pacific/Kiritimati', '2026-12-31T19:00:00Z', '2027-01-01'], // 09:00 on 1 January 2027 there
    ['America/Los_Angeles', '2026-03-11T02:00:00Z', '2026-03-10'], // 19:00 on 10 March there
    ['Asia/Kathmandu', '2026-06-30T18:30:00Z', '2026-07-01'], // 00:15 on 1 July there (UTC+5:45)
  ])('in %s at %s an export is named with the local day %s, as the backup made then', (tz, instant, day) => {
    process.env.TZ = tz
    const at = new Date(instant)
    expect(localDay(at)).toBe(day) // the zone is really in force
    expect(backupFileName(ADMIN.organisation, at)).toContain(`-${day}-`)
    expect(exportFileName(ADMIN.organisation, 'htcds-json', at, false)).toContain(`-${day}.`)
    expect(exportFileName(ADMIN.organisation, 'deidentified-csv', at, true)).toContain(`-${day}.`)
    expect(hsdsExportFileName(ADMIN.organisation, 'hsds-json', at)).toContain(`-${day}.`)
  })
})

describe('a case the import accepted can be saved again', () => {
  // What a user does: in Guatemala (UTC-6) at 14:00 on 1 March a shelter imports the file a
  // partner in Sydney wrote this morning, where it is already 2 March: a case with intake date
  // 2 March. The import accepts it (its rule: "today anywhere on Earth", dates.ts:40). The
  // caseworker then corrects the survivor's surname. What happens: the save is refused with
  // VALIDATION "intakeDate: date_in_future" on a date nobody touched, and every other edit of the
  // case is refused too until the next day. What should happen: an intake date as stored is not
  // judged again (as case-facts.ts already does for the birthdate and event dates: "a value as
  // stored is not judged again, so a case imported with one can still be kept current"); a changed
  // one is. Cause: main/core/cases/case-prepare.ts:86 calls assertCaseDates with the local
  // latestIntakeDate on every update, with no regard for `stored.intakeDate`.
  it('an unchanged intake date that is already today east of here does not block an edit', async () => {
    process.env.TZ = 'America/Guatemala'
    const moment = new Date('2026-03-01T20:00:00Z') // 14:00 on 1 March here; 07:00 on 2 March in Sydney
    const { vault } = await createdVault({ clock: () => moment })
    const session = vault.session()!
    const { report } = await importer(session)(
      json({
        standard: 'HTCDS',
        cases: [{ caseNumber: 'SYD-1', intakeDate: '2026-03-02', survivor: { prs_FirstName: 'Awa' } }],
      }),
      { format: 'htcds-json', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    const { id, version } = session.db.prepare('SELECT id, version FROM cases').get() as {
      id: number
      version: number
    }
    const cases = caseServicesFor(session).cases
    const edit = updateCaseInput.parse({
      id,
      version,
      intakeDate: '2026-03-02',
      survivor: { prs_FirstName: 'Awa', prs_SecondName: 'Diallo' },
    })
    let outcome: unknown = 'saved'
    try {
      cases.update(edit)
    } catch (error) {
      outcome = { code: (error as { code?: string }).code, details: (error as { details?: unknown }).details }
    }
    expect(outcome).toBe('saved')
  })
})

/** 14:00 on 1 March in Guatemala (UTC-6), 07:00 on 2 March in Sydney: a vault here, at that moment. */
async function guatemalaVaultWithImport(caseFields: Record<string, unknown>): Promise<VaultSession> {
  process.env.TZ = 'America/Guatemala'
  const moment = new Date('2026-03-01T20:00:00Z')
  const { vault } = await createdVault({ clock: () => moment })
  const session = vault.session()!
  const { report } = await importer(session)(
    json({
      standard: 'HTCDS',
      cases: [
        { caseNumber: 'SYD-1', intakeDate: '2026-02-20', survivor: { prs_FirstName: 'Awa' }, ...caseFields },
      ],
    }),
    { format: 'htcds-json', dryRun: false },
  )
  expect(report).toMatchObject({ imported: 1, rejected: 0 })
  return session
}

function outcomeOf(save: () => unknown): unknown {
  try {
    save()
    return 'saved'
  } catch (error) {
    return { code: (error as { code?: string }).code, details: (error as { details?: unknown }).details }
  }
}

describe('casework the import accepted can be saved again', () => {
  // What a user does: as above (Guatemala, 14:00 on 1 March), the partner's file from Sydney holds
  // a draft referral dated 2 March (accepted: casework-check.ts checks "today anywhere on Earth").
  // The caseworker opens the draft and adds the counterpart's name. What happens: VALIDATION
  // "referralDate: date_in_future" on the date nobody changed; the draft cannot be edited the whole
  // afternoon. What should happen: an unchanged referral date is not judged again (a changed one
  // is). Cause: main/core/referrals/referral-service.ts:72 (contentRow → assertDayInRange against
  // the local latestDay on every update).
  it('an imported draft referral dated today east of here can be edited', async () => {
    const session = await guatemalaVaultWithImport({
      referrals: [
        {
          key: 'R1',
          direction: 'outgoing',
          status: 'draft',
          urgency: 'routine',
          referralDate: '2026-03-02',
          organisation: 'Legal Aid Centre',
          history: [{ from: null, to: 'draft', changedOn: '2026-03-02' }],
        },
      ],
    })
    const referrals = createReferralService(session, caseServicesFor(session).cases.assertVisible)
    const row = session.db.prepare('SELECT id, version FROM referrals').get() as {
      id: number
      version: number
    }
    const stored = referrals.get(row.id)
    expect(stored.referralDate).toBe('2026-03-02')
    const edit = updateReferralInput.parse({
      id: row.id,
      version: row.version,
      organisationName: 'Legal Aid Centre',
      counterpartCaseworker: 'Ms Reyes',
      urgency: 'routine',
      referralDate: '2026-03-02',
    })
    expect(outcomeOf(() => referrals.update(edit))).toBe('saved')
  })

  // Same afternoon, same file: a support plan completed on 2 March (Sydney's today). The
  // caseworker adds the plan's outcome. What happens: VALIDATION "actualEndDate: date_in_future"
  // on the unchanged end date. Should: saved. Cause: main/core/support-plans/
  // support-plan-service.ts:123 judges the actual end again on every update, stored or not.
  it('an imported completed plan that ended today east of here can be edited', async () => {
    const session = await guatemalaVaultWithImport({
      supportPlans: [
        {
          status: 'completed',
          startDate: '2026-02-25',
          htcds: { spl_Type: 'Legal', spl_Objectives: 'Residence permit', spl_ActualEndDate: '2026-03-02' },
        },
      ],
    })
    const plans = createSupportPlanService(session, caseServicesFor(session).cases.assertVisible)
    const caseId = (session.db.prepare('SELECT id FROM cases').get() as { id: number }).id
    const [plan] = plans.list(caseId)
    expect(plan).toMatchObject({ status: 'completed', actualEndDate: '2026-03-02' })
    const edit = updateSupportPlanInput.parse({
      id: plan!.id,
      version: plan!.version,
      referralId: null,
      type: plan!.type,
      objectives: plan!.objectives,
      startDate: plan!.startDate,
      status: 'completed',
      actualEndDate: '2026-03-02',
      outcome: 'Permit granted',
    })
    expect(outcomeOf(() => plans.update(edit))).toBe('saved')
  })
})

describe('an imported comment keeps its day', () => {
  // What a user does: a shelter in Los Angeles imports its old case notes; the file dates each
  // note by day only ("2025-06-01", which the import accepts, import-comment-dates.test.ts). What
  // happens: the note is stored at midnight UTC and the case's timeline (CaseCommentsTab.vue:
  // dateTime(comment.createdAt), local time) shows "May 31, 2025, 5:00 PM": the day before the
  // file's, with an hour nobody wrote. (A date with a time and no offset, "2025-06-01T09:00", is
  // read as local time by the same code: the two forms of one file disagree by a day.) What should
  // happen: a day-only date is that day here (local midnight, as the forms' date fields read a
  // yyyy-mm-dd: fields.ts localDateFromIso), so the timeline shows 1 June. In a UTC zone nothing
  // changes (import-comment-dates.test.ts still holds). Cause: commentTime() in
  // main/core/import/draft-checks.ts (~line 59; case-candidate.ts before a refactor) returns
  // `Date.parse(text)`, which reads a date-only ISO string as UTC midnight (but a date-time without
  // offset as local time); checkComments then stores new Date(at).toISOString().
  it('a note dated "2025-06-01" in the file shows on 1 June west of Greenwich', async () => {
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
            comments: [{ body: 'Called back', createdAt: '2025-06-01' }],
          },
        ],
      }),
      { format: 'htcds-json', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 1 })
    const stored = session.db.prepare('SELECT created_at FROM case_comments').pluck().get() as string
    expect(localDay(new Date(stored))).toBe('2025-06-01')
  })
})

describe('an import without an intake date column dates its cases today, here', () => {
  // What a user does: a shelter in Los Angeles imports a CSV that has no intake date column at
  // 18:00 on 10 March. The import says "No intake date column: imported cases get today's date
  // (…) as intake date". What happens: the date it gives is 11 March, tomorrow (the UTC day), and
  // every imported case is stored with that intake date. On 31 December after 16:00 the cases get
  // next year's date and next year's case numbers. The new-case form, the dashboard's "today" and
  // the follow-ups all say 10 March. What should happen: today as the shelter lives it (the local
  // day, as todayIso() in renderer/src/forms/htcds/fields.ts and localIsoDate in main). Cause:
  // main/core/import/import-service.ts:127 takes `today = latestIntakeDate(clock)`, the LATEST day
  // an intake may be on (local or UTC, whichever is later), and draft-source.ts:115-119 uses it as
  // the fallback intake date. Fix: localIsoDate(session.clock()) for the fallback.
  it('at 18:00 on 10 March in Los Angeles the cases get 10 March, not 11 March', async () => {
    process.env.TZ = 'America/Los_Angeles'
    const moment = new Date('2026-03-11T01:00:00Z') // 18:00 on 10 March (PDT) here
    expect(localDay(moment)).toBe('2026-03-10')
    const { vault } = await createdVault({ clock: () => moment })
    const session = vault.session()!
    const file = csv([
      ['caseNumber', 'prs_FirstName', 'prs_Gender'],
      ['LA-1', 'Awa', 'Feminine'],
    ])
    const { report } = await importer(session)(file, { format: 'htcds-csv', dryRun: false })
    expect(report).toMatchObject({ imported: 1 })
    expect(report.notes.map((note) => note.code)).toContain('noIntakeDateColumn')
    const intake = session.db.prepare('SELECT intake_date FROM cases').pluck().get()
    expect(intake).toBe('2026-03-10')
  })
})
