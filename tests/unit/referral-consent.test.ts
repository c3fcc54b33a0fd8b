import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { caseWithReferral, failure, referralAudit, step, survivorConsent } from './support/referral-fixtures'
import type { ReferralDetail } from '../../main/api/contract'

// Sending a referral needs a consent in force that covers every category shared.

describe('consent gates sending', () => {
  it('will not send without consent, then sends once consent is recorded, keeping the history', async () => {
    const { host, referral } = await caseWithReferral()
    const refused = await failure(host, 'referrals:transition', {
      id: referral.id,
      version: referral.version,
      to: 'sent',
      on: '2026-03-21',
    })
    expect(refused.code).toBe('CONSENT_REQUIRED')
    expect((await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })).status).toBe('draft')

    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    expect(consented.consentInForce).toMatchObject({
      givenBy: 'survivor',
      givenOn: '2026-03-19',
      categories: ['identity', 'contactDetails', 'referralNotes'],
      recordedByName: 'Bilal Haddad',
      withdrawnOn: null,
    })
    const sent = await step(host, consented, 'sent', { note: 'Emailed the intake form' })
    expect(sent.status).toBe('sent')
    expect(sent.sharedCategories).toEqual(['identity', 'contactDetails', 'referralNotes'])
    expect(
      sent.history.map((entry) => [entry.fromStatus, entry.toStatus, entry.changedOn, entry.note]),
    ).toEqual([
      [null, 'draft', expect.any(String), null],
      ['draft', 'sent', '2026-03-21', 'Emailed the intake form'],
    ])
    const audit = await referralAudit(host, referral.id, 'bilal')
    expect(audit.map((row) => row.action)).toEqual([
      'referral.created',
      'referral.read', // the check that it is still a draft opened it
      'referral.consent_recorded',
      'referral.status_changed',
    ])
    expect(audit[3]!.details).toMatchObject({ from: 'draft', to: 'sent' })
    expect(JSON.stringify(audit)).not.toContain('labour court')
  })

  it('will not send after the consent was withdrawn', async () => {
    const { host, referral } = await caseWithReferral()
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
    expect(withdrawn.consentInForce).toBeNull()
    expect(withdrawn.consents[0]!.withdrawnOn).toBe('2026-03-20')
    expect(
      await errorCode(host, 'referrals:transition', {
        id: referral.id,
        version: withdrawn.version,
        to: 'sent',
        on: '2026-03-21',
      }),
    ).toBe('CONSENT_REQUIRED')
  })

  it('will not share a category the consent does not cover, and keeps one consent in force at a time', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    const refused = await failure(host, 'referrals:transition', {
      id: referral.id,
      version: consented.version,
      to: 'sent',
      on: '2026-03-21',
      sharedCategories: ['identity', 'healthInformation'],
    })
    expect(refused).toMatchObject({ code: 'CONSENT_REQUIRED', details: { outside: ['healthInformation'] } })
    expect(await errorCode(host, 'referrals:recordConsent', survivorConsent(referral.id))).toBe('CONFLICT')
    expect(
      await errorCode(host, 'referrals:recordConsent', survivorConsent(referral.id, { categories: [] })),
    ).toBe('VALIDATION')
    const narrower = await step(host, consented, 'sent', { sharedCategories: ['identity'] })
    expect(narrower.sharedCategories).toEqual(['identity'])
  })
})
