// Defects found by a reviewing helper in the cases core (continued from cases-review.test.ts):
// languages the standard allows but the forms refused, impossible values accepted, and an update
// that silently deleted what it left out. Each test failed before its fix (resources/htcds's
// ISO 639-2 list; case-facts.ts; updateCaseInput's optional parts).
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import type { CaseDetail } from '../../main/api/contract'
import { adminSession, importer, json } from './support/import-fixtures'
import { createCaseService } from '../../main/core/cases/case-service'
import { outcome } from './support/result-code'

describe('impossible values', () => {
  // WHAT GOES WRONG: a survivor born in 2010 (16 at intake in 2026) is saved with
  // vic_AgeWhenTrafficked 41 — a typo for 14. Nothing compares the two, though the case knows the
  // birthdate and the intake date. The de-identified export turns it into "Adult" at exploitation
  // (main/core/export/deidentified-source.ts:94-95).
  // WHO IS HURT: a child victim counted and reported (CTDC, donors, the authorities) as an adult —
  // in many jurisdictions a minor need not prove force, fraud or coercion, so the child's
  // legal status and protection depend on this number.
  // CAUSE: main/core/cases/case-prepare.ts:15-28 (assertCaseDates checks only the intake date and
  // the birthdate) — no cross-field check; htcds.ts:98-107 checks the number's range alone.
  // FIX: in assertCaseDates, refuse vic_AgeWhenTrafficked greater than ageOn(birthdate, intake date)
  // with an issue at 'victim.vic_AgeWhenTrafficked' (code 'older_than_survivor').
  it('refuses an age when trafficked greater than the survivor’s age at intake, naming the field', async () => {
    const { host } = await staffedHost('bilal')
    const result = await outcome(
      host,
      'cases:create',
      survivorCase({
        survivor: { prs_FirstName: 'Ama', prs_Birthdate: '2010-01-01' },
        victim: { vic_AgeWhenTrafficked: 41 },
      }),
    )
    expect(result).toEqual({ code: 'VALIDATION', paths: ['victim.vic_AgeWhenTrafficked'] })
  })

  // WHAT GOES WRONG: a birthdate of 1850 (a typo for 1985 or 2005) is saved for an intake in 2026.
  // ageOn() knows an age of 130+ is impossible and quietly stores "unknown" instead of refusing.
  // The survivor's age band becomes "unknown", so the age filters (12-17 for children) never find
  // the case.
  // WHO IS HURT: a child whose birth year was mistyped is not found by the "12-17" filter used to
  // route children to child-protection services.
  // CAUSE: main/core/cases/case-record.ts:93-99 (ageOn returns null for age >= 130) called from
  // case-prepare.ts:65; assertCaseDates (case-prepare.ts:15-28) refuses only births after intake.
  // FIX: in assertCaseDates, refuse a birthdate that makes the survivor 130 or older at intake,
  // with an issue at 'survivor.prs_Birthdate' (and the same rule in the import).
  it('refuses a birthdate that makes the survivor 176 at intake', async () => {
    const { host } = await staffedHost('bilal')
    const result = await outcome(
      host,
      'cases:create',
      survivorCase({ survivor: { prs_FirstName: 'Ama', prs_Birthdate: '1850-01-01' } }),
    )
    expect(result).toEqual({ code: 'VALIDATION', paths: ['survivor.prs_Birthdate'] })
  })

  // WHAT GOES WRONG: a trafficking event (recruitment, transit, exploitation) dated 2099 is saved.
  // The intake date is refused in the future (case-dates.test.ts), but an event's date is only
  // checked to be a real calendar date.
  // WHO IS HURT: the survivor's timeline (used for the statement to police and for the
  // age-at-exploitation) is wrong, and sorted after everything else.
  // CAUSE: main/core/cases/case-prepare.ts:70-79 takes hte_Date as it is; assertCaseDates
  // (:15-28) never looks at the events.
  // FIX: refuse hte_Date after latestIntake (the same 'date_in_future' issue as the intake date) at
  // path events.<i>.hte_Date.
  it('refuses a trafficking event dated in the future, naming the event’s date', async () => {
    const { host } = await staffedHost('bilal')
    const result = await outcome(
      host,
      'cases:create',
      survivorCase({ events: [{ record: { hte_Type: 'Exploitation', hte_Date: '2099-05-01' } }] }),
    )
    expect(result).toEqual({ code: 'VALIDATION', paths: ['events.0.hte_Date'] })
  })
})

