// The dates of a referral's steps, its consents and a support plan, checked in main. Found by a
// reviewing helper (each failed before): a referral could be recorded as sent before the consent
// it relied on was given, a step dated 1990 or next year was taken, a consent could be given next
// year or withdrawn before it was given, and a support plan could end before it started.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import {
  caseWithReferral,
  daysFromToday,
  outgoingReferral,
  survivorConsent,
} from './support/referral-fixtures'
import { updateSupportPlanInput, type ReferralDetail, type SupportPlan } from '../../main/api/contract'

describe('sending a referral', () => {
  it('refuses a send dated before the consent it relies on was given', async () => {
    const { host, referral } = await caseWithReferral() // referral date 2026-03-20
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { givenOn: '2026-03-25' }),
    )
    const code = await errorCode(host, 'referrals:transition', {
      id: referral.id,
      version: consented.version,
      to: 'sent',
      on: '2026-03-21',
    })
    expect(['CONSENT_REQUIRED', 'VALIDATION']).toContain(code)
  })
})

describe('the date of a referral step', () => {
  it('refuses a step dated before the referral date or in the future', async () => {
    const { host, referral } = await caseWithReferral() // referralDate 2026-03-20
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    const step = (on: string) =>
      errorCode(host, 'referrals:transition', { id: referral.id, version: consented.version, to: 'sent', on })
    expect({ beforeReferral: await step('1990-01-01'), future: await step(daysFromToday(400)) }).toEqual({
      beforeReferral: 'VALIDATION',
      future: 'VALIDATION',
    })
  })
})

describe('the dates of a consent', () => {
  it('refuses a consent given in the future, and a withdrawal dated before the consent was given', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { givenOn: '2026-03-19' }),
    )
    const withdrawnBefore = await errorCode(host, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: consented.consentInForce!.id,
      withdrawnOn: '2020-01-01',
    })
    const second = await call<ReferralDetail>(host, 'referrals:create', outgoingReferral(caseId))
    const future = await errorCode(
      host,
      'referrals:recordConsent',
      survivorConsent(second.id, { givenOn: daysFromToday(400) }),
    )
    expect({ withdrawnBefore, future }).toEqual({ withdrawnBefore: 'VALIDATION', future: 'VALIDATION' })
  })
})

describe('the dates of a support plan', () => {
  it('refuses a planned or actual end date before the start date', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = { caseId, type: 'Legal', objectives: 'Court hearing support', startDate: '2026-03-01' }
    const plannedBefore = await errorCode(host, 'referrals:createSupportPlan', {
      ...plan,
      plannedEndDate: '2020-01-01',
    })
    const created = await call<SupportPlan>(host, 'referrals:createSupportPlan', plan)
    const actualBefore = await errorCode(host, 'referrals:updateSupportPlan', {
      id: created.id,
      version: created.version,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2026-03-01',
      status: 'completed',
      actualEndDate: '2019-06-30',
    })
    expect({ plannedBefore, actualBefore }).toEqual({
      plannedBefore: 'VALIDATION',
      actualBefore: 'VALIDATION',
    })
  })
})

describe('the support plan form: a planned end before the start', () => {
  it('is reported on the planned end date, the field the form always shows (found by a reviewing helper)', () => {
    const result = updateSupportPlanInput.safeParse({
      id: 1,
      version: 1,
      referralId: null,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2026-03-01',
      plannedEndDate: '2026-02-01',
      status: 'active',
      actualEndDate: null,
    })
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
    expect(paths).toEqual(['plannedEndDate'])
  })
})
