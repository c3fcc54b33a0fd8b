import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import {
  caseWithReferral,
  daysFromToday,
  outgoingReferral,
  step,
  survivorConsent,
} from './support/referral-fixtures'
import type {
  CaseDetail,
  FollowUpItem,
  ReferralDetail,
  ReferralPage,
  ReferralSummary,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

async function referral(host: Host, caseId: number, followUpDate: string | null, organisationName: string) {
  return call<ReferralDetail>(
    host,
    'referrals:create',
    outgoingReferral(caseId, { followUpDate, organisationName }),
  )
}

async function sent(host: Host, draft: ReferralDetail) {
  const consented = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(draft.id))
  return step(host, consented, 'sent')
}

describe('follow-up reminders for the dashboard', () => {
  it('lists open referrals and active plans that are overdue or due this week, only on visible cases', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const late = await referral(host, caseId, daysFromToday(-2), 'Late Org')
    const soon = await referral(host, caseId, daysFromToday(3), 'Soon Org')
    await referral(host, caseId, daysFromToday(12), 'Later Org')
    const finished = await sent(host, await referral(host, caseId, daysFromToday(-5), 'Done Org'))
    await step(host, finished, 'declined')
    await call(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Health',
      objectives: 'Dental treatment',
      startDate: daysFromToday(-30),
      followUpDate: daysFromToday(-1),
    })

    const overdue = await call<FollowUpItem[]>(host, 'referrals:followUps', { window: 'overdue' })
    expect(overdue.map((item) => [item.kind, item.label, item.overdue])).toEqual([
      ['referral', 'Late Org', true],
      ['supportPlan', 'Health', true],
    ])
    expect(overdue[0]).toMatchObject({ id: late.id, caseId, status: 'draft' })
    const thisWeek = await call<FollowUpItem[]>(host, 'referrals:followUps', { window: 'thisWeek' })
    expect(thisWeek.map((item) => item.id)).toEqual([soon.id])

    const page = await call<ReferralPage>(host, 'referrals:list', { due: 'overdue' })
    expect(page.items.map((item) => [item.organisationName, item.followUpState])).toEqual([
      ['Late Org', 'overdue'],
    ])

    await signInAs(host, 'chen')
    expect(await call(host, 'referrals:followUps', { window: 'overdue' })).toEqual([])
    await signInAs(host, 'dana')
    expect((await call<FollowUpItem[]>(host, 'referrals:followUps', { window: 'overdue' })).length).toBe(2)
    expect(await errorCode(host, 'referrals:followUps', { window: 'someday' })).toBe('VALIDATION')
  })

  it('lists outgoing referrals awaiting an answer, oldest first', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const waiting = await sent(host, await referral(host, caseId, null, 'Waiting Org'))
    await referral(host, caseId, null, 'Draft Org')
    const answered = await sent(host, await referral(host, caseId, null, 'Answered Org'))
    await step(host, answered, 'accepted')
    const awaiting = await call<ReferralSummary[]>(host, 'referrals:awaitingAnswer', {})
    expect(awaiting.map((item) => item.id)).toEqual([waiting.id])
  })
})

describe('the referral list', () => {
  it('filters by status and direction, pages, and counts', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const first = await referral(host, caseId, null, 'First Org')
    await sent(host, first)
    await call(host, 'referrals:create', {
      ...outgoingReferral(caseId),
      direction: 'incoming',
      organisationName: 'Inbound Org',
    })
    await referral(host, caseId, null, 'Third Org')

    const all = await call<ReferralPage>(host, 'referrals:list', { limit: 2 })
    expect(all.total).toBe(3)
    expect(all.items).toHaveLength(2)
    const incoming = await call<ReferralPage>(host, 'referrals:list', { direction: 'incoming' })
    expect(incoming.items.map((item) => [item.organisationName, item.status])).toEqual([
      ['Inbound Org', 'received'],
    ])
    const sentOnly = await call<ReferralPage>(host, 'referrals:list', { status: ['sent'] })
    expect(sentOnly.items.map((item) => item.id)).toEqual([first.id])
    expect((await call<ReferralSummary[]>(host, 'referrals:forCase', { caseId })).length).toBe(3)
    expect(await errorCode(host, 'referrals:list', { status: ['lost'] })).toBe('VALIDATION')
    expect(await errorCode(host, 'referrals:list', { limit: 10_000 })).toBe('VALIDATION')
  })
})

