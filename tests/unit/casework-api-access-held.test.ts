// Checks of screening, referrals, the service directory and support plans that the code passes
// (a hostile renderer, a careless user): kept as regression tests. This half: who may write what
// (another caseworker's records, roles, stale versions, finished referrals) and what the audit
// rows leave out; hostile payloads and files are in casework-api-inputs-held.test.ts.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, survivorCase } from './support/case-fixtures'
import { caseWithReferral, outgoingReferral, step, survivorConsent } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { jsonFiles } from './support/directory-files'
import type { AuditEntry, ReferralDetail, SupportPlan } from '../../main/api/contract'

describe('another caseworker’s referral, plan or screening reached by its own id', () => {
  it('is refused for every write, not only for reads', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2026-03-01',
    })
    const walkIn = await walkInScreening(host)
    await signInAs(host, 'chen')
    const mine = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const content = outgoingReferral(caseId)
    const calls: [string, unknown][] = [
      ['referrals:update', { ...content, id: referral.id, version: referral.version }],
      ['referrals:transition', { id: referral.id, version: referral.version, to: 'sent', on: '2026-03-21' }],
      ['referrals:setFollowUp', { id: referral.id, version: referral.version, followUpDate: '2026-04-01' }],
      ['referrals:recordConsent', survivorConsent(referral.id)],
      ['referrals:withdrawConsent', { referralId: referral.id, consentId: 1, withdrawnOn: '2026-03-21' }],
      ['referrals:list', { caseId }],
      ['referrals:createSupportPlan', { caseId, type: 'Legal', objectives: 'x', startDate: '2026-03-01' }],
      [
        'referrals:updateSupportPlan',
        {
          id: plan.id,
          version: plan.version,
          type: 'Legal',
          objectives: 'taken over',
          startDate: '2026-03-01',
          status: 'active',
        },
      ],
      ['screening:getAssessment', { id: walkIn.id }],
      ['screening:linkToCase', { id: walkIn.id, caseId: mine.id }],
      ['screening:convertToCase', { id: walkIn.id }],
      // My own case, with their walk-in screening: the screening is not mine to refer from.
      ['referrals:create', outgoingReferral(mine.id, { assessmentId: walkIn.id })],
      // A plan of my case tied to their referral.
      [
        'referrals:createSupportPlan',
        { caseId: mine.id, referralId: referral.id, type: 'Legal', objectives: 'x', startDate: '2026-03-01' },
      ],
    ]
    for (const [channel, input] of calls) {
      // A plan of my case tied to their referral: VALIDATION ("not a referral of this case").
      const tiedToTheirs = channel === 'referrals:createSupportPlan' && 'referralId' in (input as object)
      expect(await errorCode(host, channel, input), `${channel} ${JSON.stringify(input).slice(0, 60)}`).toBe(
        tiedToTheirs ? 'VALIDATION' : 'FORBIDDEN',
      )
    }
    // Nothing changed on bilal's side.
    await signInAs(host, 'bilal')
    const after = await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })
    expect({ status: after.status, version: after.version, consents: after.consents.length }).toEqual({
      status: 'draft',
      version: referral.version,
      consents: 0,
    })
  })
})

describe('roles that may not write casework', () => {
  it('refuses analysts every referral, plan, template and directory write, and caseworkers the directory', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const writes: [string, unknown][] = [
      ['referrals:create', outgoingReferral(caseId)],
      ['referrals:transition', { id: referral.id, version: referral.version, to: 'sent', on: '2026-03-21' }],
      ['referrals:recordConsent', survivorConsent(referral.id)],
      ['referrals:createSupportPlan', { caseId, type: 'Legal', objectives: 'x', startDate: '2026-03-01' }],
      ['referrals:followUps', { window: 'overdue' }],
      ['screening:saveTemplate', { definition: {}, basedOnTemplateId: null }],
      ['directory:saveOrganisation', { name: 'X' }],
      ['directory:importRun', jsonFiles('{"organizations":[]}')],
      ['directory:listServices', {}],
    ]
    await signInAs(host, 'eli')
    for (const [channel, input] of writes)
      expect(await errorCode(host, channel, input), channel).toBe('FORBIDDEN')
    await signInAs(host, 'bilal')
    for (const channel of ['directory:saveOrganisation', 'directory:importRun', 'directory:importPreview'])
      expect(
        await errorCode(
          host,
          channel,
          channel === 'directory:saveOrganisation' ? { name: 'X' } : jsonFiles('{"organizations":[]}'),
        ),
        channel,
      ).toBe('FORBIDDEN')
  })
})

