// Referral defects found by a reviewing helper (referrals hunt). Each test failed on the code before
// its fix; the comment above it says what goes wrong and why it matters to a user.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { caseWithReferral, outgoingReferral, step, survivorConsent } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { AuditEntry, ReferralDetail } from '../../main/api/contract'

describe('the case history of a survivor first met at a screening', () => {
  // A caseworker screens a walk-in, refers her to a lawyer from the screening (records her
  // consent, prints the form, sends it), and only then links the screening to her case.
  // Happens: those rows were filed under `referral:<id>` (the referral had no case then) and the
  // case's History tab reads `case:<id>` only (renderer/src/stores/case-history.ts:26), so the
  // supervisor reviewing the case sees no consent, no printing and no sending: who disclosed her
  // details to another organisation is missing from the case's history, which is the very reason
  // referral-audit-target.ts files referral rows under the case.
  // Cause: main/core/referrals/referral-audit-target.ts:9 (target fixed at write time) with
  // main/core/screening/assessment-repository.ts:155 (linkReferrals moves the referral, not its log).
  it('shows the consent, printing and sending of a referral made before the screening was linked', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    let referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
    })
    referral = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    await call(host, 'referrals:printForm', { id: referral.id })
    await step(host, referral, 'sent')
    const linked = await createCase(host)
    await call(host, 'screening:linkToCase', { id: screening.id, caseId: linked.id })

    await signInAs(host, 'dana')
    // They were written, under the referral alone:
    const own = await call<AuditEntry[]>(host, 'audit:list', {
      limit: 500,
      target: `referral:${referral.id}`,
    })
    expect(own.map((row) => row.action)).toContain('referral.consent_recorded')
    const history = await call<AuditEntry[]>(host, 'audit:list', { limit: 500, target: `case:${linked.id}` })
    const actions = history.map((row) => row.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'referral.consent_recorded',
        'referral.form_printed',
        'referral.status_changed',
      ]),
    )
  })
})

describe('the case history of a survivor first met at a screening, its screening', () => {
  // (Failed before its fix.) A screening's rows are filed under the screening alone
  // (assessment-service.ts): who screened the survivor and who linked the screening to her case
  // never appeared in the case's History.
  it('shows the screening made and linked to the case', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    const linked = await createCase(host)
    await call(host, 'screening:linkToCase', { id: screening.id, caseId: linked.id })
    await signInAs(host, 'dana')
    const history = await call<AuditEntry[]>(host, 'audit:list', { limit: 500, target: `case:${linked.id}` })
    expect(history.map((row) => row.action)).toEqual(
      expect.arrayContaining(['case.created', 'screening.created', 'screening.linked']),
    )
  })
})

describe('a referral’s follow-up date', () => {
  // A caseworker types 1026 for 2026 in the follow-up date (the same typo the referral date,
  // step dates and consent dates are guarded against, referral-date-rules.ts). Happens: it is
  // saved; the referral shows as overdue since the year 1026 on the dashboard, the Follow-ups
  // screen and the Due filter, sorted first forever, and the HTCDS export carries 1026.
  // Cause: main/core/referrals/referral-service.ts:80-81 checks only referralDate, and
  // setFollowUp (:201) checks nothing; the contract (referrals.ts:57, :96) takes any real date.
  it('is refused a thousand years early, when made and when set later', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const created = await host.dispatch(
      'referrals:create',
      outgoingReferral(caseId, { followUpDate: '1026-04-01' }),
    )
    const set = await host.dispatch('referrals:setFollowUp', {
      id: referral.id,
      version: referral.version,
      followUpDate: '1026-04-01',
      outcome: null,
    })
    expect({
      created: created.ok ? 'OK' : created.error.code,
      set: set.ok ? 'OK' : set.error.code,
    }).toEqual({ created: 'VALIDATION', set: 'VALIDATION' })
  })
})
