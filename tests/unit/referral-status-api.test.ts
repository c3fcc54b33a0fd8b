// The referral workflow through the API on a real vault: each step dated and audited, illegal and
// stale steps refused with nothing written (the pure transition table: referral-workflow.test.ts).
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import {
  caseWithReferral,
  failure,
  outgoingReferral,
  referralAudit,
  step,
  survivorConsent,
} from './support/referral-fixtures'
import type { ReferralDetail } from '../../main/api/contract'

describe('the status workflow', () => {
  it('walks draft → sent → accepted → in progress → completed with a dated history row per step', async () => {
    const { host, referral } = await caseWithReferral()
    let current = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    for (const to of ['sent', 'accepted', 'in_progress', 'completed']) current = await step(host, current, to)
    expect(current.status).toBe('completed')
    expect(current.nextStatuses).toEqual([])
    expect(current.history.map((entry) => entry.toStatus)).toEqual([
      'draft',
      'sent',
      'accepted',
      'in_progress',
      'completed',
    ])
    const audit = await referralAudit(host, referral.id, 'bilal')
    expect(audit.filter((row) => row.action === 'referral.status_changed').map((row) => row.details)).toEqual(
      [
        {
          from: 'draft',
          to: 'sent',
          sharedCategories: ['identity', 'contactDetails', 'referralNotes'],
          referralId: referral.id,
        },
        { from: 'sent', to: 'accepted', referralId: referral.id },
        { from: 'accepted', to: 'in_progress', referralId: referral.id },
        { from: 'in_progress', to: 'completed', referralId: referral.id },
      ],
    )
  })

  it('rejects illegal transitions with a clear error naming both statuses, and writes nothing', async () => {
    const { host, referral } = await caseWithReferral()
    const skip = await failure(host, 'referrals:transition', {
      id: referral.id,
      version: referral.version,
      to: 'accepted',
      on: '2026-03-21',
    })
    expect(skip).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'A referral cannot go from "draft" to "accepted".',
      details: { from: 'draft', to: 'accepted', allowed: ['sent'] },
    })
    let current = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    current = await step(host, current, 'sent')
    current = await step(host, current, 'declined')
    expect(
      (
        await failure(host, 'referrals:transition', {
          id: current.id,
          version: current.version,
          to: 'accepted',
          on: '2026-03-22',
        })
      ).details,
    ).toMatchObject({
      from: 'declined',
      to: 'accepted',
      allowed: [],
    })
    const after = await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })
    expect(after.history.map((entry) => entry.toStatus)).toEqual(['draft', 'sent', 'declined'])
    expect(
      await errorCode(host, 'referrals:transition', {
        id: current.id,
        version: current.version,
        to: 'finished',
        on: '2026-03-22',
      }),
    ).toBe('VALIDATION')
  })

  it('refuses a change made on a stale version with CONFLICT', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    expect(
      await errorCode(host, 'referrals:transition', {
        id: referral.id,
        version: referral.version,
        to: 'sent',
        on: '2026-03-21',
      }),
    ).toBe('CONFLICT')
    await step(host, consented, 'sent')
    expect(
      await errorCode(host, 'referrals:setFollowUp', {
        id: referral.id,
        version: consented.version,
        followUpDate: '2026-04-01',
      }),
    ).toBe('CONFLICT')
  })

  it('lets the content change only while a draft, but the follow-up date and outcome at any time', async () => {
    const { host, referral, caseId } = await caseWithReferral()
    const edited = await call<ReferralDetail>(host, 'referrals:update', {
      ...outgoingReferral(caseId),
      id: referral.id,
      version: referral.version,
      urgency: 'emergency',
    })
    expect(edited.urgency).toBe('emergency')
    let current = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    current = await step(host, current, 'sent')
    expect(
      await errorCode(host, 'referrals:update', {
        ...outgoingReferral(caseId),
        id: referral.id,
        version: current.version,
      }),
    ).toBe('CONFLICT')
    const followed = await call<ReferralDetail>(host, 'referrals:setFollowUp', {
      id: referral.id,
      version: current.version,
      followUpDate: '2026-04-02',
      outcome: 'Hearing scheduled',
    })
    expect(followed).toMatchObject({ followUpDate: '2026-04-02', outcome: 'Hearing scheduled' })
  })
})
