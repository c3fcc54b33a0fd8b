import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { currentTemplateId, walkInScreening } from './support/screening-fixtures'
import type { AssessmentPage, AuditEntry } from '../../main/api/contract'

/** bilal screens a walk-in and one for his case; chen screens a walk-in; dana (supervisor) one more. */
async function screenedByThree() {
  const { host } = await staffedHost('bilal')
  const bilalsCase = await createCase(host)
  const bilalWalkIn = await walkInScreening(host, { assessedOn: '2026-01-05' })
  const templateId = await currentTemplateId(host)
  await signInAs(host, 'chen')
  const chenWalkIn = await walkInScreening(host, {
    assessedOn: '2026-02-10',
    answers: {},
    nextStep: 'monitor',
  })
  await signInAs(host, 'dana')
  // A supervisor screens for bilal's case: bilal must see it (his case), chen must not.
  const danaForCase = await call<{ id: number }>(host, 'screening:createAssessment', {
    templateId,
    caseId: bilalsCase.id,
    assessedOn: '2026-03-01',
    channel: 'caseReview',
    answers: { immediateDanger: 'yes' },
    nextStep: 'urgentProtection',
  })
  return {
    host,
    bilalsCase,
    ids: { bilalWalkIn: bilalWalkIn.id, chenWalkIn: chenWalkIn.id, danaForCase: danaForCase.id },
  }
}

const listIds = async (host: Awaited<ReturnType<typeof staffedHost>>['host'], filter: object = {}) =>
  (await call<AssessmentPage>(host, 'screening:listAssessments', filter)).rows.map((row) => row.id)

describe('who sees which screening', () => {
  it('shows caseworkers what they screened and what belongs to their cases; supervisors everything', async () => {
    const { host, ids } = await screenedByThree()
    await signInAs(host, 'bilal')
    expect(await listIds(host)).toEqual([ids.danaForCase, ids.bilalWalkIn])
    expect(await errorCode(host, 'screening:getAssessment', { id: ids.chenWalkIn })).toBe('FORBIDDEN')
    await signInAs(host, 'chen')
    expect(await listIds(host)).toEqual([ids.chenWalkIn])
    expect(await errorCode(host, 'screening:getAssessment', { id: ids.danaForCase })).toBe('FORBIDDEN')
    for (const user of ['dana', 'amara']) {
      await signInAs(host, user)
      expect(await listIds(host)).toEqual([ids.danaForCase, ids.chenWalkIn, ids.bilalWalkIn])
    }
  })

  it('gives analysts no screening records at all', async () => {
    const { host, ids, bilalsCase } = await screenedByThree()
    await signInAs(host, 'eli')
    for (const [channel, input] of [
      ['screening:listAssessments', {}],
      ['screening:getAssessment', { id: ids.bilalWalkIn }],
      ['screening:caseAssessments', { caseId: bilalsCase.id }],
      ['screening:templates', undefined],
      ['screening:convertToCase', { id: ids.bilalWalkIn }],
    ] as const) {
      expect(await errorCode(host, channel, input), channel).toBe('FORBIDDEN')
    }
  })

  it('refuses a caseworker screening for, or reading the series of, a case that is not theirs', async () => {
    const { host, bilalsCase } = await screenedByThree()
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'screening:caseAssessments', { caseId: bilalsCase.id })).toBe('FORBIDDEN')
    expect(
      await errorCode(host, 'screening:createAssessment', {
        templateId: await currentTemplateId(host),
        caseId: bilalsCase.id,
        assessedOn: '2026-03-02',
        channel: 'caseReview',
        answers: {},
        nextStep: 'monitor',
      }),
    ).toBe('FORBIDDEN')
    await signInAs(host, 'amara')
    const denied = (await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })).filter(
      (row) => row.action === 'access.denied' && row.actor === 'chen',
    )
    expect(denied.length).toBeGreaterThanOrEqual(2)
  })
})

describe('the screening list filters', () => {
  it('filters by risk level, linked or not, date range and screener', async () => {
    const { host, ids } = await screenedByThree()
    await signInAs(host, 'dana')
    expect(await listIds(host, { riskLevel: ['high'] })).toEqual([ids.danaForCase])
    expect(await listIds(host, { riskLevel: ['low', 'medium'] })).toEqual([ids.chenWalkIn, ids.bilalWalkIn])
    expect(await listIds(host, { linked: 'linked' })).toEqual([ids.danaForCase])
    expect(await listIds(host, { linked: 'unlinked' })).toEqual([ids.chenWalkIn, ids.bilalWalkIn])
    expect(await listIds(host, { from: '2026-02-01', to: '2026-02-28' })).toEqual([ids.chenWalkIn])
    const chen = (await call<AssessmentPage>(host, 'screening:listAssessments', {})).rows.find(
      (row) => row.id === ids.chenWalkIn,
    )!
    expect(await listIds(host, { screenerUserId: chen.screenerUserId })).toEqual([ids.chenWalkIn])
    expect(await listIds(host, { sortDirection: 'asc' })).toEqual([
      ids.bilalWalkIn,
      ids.chenWalkIn,
      ids.danaForCase,
    ])
    const page = await call<AssessmentPage>(host, 'screening:listAssessments', { pageSize: 2, page: 1 })
    expect([page.total, page.rows.map((row) => row.id)]).toEqual([3, [ids.bilalWalkIn]])
  })

  it.each([
    [{ riskLevel: ['extreme'] }],
    [{ linked: 'maybe' }],
    [{ from: '2026-13-01' }],
    [{ pageSize: 10_000 }],
    [{ screenerUserId: -1 }],
  ])('refuses %j with VALIDATION', async (filter) => {
    const { host } = await staffedHost('dana')
    expect(await errorCode(host, 'screening:listAssessments', filter)).toBe('VALIDATION')
  })
})