describe('an update that leaves parts out', () => {
  // WHAT GOES WRONG: updateCaseInput reuses the create defaults: an update without `events`,
  // `victim`, `details` or `survivorAliases` is read as "none" and DELETES them — while the same
  // input's `assignedUserId`, left out, means "unchanged". A supervisor's "reassign" call that sends
  // only the assignee (with the case's id, version, intake date and survivor) wipes the survivor's
  // trafficking experience, aliases and every event, and the API answers OK.
  // WHO IS HURT: the survivor whose documented exploitation (the basis of their victim status and
  // of every referral) disappears without anyone noticing.
  // CAUSE: main/api/contract/cases.ts:27-30 (.default([]) / .default({}) in caseInputFields) spread
  // into updateCaseInput at :36-40; case-service.ts:187-219 then writes the empty values.
  // FIX: make victim, details, events and survivorAliases required in updateCaseInput (no defaults),
  // or treat an absent part as "unchanged" as assignedUserId is.
  it('does not delete the events, victim record and aliases an update leaves out', async () => {
    const { host } = await staffedHost('dana')
    const created = await createCase(host)
    const result = await outcome(host, 'cases:update', {
      id: created.id,
      version: created.version,
      intakeDate: created.intakeDate,
      survivor: created.survivor.record,
    })
    const after = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    const wipedSilently =
      result.code === 'OK' &&
      (after.events.length === 0 ||
        Object.keys(after.victim).length === 0 ||
        after.survivor.aliases.length === 0)
    expect(wipedSilently).toBe(false)
  })
})

describe('a stored value the rules would now refuse', () => {
  // A case stored before these rules with a trafficking age above its age at intake (an older
  // vault; imports now refuse it) can still be kept current: a value as stored is not judged
  // again; changing it is.
  it('keeps a case stored before the rules editable, and refuses a change to the impossible value', async () => {
    const session = await adminSession()
    const file = {
      standard: 'HTCDS',
      version: '2.0',
      cases: [
        {
          caseNumber: 'OLD-2024-3',
          intakeDate: '2024-04-05',
          survivor: { prs_FirstName: 'Ana', prs_Birthdate: '2010-01-01' },
        },
      ],
    }
    const { report } = await importer(session)(json(file), { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ imported: 1 })
    // As an older CaseVault stored it.
    session.db.prepare('UPDATE cases SET victim = ?').run(JSON.stringify({ vic_AgeWhenTrafficked: 41 }))
    const cases = createCaseService(session)
    const id = session.db.prepare('SELECT id FROM cases').pluck().get() as number
    const loaded = cases.get(id)
    const edit = (victim: Record<string, unknown>, version: number) =>
      cases.update({
        id,
        version,
        intakeDate: loaded.intakeDate,
        survivor: { ...loaded.survivor.record, prs_MobilePhone: '+37369123456' },
        survivorAliases: loaded.survivor.aliases,
        victim,
        details: loaded.details,
        events: loaded.events,
      })
    expect(edit(loaded.victim, loaded.version).survivor.record.prs_MobilePhone).toBe('+37369123456')
    expect(() => edit({ vic_AgeWhenTrafficked: 42 }, loaded.version + 1)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    )
  })
})

describe('languages the standard allows', () => {
  // WHAT GOES WRONG: HTCDS 2.0 says prs_PrimaryLanguage / prs_SecondaryLanguage use "ISO 639-2
  // language codes standard (two-letter country codes optional)" (../shared/htcds/HTCDS Field
  // Standards 2.0.csv, line 61). CaseVault accepts only the 184 ISO 639-1 two-letter codes, so a
  // language that has no two-letter code cannot be recorded at all: Hmong (hmn), Filipino (fil),
  // Dinka (din), Karen (kar), Nuer (nus), Hiligaynon (hil)… The save is refused with VALIDATION.
  // WHO IS HURT: survivors who speak only such a language — often the most isolated, trafficked
  // from minority communities. Their primary language is what the NGO needs to find an
  // interpreter; the record is left blank or wrong, and the referral form says nothing.
  // CAUSE: resources/htcds/generate.ts:73-74 (override to codeList 'iso639') and :303-304 (the list
  // is ISO 639-1 only), read by main/api/contract/htcds.ts:88-96 (codeSchema, a closed enum).
  // FIX: add the ISO 639-2 (alpha-3) codes to the iso639 list (keeping the two-letter ones, which
  // the standard lets organisations use), or a second list for languages without a 639-1 code.
  it('accepts an ISO 639-2 code for a language that has no two-letter code (Hmong)', async () => {
    const { host } = await staffedHost('bilal')
    const result = await outcome(
      host,
      'cases:create',
      survivorCase({ survivor: { prs_FirstName: 'Mai', prs_PrimaryLanguage: 'hmn' }, survivorAliases: [] }),
    )
    expect(result).toEqual({ code: 'OK', paths: [] })
  })
})
