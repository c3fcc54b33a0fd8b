// The referral lifecycle after the first send, checked in main (reviewing helper, referrals
// lifecycle hunt 2). Each test failed on the code before its fix (session 21); the defect is above it.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { caseWithReferral, dueList, failure, survivorConsent } from './support/referral-fixtures'

describe('a referral’s follow-up date', () => {
  // A caseworker sets the follow-up of a referral of 20 March 2026 and types 2025 for 2026
  // ("2025-03-27"). Happens: saved; the referral stands "Overdue" at once, a year late, at the top
  // of her Follow-ups screen and the dashboard count, and the date field says nothing. Steps are
  // refused before the referral date (referral-service.ts:225-226) and a support plan's end before
  // its start, but a follow-up is only checked against 1950 (referral-service.ts:209-210 and, at
  // creation or edit, :86-87). Should: VALIDATION on followUpDate, "before the referral date".
  it('refuses a follow-up date before the referral date, and the referral is not listed overdue', async () => {
    const { host, referral } = await caseWithReferral() // referral date 2026-03-20
    const refused = await host.dispatch('referrals:setFollowUp', {
      id: referral.id,
      version: referral.version,
      followUpDate: '2025-03-27',
      outcome: null,
    })
    const overdue = await dueList(host, 'overdue')
    expect({
      code: refused.ok ? 'saved' : refused.error.code,
      listedOverdue: overdue.items.some((item) => item.id === referral.id),
    }).toEqual({ code: 'VALIDATION', listedOverdue: false })
  })

  // The same typo made when the referral is drafted: saved, and overdue from the first minute.
  it('refuses a new referral whose follow-up date is before its referral date', async () => {
    const { host, caseId } = await caseWithReferral()
    const result = await host.dispatch('referrals:create', {
      direction: 'outgoing',
      caseId,
      organisationName: 'Harbour Legal Aid',
      urgency: 'routine',
      referralDate: '2026-03-20',
      followUpDate: '2025-03-27',
    })
    expect(result.ok ? 'saved' : result.error.code).toBe('VALIDATION')
  })
})

describe('recording a consent when one was recorded meanwhile', () => {
  // The refusal carried no `stale` mark, so the screen (which showed none) was not read again and
  // kept offering "Record consent" to be refused for ever (the screen test is in
  // tests/component/referrals-lifecycle-review-ui.test.ts).
  it('is refused as stale, so the screen reads the referral again', async () => {
    const { host, referral } = await caseWithReferral()
    await call(host, 'referrals:recordConsent', survivorConsent(referral.id))
    const refused = await failure(host, 'referrals:recordConsent', survivorConsent(referral.id))
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { stale: true } })
  })
})