describe('two windows on one record', () => {
  it('refuses the second save of a support plan and of a referral follow-up made on a stale version', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2026-03-01',
    })
    const edit = (objectives: string) => ({
      id: plan.id,
      version: plan.version,
      type: 'Legal',
      objectives,
      startDate: '2026-03-01',
      status: 'active',
    })
    await call(host, 'referrals:updateSupportPlan', edit('first window'))
    expect(await errorCode(host, 'referrals:updateSupportPlan', edit('second window'))).toBe('CONFLICT')
    const plans = await call<SupportPlan[]>(host, 'referrals:supportPlans', { caseId })
    expect(plans.map((p) => p.objectives)).toEqual(['first window'])

    await call(host, 'referrals:setFollowUp', { id: referral.id, version: referral.version, outcome: 'one' })
    expect(
      await errorCode(host, 'referrals:setFollowUp', {
        id: referral.id,
        version: referral.version,
        outcome: 'two',
      }),
    ).toBe('CONFLICT')
    // A consent recorded in another window makes the open form stale too.
    const fresh = await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })
    await call(host, 'referrals:recordConsent', survivorConsent(referral.id))
    expect(
      await errorCode(host, 'referrals:transition', {
        id: fresh.id,
        version: fresh.version,
        to: 'sent',
        on: '2026-03-21',
      }),
    ).toBe('CONFLICT')
  })
})

describe('finished referrals', () => {
  it('cannot be sent again, nor take a new consent; a withdrawn consent cannot be used to send', async () => {
    const { host, referral } = await caseWithReferral()
    let current = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    for (const to of ['sent', 'accepted', 'in_progress', 'completed']) current = await step(host, current, to)
    expect(
      await errorCode(host, 'referrals:transition', {
        id: current.id,
        version: current.version,
        to: 'sent',
        on: '2026-03-22',
      }),
    ).toBe('INVALID_TRANSITION')
    await call(host, 'referrals:withdrawConsent', {
      referralId: current.id,
      consentId: current.consentInForce!.id,
      withdrawnOn: '2026-03-22',
    })
    expect(await errorCode(host, 'referrals:recordConsent', survivorConsent(current.id))).toBe('CONFLICT')
    const form = await call<{ sections: unknown[]; categories: string[] }>(host, 'referrals:printForm', {
      id: current.id,
    })
    expect({ sections: form.sections, categories: form.categories }).toEqual({ sections: [], categories: [] })
  })
})

describe('audit rows of casework', () => {
  it('carry ids and codes, never the consent’s purpose or giver, a step note or plan objectives', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    let current = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, {
        givenBy: 'guardian',
        givenByName: 'Iryna Kovalenko',
        purpose: 'Secret purpose text',
      }),
    )
    current = await step(host, current, 'sent', { note: 'Called Ms Duarte about Olena' })
    await call(host, 'referrals:setFollowUp', {
      id: current.id,
      version: current.version,
      followUpDate: '2026-04-01',
      outcome: 'Olena met the lawyer',
    })
    await call(host, 'referrals:printForm', { id: current.id })
    await call(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Objective naming Olena Kovalenko',
      startDate: '2026-03-01',
    })
    await signInAs(host, 'amara')
    const audit = JSON.stringify(await call<AuditEntry[]>(host, 'audit:list', { limit: 200 }))
    for (const text of [
      'Iryna',
      'Secret purpose',
      'Ms Duarte',
      'Olena',
      'Kovalenko',
      'lawyer',
      'Harbour Legal',
    ])
      expect(audit, text).not.toContain(text)
  })
})
