// Checks from a reviewing helper's hunt for lost updates that passed: kept as regression tests.
import { describe, expect, it } from 'vitest'
import { call, testHost } from './support/temp-vault'
import { caseWithReferral, failure, planDue, survivorConsent } from './support/referral-fixtures'
import type { ReferralDetail } from '../../main/api/contract'

async function elsewhere(dataDir: string, username: string, passphrase: string) {
  const { host } = testHost(dataDir)
  await call(host, 'vault:unlock', { username, passphrase })
  return host
}

describe('two programs on one data folder changing the same referral or plan', () => {
  it('refuses to send a referral from a screen loaded before another program withdrew its consent', async () => {
    const { host: bilal, dataDir, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      bilal,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    const dana = await elsewhere(dataDir, 'dana', 'dana passphrase 12')
    await call(dana, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: consented.consentInForce!.id,
      withdrawnOn: '2026-03-20',
    })
    const refused = await failure(bilal, 'referrals:transition', {
      id: referral.id,
      version: consented.version,
      to: 'sent',
      on: '2026-03-21',
    })
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { stale: true } })
    expect((await call<ReferralDetail>(dana, 'referrals:get', { id: referral.id })).status).toBe('draft')
  })

  it('answers NOT_FOUND in words to a plan edit whose case an admin deleted meanwhile', async () => {
    const { host: bilal, dataDir, caseId } = await caseWithReferral()
    const plan = await planDue(bilal, caseId, '2026-04-01')
    const amara = await elsewhere(dataDir, 'amara', 'correct horse battery staple')
    await call(amara, 'cases:delete', { id: caseId, reason: 'enteredInError' })
    const refused = await failure(bilal, 'referrals:updateSupportPlan', {
      id: plan.id,
      version: plan.version,
      type: plan.type,
      objectives: 'Dental treatment, second appointment',
      startDate: plan.startDate,
      followUpDate: plan.followUpDate,
      status: 'active',
    })
    expect(refused.code).toBe('NOT_FOUND')
    expect(refused.message).toMatch(/does not exist/)
  })
})
