import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import {
  caseWithReferral,
  outgoingReferral,
  referralAudit,
  step,
  survivorConsent,
} from './support/referral-fixtures'
import type { ReferralDetail, ReferralPage } from '../../main/api/contract'

describe('creating a referral', () => {
  it('starts an outgoing referral as a draft with one history row, in HTCDS cas_ terms, audited by id', async () => {
    const { host, referral, caseId } = await caseWithReferral()
    expect(referral).toMatchObject({
      direction: 'outgoing',
      status: 'draft',
      caseId,
      organisationName: 'Harbour Legal Aid',
      servicesRequested: ['Legal'],
      urgency: 'priority',
      consentInForce: null,
      nextStatuses: ['sent'],
      primaryUserName: 'Bilal Haddad',
    })
    expect(referral.history.map((entry) => [entry.fromStatus, entry.toStatus, entry.changedByName])).toEqual([
      [null, 'draft', 'Bilal Haddad'],
    ])
    expect(referral.htcds).toEqual({
      cas_ReferringOrganisation: 'Safe Harbour Shelter',
      cas_ReferringPrimaryCaseWorker: 'Bilal Haddad',
      cas_ReferredOrganisation: 'Harbour Legal Aid',
      cas_ReferredPrimaryCaseWorker: 'Ms. Ines Duarte',
      cas_ReasonForOutgoingReferral: 'AdditionalServicesRequired',
      cas_OutgoingReferralDate: '2026-03-20',
      cas_OutgoingReferralDetails: referral.details,
    })
    const audit = await referralAudit(host, referral.id, 'bilal')
    expect(audit.map((row) => [row.action, row.actor])).toEqual([['referral.created', 'bilal']])
    expect(audit[0]!.details).toEqual({
      direction: 'outgoing',
      caseId,
      assessmentId: null,
      status: 'draft',
      referralId: referral.id,
    })
    expect(audit[0]!.target).toBe(`case:${caseId}`) // filed under the case (its History tab)
    expect(JSON.stringify(audit)).not.toContain('Harbour Legal Aid')
  })

  it('records an incoming referral as received, answered the same way', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const incoming = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(caseId),
      direction: 'incoming',
      organisationName: 'Border Outreach Team',
      reason: 'MigrationOrChangeOfLocation',
    })
    expect(incoming.status).toBe('received')
    expect(incoming.nextStatuses).toEqual(['accepted', 'declined'])
    expect(
      await errorCode(host, 'referrals:transition', {
        id: incoming.id,
        version: incoming.version,
        to: 'sent',
        on: '2026-03-21',
      }),
    ).toBe('INVALID_TRANSITION')
    const accepted = await step(host, incoming, 'accepted')
    expect(accepted.htcds).toMatchObject({
      cas_ReferringOrganisation: 'Border Outreach Team',
      cas_ReferringPrimaryCaseWorker: 'Ms. Ines Duarte',
      cas_ReferredOrganisation: 'Safe Harbour Shelter',
      cas_ReasonForIncomingReferral: 'MigrationOrChangeOfLocation',
      cas_IncomingReferralDate: '2026-03-21',
    })
  })

  it.each([
    ['no case and no screening', { caseId: undefined }],
    ['no organisation', { organisationName: '   ' }],
    ['an impossible date', { referralDate: '2026-02-30' }],
    ['a reason outside the HTCDS code list', { reason: 'Convenience' }],
    ['a service type outside spl_Type', { servicesRequested: ['Housing'] }],
    ['an unknown urgency', { urgency: 'whenever' }],
  ])('refuses %s with VALIDATION', async (_what, change) => {
    const { host } = await staffedHost('bilal')
    const { id } = await createCase(host)
    expect(await errorCode(host, 'referrals:create', { ...outgoingReferral(id), ...change })).toBe(
      'VALIDATION',
    )
  })

  it('refuses a case that does not exist', async () => {
    const { host } = await staffedHost('bilal')
    expect(await errorCode(host, 'referrals:create', outgoingReferral(999))).toBe('NOT_FOUND')
  })
})

describe('who may see and change referrals', () => {
  it('keeps a caseworker to referrals of their own cases, and analysts out entirely', async () => {
    const { host, referral, caseId } = await caseWithReferral()
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'referrals:get', { id: referral.id })).toBe('FORBIDDEN')
    expect(
      await errorCode(host, 'referrals:transition', {
        id: referral.id,
        version: referral.version,
        to: 'sent',
        on: '2026-03-21',
      }),
    ).toBe('FORBIDDEN')
    expect(await errorCode(host, 'referrals:recordConsent', survivorConsent(referral.id))).toBe('FORBIDDEN')
    expect(await errorCode(host, 'referrals:printForm', { id: referral.id })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'referrals:create', outgoingReferral(caseId))).toBe('FORBIDDEN')
    expect(await errorCode(host, 'referrals:forCase', { caseId })).toBe('FORBIDDEN')
    expect((await call<ReferralPage>(host, 'referrals:list', {})).total).toBe(0)

    await signInAs(host, 'eli')
    for (const [channel, input] of [
      ['referrals:list', {}],
      ['referrals:get', { id: referral.id }],
      ['referrals:followUps', { window: 'overdue' }],
      ['referrals:awaitingAnswer', {}],
      ['referrals:supportPlans', { caseId }],
    ] as const) {
      expect(await errorCode(host, channel, input)).toBe('FORBIDDEN')
    }

    await signInAs(host, 'dana')
    expect((await call<ReferralPage>(host, 'referrals:list', {})).items.map((item) => item.id)).toEqual([
      referral.id,
    ])
    expect(
      (await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id)))
        .consentInForce?.recordedByName,
    ).toBe('Dana Petrova')

    await signInAs(host, 'amara')
    const denied = (
      await call<{ action: string; actor: string; target: string | null }[]>(host, 'audit:list', {
        limit: 100,
      })
    ).filter((row) => row.action === 'access.denied')
    expect(denied.map((row) => row.actor)).toEqual(expect.arrayContaining(['chen', 'eli']))
  })

  it('removes a case’s referrals with the case', async () => {
    const { host, referral, caseId } = await caseWithReferral()
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: caseId, reason: 'duplicate' })
    expect(await errorCode(host, 'referrals:get', { id: referral.id })).toBe('NOT_FOUND')
  })
})
