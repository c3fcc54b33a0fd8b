// Casework dates in an import follow the forms' rules (a reviewing helper's second look at this
// session's fixes; each case failed before): a referral dated 2099 or 1026, a consent given in
// 1026, a plan "completed" in 2099 were stored though the forms and main refuse them.
import { describe, expect, it } from 'vitest'
import { adminSession, importer, json } from './support/import-fixtures'

describe('importing referral, consent and plan dates that the forms now refuse', () => {
  // A shelter moves its records from a spreadsheet-fed export (or another CaseVault) with a typo:
  // a referral dated 2099 or 1026, a consent given in 1026, a plan "completed" in 2099. Today's
  // fix refuses exactly these dates in the forms and main (assertDayInRange; the plan's actual
  // end), and the import already refuses the same typos in an intake date (case-candidate.ts:146:
  // "one rule for the case forms, main's own check and the import"). Now: the import stores them;
  // the plan "completed in 2099" leaves the reminders as done, and the draft-like referral can
  // never be saved again as it is. Should: the case is rejected with a reason on the field, as an
  // intake date in the future or before 1950 is. Cause: main/core/import/casework-schemas.ts:17-18
  // (`date` = any real date) and casework-check.ts:145-178 (no range check; compare
  // case-candidate.ts:140-150).
  it.each([
    ['a referral dated in 2099', { referralDate: '2099-06-03' }],
    ['a referral dated in 1026', { referralDate: '1026-06-03' }],
    ['a consent given in 1026', { givenOn: '1026-06-03' }],
    ['a plan that actually ended in 2099', { actualEnd: '2099-09-01' }],
  ])('%s is refused, with its case', async (_, edit) => {
    const session = await adminSession()
    const { report } = await importer(session)(caseWithCasework(edit), {
      format: 'htcds-json',
      dryRun: false,
    })
    expect(report).toMatchObject({ imported: 0, rejected: 1 })
  })
})

/** One case of the HTCDS JSON import, with one referral, its consent and a support plan. */
function caseWithCasework(edit: { referralDate?: string; givenOn?: string; actualEnd?: string }) {
  return json({
    standard: 'HTCDS',
    cases: [
      {
        caseNumber: 'J-1',
        intakeDate: '2025-06-01',
        survivor: { prs_FirstName: 'Awa' },
        referrals: [
          {
            key: 'R1',
            direction: 'outgoing',
            status: 'sent',
            urgency: 'routine',
            referralDate: edit.referralDate ?? '2025-06-03',
            organisation: 'Legal Aid Centre',
            sharedCategories: ['identity'],
            consents: [
              {
                givenBy: 'survivor',
                givenOn: edit.givenOn ?? '2025-06-03',
                purpose: 'Legal advice',
                categories: ['identity'],
              },
            ],
            history: [
              { from: null, to: 'draft', changedOn: '2025-06-03' },
              { from: 'draft', to: 'sent', changedOn: '2025-06-04' },
            ],
          },
        ],
        supportPlans: [
          {
            referral: 'R1',
            status: 'completed',
            startDate: '2025-06-05',
            htcds: {
              spl_Type: 'Legal',
              spl_Objectives: 'Residence permit',
              spl_ActualEndDate: edit.actualEnd ?? '2025-09-01',
            },
          },
        ],
      },
    ],
  })
}
