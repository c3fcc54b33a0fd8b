// Referral behaviour a reviewing helper (referrals hunt) checked and found holding.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import { caseWithReferral, outgoingReferral, step, survivorConsent } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { ReferralDetail, ReferralForm } from '../../main/api/contract'

describe('a referral once sent, its consent then withdrawn', () => {
  it('moves on, but its printed form releases nothing and says no consent is in force', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity', 'contactDetails', 'referralNotes'] }),
    )
    await step(host, consented, 'sent', { sharedCategories: ['identity'] })
    let current = await call<ReferralDetail>(host, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: consented.consentInForce!.id,
      withdrawnOn: '2026-03-22',
    })
    current = await call<ReferralDetail>(host, 'referrals:transition', {
      id: current.id,
      version: current.version,
      to: 'accepted',
      on: '2026-03-23',
    })
    const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect({ status: current.status, consent: form.consent, sections: form.sections }).toEqual({
      status: 'accepted',
      consent: null,
      sections: [],
    })
    expect(JSON.stringify(form)).not.toMatch(/Olena|Kovalenko|labour court/)
  })

  it('a new consent after sending never widens what the form releases beyond what was shared', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity'] }),
    )
    await step(host, consented, 'sent')
    await call(host, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: consented.consentInForce!.id,
      withdrawnOn: '2026-03-22',
    })
    await call(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, {
        givenOn: '2026-03-22',
        categories: ['identity', 'dateOfBirth', 'nationality', 'caseSummary'],
      }),
    )
    const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect(form.categories).toEqual(['identity'])
    expect(JSON.stringify(form)).not.toMatch(/2001-07-02|"UA"|ForcedLabour/)
  })
})

describe('a referral made from a walk-in screening (no case)', () => {
  it('prints none of the walk-in’s own details, whatever the consent covers', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
    })
    await call(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity', 'contactDetails', 'nationality'] }),
    )
    const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect(JSON.stringify(form)).not.toMatch(/Maryna|Hlib/)
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'referrals:printForm', { id: referral.id })).toBe('FORBIDDEN')
  })
})

describe('another caseworker, through IPC', () => {
  it('can neither move, consent for, withdraw, follow up nor read a referral of someone else’s case', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    await signInAs(host, 'chen')
    const codes = {
      transition: await errorCode(host, 'referrals:transition', {
        id: referral.id,
        version: consented.version,
        to: 'sent',
        on: '2026-03-21',
      }),
      withdraw: await errorCode(host, 'referrals:withdrawConsent', {
        referralId: referral.id,
        consentId: consented.consentInForce!.id,
        withdrawnOn: '2026-03-21',
      }),
      followUp: await errorCode(host, 'referrals:setFollowUp', {
        id: referral.id,
        version: consented.version,
        followUpDate: '2026-04-01',
        outcome: 'x',
      }),
      list: await errorCode(host, 'referrals:list', { caseId: referral.caseId }),
      get: await errorCode(host, 'referrals:get', { id: referral.id }),
    }
    expect(codes).toEqual({
      transition: 'FORBIDDEN',
      withdraw: 'FORBIDDEN',
      followUp: 'FORBIDDEN',
      list: 'FORBIDDEN',
      get: 'FORBIDDEN',
    })
    await signInAs(host, 'bilal')
    const after = await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })
    expect({ status: after.status, consent: after.consentInForce?.withdrawnOn }).toEqual({
      status: 'draft',
      consent: null,
    })
  })

  it('refuses shared categories on a step other than sending, and a hostile status', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    const sent = await step(host, consented, 'sent', { sharedCategories: ['identity'] })
    expect(
      await errorCode(host, 'referrals:transition', {
        id: sent.id,
        version: sent.version,
        to: 'accepted',
        on: '2026-03-22',
        sharedCategories: ['contactDetails'],
      }),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'referrals:transition', {
        id: sent.id,
        version: sent.version,
        to: 'deleted',
        on: '2026-03-22',
      }),
    ).toBe('VALIDATION')
  })
})