describe('directory links', () => {
  it('takes the organisation from the chosen service and refuses a service of another organisation', async () => {
    const { host } = await staffedHost('amara')
    const legal = await call<{ id: number }>(host, 'directory:saveOrganisation', {
      name: 'Harbour Legal Aid',
    })
    const clinic = await call<{ id: number }>(host, 'directory:saveOrganisation', { name: 'Eastside Clinic' })
    const advice = await call<{ id: number }>(host, 'directory:saveService', {
      organisationId: legal.id,
      name: 'Labour court advice',
      serviceTypes: ['Legal'],
    })
    await signInAs(host, 'bilal')
    const { id: caseId } = await createCase(host)
    const linked = await call<ReferralDetail>(
      host,
      'referrals:create',
      outgoingReferral(caseId, { organisationName: null, serviceId: advice.id }),
    )
    expect(linked).toMatchObject({
      organisationId: legal.id,
      organisationName: 'Harbour Legal Aid',
      serviceId: advice.id,
      serviceName: 'Labour court advice',
    })
    expect(
      await errorCode(
        host,
        'referrals:create',
        outgoingReferral(caseId, { organisationId: clinic.id, serviceId: advice.id }),
      ),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'referrals:create', outgoingReferral(caseId, { organisationId: 9999 })),
    ).toBe('VALIDATION')
  })
})

describe('a referral follows its case to the caseworker it is reassigned to', () => {
  it('moves from one caseworker’s list and reminders to the other’s', async () => {
    const { host, caseId, referral } = await caseWithReferral({ followUpDate: daysFromToday(-1) })
    const bilalsList = await call<ReferralPage>(host, 'referrals:list', {})
    expect(bilalsList.items.map((item) => item.id)).toEqual([referral.id])

    await signInAs(host, 'dana')
    const users = await call<{ id: number; displayName: string }[]>(host, 'users:assignable')
    const chen = users.find((user) => user.displayName === 'Chen Wei')!
    const current = await call<CaseDetail>(host, 'cases:get', { id: caseId })
    await call(host, 'cases:update', {
      ...survivorCase(),
      id: caseId,
      version: current.version,
      assignedUserId: chen.id,
    })

    await signInAs(host, 'bilal')
    expect((await call<ReferralPage>(host, 'referrals:list', {})).total).toBe(0)
    expect((await call<FollowUpItem[]>(host, 'referrals:followUps', { window: 'overdue' })).length).toBe(0)
    await signInAs(host, 'chen')
    expect((await call<ReferralPage>(host, 'referrals:list', {})).items.map((item) => item.id)).toEqual([
      referral.id,
    ])
    expect((await call<FollowUpItem[]>(host, 'referrals:followUps', { window: 'overdue' })).length).toBe(1)
  })
})

describe('a support plan follows its case to the caseworker it is reassigned to', () => {
  it('moves the plan’s follow-up from one caseworker’s dashboard to the other’s', async () => {
    const { host, caseId } = await caseWithReferral()
    await call(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Representation at the labour court',
      startDate: daysFromToday(-30),
      followUpDate: daysFromToday(-2),
    })
    const overdue = async () =>
      (await call<{ overdueFollowUps: { total: number } }>(host, 'dashboard:summary')).overdueFollowUps.total
    expect(await overdue()).toBe(1)

    await signInAs(host, 'dana')
    const users = await call<{ id: number; displayName: string }[]>(host, 'users:assignable')
    const chen = users.find((user) => user.displayName === 'Chen Wei')!
    const current = await call<CaseDetail>(host, 'cases:get', { id: caseId })
    await call(host, 'cases:update', {
      ...survivorCase(),
      id: caseId,
      version: current.version,
      assignedUserId: chen.id,
    })

    await signInAs(host, 'bilal')
    expect(await overdue()).toBe(0)
    await signInAs(host, 'chen')
    expect(await overdue()).toBe(1)
  })
})
