import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { outgoingReferral, survivorConsent } from './support/referral-fixtures'
import type { ReferralDetail, ReferralForm, ReferralPage } from '../../main/api/contract'

describe('a referral from a screening, before there is a case', () => {
  it('follows the screening’s visibility and prints the screening result only when consented', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
    })
    expect(referral).toMatchObject({ caseId: null, assessmentId: screening.id, status: 'draft' })
    await call(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['screeningResults'] }),
    )
    const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect(form.sections.map((section) => section.fields.map((field) => field.field))).toEqual([
      ['assessedOn', 'summaryRiskLevel'],
    ])
    expect(JSON.stringify(form)).not.toContain('Maryna')

    await signInAs(host, 'chen')
    expect(await errorCode(host, 'referrals:get', { id: referral.id })).toBe('FORBIDDEN')
    expect(
      await errorCode(host, 'referrals:create', {
        ...outgoingReferral(0),
        caseId: null,
        assessmentId: screening.id,
      }),
    ).toBe('FORBIDDEN')
    expect((await call<ReferralPage>(host, 'referrals:list', {})).total).toBe(0)
    await signInAs(host, 'dana')
    expect((await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })).assessmentId).toBe(
      screening.id,
    )
    expect(
      await errorCode(host, 'referrals:create', { ...outgoingReferral(0), caseId: null, assessmentId: 9999 }),
    ).toBe('NOT_FOUND')
  })
})

describe('a screening that becomes a case', () => {
  it('takes its referrals along to the case', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
    })
    const converted = await call<{ caseId: number }>(host, 'screening:convertToCase', { id: screening.id })
    expect(await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })).toMatchObject({
      caseId: converted.caseId,
      assessmentId: screening.id,
    })
    const forCase = await call<{ id: number }[]>(host, 'referrals:forCase', { caseId: converted.caseId })
    expect(forCase.map((item) => item.id)).toEqual([referral.id])
  })
})
