// Support plans: checks a reviewing helper (plans2 hunt) tried that the code passes. Kept as
// regression tests. Real encrypted vaults, real API calls.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { daysFromToday, followUps, keys, summary } from './support/referral-fixtures'
import type { CaseDetail, SupportPlan } from '../../main/api/contract'

const content = {
  type: 'Legal',
  objectives: 'Representation at the labour court',
  startDate: '2026-03-01',
}

describe('editing a support plan from a stale copy', () => {
  it('refuses the second of two edits from the same version as stale, keeping the first', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', { caseId, ...content })
    await call(host, 'referrals:updateSupportPlan', {
      ...content,
      id: plan.id,
      version: plan.version,
      status: 'completed',
      actualEndDate: '2026-03-10',
      outcome: 'Won',
    })
    const stale = await host.dispatch('referrals:updateSupportPlan', {
      ...content,
      id: plan.id,
      version: plan.version,
      objectives: 'Something else',
      status: 'active',
    })
    expect(stale.ok ? 'saved' : [stale.error.code, stale.error.details]).toEqual([
      'CONFLICT',
      { stale: true },
    ])
    const [stored] = await call<SupportPlan[]>(host, 'referrals:supportPlans', { caseId })
    expect(stored).toMatchObject({ status: 'completed', outcome: 'Won', objectives: content.objectives })
  })
})

describe('a reassigned case’s plans', () => {
  it('can no longer be read or edited by the caseworker the case was taken from, nor listed as due', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      ...content,
      followUpDate: daysFromToday(-1),
    })
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
    expect(await errorCode(host, 'referrals:supportPlans', { caseId })).toBe('FORBIDDEN')
    expect(
      await errorCode(host, 'referrals:updateSupportPlan', {
        ...content,
        id: plan.id,
        version: plan.version,
        status: 'discontinued',
        actualEndDate: daysFromToday(0),
      }),
    ).toBe('FORBIDDEN')
    expect(keys(await followUps(host, 'overdue'))).toEqual([])
    expect((await summary(host)).overdueFollowUps.total).toBe(0)
    await signInAs(host, 'chen')
    expect(keys(await followUps(host, 'overdue'))).toEqual([`supportPlan:${plan.id}`])
    expect((await summary(host)).overdueFollowUps.total).toBe(1)
  })
})
