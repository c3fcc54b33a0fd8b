// Checks that held in the referrals lifecycle hunt 2 (reviewing helper): impossible steps refused
// in main, sending after a withdrawal refused, every step audited under the case without PII, and
// the list's status/direction counts agreeing with the referrals.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { caseWithReferral, failure, referralAudit, step, survivorConsent } from './support/referral-fixtures'
import type { ReferralDetail, ReferralPage } from '../../main/api/contract'

describe('referral lifecycle (held)', () => {
  it('refuses completing a declined referral and sending after the consent was withdrawn', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    const withdrawn = await call<ReferralDetail>(host, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: consented.consentInForce!.id,
      withdrawnOn: '2026-03-20',
    })
    expect(
      (
        await failure(host, 'referrals:transition', {
          id: referral.id,
          version: withdrawn.version,
          to: 'sent',
          on: '2026-03-21',
        })
      ).code,
    ).toBe('CONSENT_REQUIRED')
    const second = await call<ReferralDetail>(host, 'referrals:create', {
      direction: 'incoming',
      caseId,
      organisationName: 'Harbour Legal Aid',
      urgency: 'routine',
      referralDate: '2026-03-20',
    })
    const declined = await step(host, second, 'declined')
    expect(
      (
        await failure(host, 'referrals:transition', {
          id: second.id,
          version: declined.version,
          to: 'completed',
          on: '2026-03-22',
        })
      ).code,
    ).toBe('INVALID_TRANSITION')
    const page = await call<ReferralPage>(host, 'referrals:list', {
      status: ['declined'],
      direction: 'incoming',
    })
    expect(page.items.map((item) => item.id)).toEqual([second.id])
    expect(page.total).toBe(1)
  })

  it('audits every step under the case, without the note or the consent giver’s name', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { givenBy: 'guardian', givenByName: 'Halyna Kovalenko' }),
    )
    const sent = await step(host, consented, 'sent', { note: 'Olena called from the shelter phone' })
    const accepted = await step(host, sent, 'accepted', { on: '2026-03-22' })
    await step(host, accepted, 'in_progress', { on: '2026-03-23' })
    const rows = await referralAudit(host, referral.id, 'bilal')
    const steps = rows.filter((row) => row.action === 'referral.status_changed')
    expect(steps.map((row) => row.details?.['to'])).toEqual(['sent', 'accepted', 'in_progress'])
    expect(new Set(steps.map((row) => row.target))).toEqual(new Set([`case:${caseId}`]))
    expect(JSON.stringify(rows)).not.toMatch(/Olena|Halyna|Kovalenko|shelter phone/)
  })
})
