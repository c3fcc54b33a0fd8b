import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs } from './support/case-fixtures'
import { caseWithReferral } from './support/referral-fixtures'
import type { AuditEntry, SupportPlan } from '../../main/api/contract'

const plan = (caseId: number, referralId: number | null = null) => ({
  caseId,
  referralId,
  type: 'Legal',
  objectives: 'Claim unpaid wages',
  actionPlan: 'File the claim; prepare for the hearing',
  startDate: '2026-03-22',
  plannedEndDate: '2026-06-30',
  followUpDate: '2026-04-15',
})

describe('support plans', () => {
  it('creates a plan linked to a referral of the same case, updates it to completed, and audits by id', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const created = await call<SupportPlan>(host, 'referrals:createSupportPlan', plan(caseId, referral.id))
    expect(created).toMatchObject({
      caseId,
      referralId: referral.id,
      type: 'Legal',
      status: 'active',
      actualEndDate: null,
      createdByName: 'Bilal Haddad',
      version: 1,
    })
    const update = {
      ...plan(caseId, referral.id),
      id: created.id,
      version: created.version,
      status: 'completed',
      actualEndDate: '2026-06-20',
      outcome: 'Wages paid',
    }
    delete (update as { caseId?: number }).caseId
    const done = await call<SupportPlan>(host, 'referrals:updateSupportPlan', update)
    expect(done).toMatchObject({
      status: 'completed',
      actualEndDate: '2026-06-20',
      outcome: 'Wages paid',
      version: 2,
    })
    expect(await errorCode(host, 'referrals:updateSupportPlan', update)).toBe('CONFLICT')
    expect(
      await errorCode(host, 'referrals:updateSupportPlan', {
        ...update,
        version: 2,
        status: 'completed',
        actualEndDate: null,
      }),
    ).toBe('VALIDATION')
    expect(
      (await call<SupportPlan[]>(host, 'referrals:supportPlans', { caseId })).map((item) => item.id),
    ).toEqual([created.id])

    await signInAs(host, 'amara')
    const audit = await call<AuditEntry[]>(host, 'audit:list', { target: `case:${caseId}`, limit: 50 })
    const planRows = audit.filter((row) => row.action.startsWith('support_plan.')).reverse()
    expect(planRows.map((row) => [row.action, row.details])).toEqual([
      ['support_plan.created', { supportPlanId: created.id, type: 'Legal', referralId: referral.id }],
      ['support_plan.updated', { supportPlanId: created.id, status: 'completed', from: 'active' }],
    ])
    expect(JSON.stringify(audit)).not.toContain('unpaid wages')
  })

  it('refuses a referral of another case, an unknown type, and other people’s cases', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const { id: otherCase } = await createCase(host)
    expect(await errorCode(host, 'referrals:createSupportPlan', plan(otherCase, referral.id))).toBe(
      'VALIDATION',
    )
    expect(await errorCode(host, 'referrals:createSupportPlan', { ...plan(caseId), type: 'Housing' })).toBe(
      'VALIDATION',
    )
    expect(await errorCode(host, 'referrals:createSupportPlan', { ...plan(caseId), objectives: ' ' })).toBe(
      'VALIDATION',
    )
    const created = await call<SupportPlan>(host, 'referrals:createSupportPlan', plan(caseId))
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'referrals:supportPlans', { caseId })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'referrals:createSupportPlan', plan(caseId))).toBe('FORBIDDEN')
    const rest: Partial<ReturnType<typeof plan>> = plan(caseId)
    delete rest.caseId
    expect(
      await errorCode(host, 'referrals:updateSupportPlan', {
        ...rest,
        id: created.id,
        version: 1,
        status: 'active',
      }),
    ).toBe('FORBIDDEN')
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'referrals:createSupportPlan', plan(caseId))).toBe('FORBIDDEN')
    await signInAs(host, 'dana')
    expect((await call<SupportPlan[]>(host, 'referrals:supportPlans', { caseId })).length).toBe(1)
  })
})
