// Support plans and follow-ups: defects found by a reviewing helper (plans2 hunt). Each test
// failed on the code before its fix (session 21) and states the behaviour a caseworker should get.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import { daysFromToday, followUps, keys, summary } from './support/referral-fixtures'
import type { SupportPlan } from '../../main/api/contract'

async function issueOf(result: { ok: boolean; error?: { code: string; details?: unknown } }) {
  if (result.ok) return 'saved'
  const issues =
    (result.error!.details as { issues?: { path: string | string[] }[] } | undefined)?.issues ?? []
  return `${result.error!.code}:${issues.map((issue) => [issue.path].flat().join('.')).join(',')}`
}

describe('a support plan’s follow-up date typed as 1026 for 2026', () => {
  // User: a caseworker types 1026-04-15 for 2026-04-15 in the plan's "Follow-up date". What
  // happens: main saves it (support-plan-service.ts create/update check no date but the actual
  // end), and the plan then stands "overdue since 1026" at the top of Today's Overdue card and of
  // the Follow-ups screen for every supervisor, for ever. A referral's follow-up refuses exactly
  // this (referral-date-rules.ts assertNotTooEarly, "1026 for 2026 was saved, and the referral
  // stood overdue since 1026 at the top of every list of follow-ups"). Should: VALIDATION on
  // followUpDate (date_too_early), as for referrals.
  it('is refused on a new plan, as a referral’s follow-up before 1950 is', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const result = await host.dispatch('referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Claim unpaid wages',
      startDate: '2026-03-22',
      followUpDate: '1026-04-15',
    })
    const listed = keys(await followUps(host, 'overdue'))
    expect({ result: await issueOf(result), listed }).toEqual({
      result: 'VALIDATION:followUpDate',
      listed: [],
    })
  })

  // The same typo made when moving the follow-up of an existing plan (Edit, Save plan). The
  // plan's first follow-up lies ahead (a fixed 2026-04-15 had itself passed, and counted overdue).
  it('is refused when an existing plan’s follow-up is moved to it', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Claim unpaid wages',
      startDate: '2026-03-22',
      followUpDate: daysFromToday(30),
    })
    const result = await host.dispatch('referrals:updateSupportPlan', {
      id: plan.id,
      version: plan.version,
      type: 'Legal',
      objectives: 'Claim unpaid wages',
      startDate: '2026-03-22',
      followUpDate: '1026-05-15',
      status: 'active',
    })
    expect(await issueOf(result)).toBe('VALIDATION:followUpDate')
    expect((await summary(host)).overdueFollowUps.total).toBe(0)
  })
})

describe('a support plan’s start date typed as 1026 for 2026', () => {
  // User: types 1026-03-22 as the start of a plan. What happens: saved; the case's plan list
  // sorts it last ("started 22 March 1026") and every later date of the plan passes the
  // end-before-start rule against it. Every other date of a case (intake, referral date, consent,
  // a plan's actual end — plans-files-review.test.ts) refuses a year before 1950. Should:
  // VALIDATION on startDate (date_too_early).
  it('is refused, as every other date of a case before 1950 is', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const result = await host.dispatch('referrals:createSupportPlan', {
      caseId,
      type: 'Health',
      objectives: 'Dental treatment',
      startDate: '1026-03-22',
    })
    expect(await issueOf(result)).toBe('VALIDATION:startDate')
  })
})
