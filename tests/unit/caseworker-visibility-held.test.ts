// What one caseworker (bilal) can learn about a survivor whose case is assigned to another (chen):
// checks a reviewing helper tried that the code passes, kept as regression tests. Existing tests
// already cover the case list filters, reassignment moving a case, roles per channel and most
// by-id refusals (cases-core-held*, case-api-attacks-held, casework-api-access-held); these add
// the shared perpetrator, search hits, error payloads, existence probes and screening follow-ups.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { outgoingReferral, today } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type {
  AssessmentPage,
  AuditEntry,
  CaseDetail,
  CasePerpetrator,
  CaseSearchHit,
  DashboardSummary,
  PerpetratorMatch,
  ReferralDetail,
  ReferralPage,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

const userIds = async (host: Host, then: string) => {
  await signInAs(host, 'amara')
  const list = await call<{ id: number; username: string }[]>(host, 'users:list')
  await signInAs(host, then)
  return Object.fromEntries(list.map((user) => [user.username, user.id])) as Record<string, number>
}

/** chen's case (Marta Lungu, with a comment and a perpetrator "Viktor Zarubin" alias "Boss"). */
async function chensCase(host: Host) {
  await signInAs(host, 'chen')
  const theirs = await createCase(
    host,
    survivorCase({
      survivor: { prs_FirstName: 'Marta', prs_SecondName: 'Lungu', prs_Citizenship: ['MD'] },
      survivorAliases: ['Martusya'],
    }),
  )
  await call(host, 'comments:add', { caseId: theirs.id, body: 'Hides at the Quarry Street flat' })
  const viktor = await call<CasePerpetrator>(host, 'perpetrators:add', {
    caseId: theirs.id,
    person: { prs_FirstName: 'Viktor', prs_SecondName: 'Zarubin' },
    aliases: ['Boss'],
    context: { per_RoleInProcess: ['Transporter'] },
  })
  return { theirs, viktor }
}

describe('a perpetrator shared by bilal’s case and chen’s', () => {
  it('shows bilal only that the person is known elsewhere: no case number, id or context of chen’s', async () => {
    const { host } = await staffedHost('bilal')
    const { theirs, viktor } = await chensCase(host)
    await signInAs(host, 'bilal')
    const mine = await createCase(host)
    const matches = await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query: 'Zarubin' })
    expect(matches).toEqual([{ personId: viktor.personId, displayName: 'Viktor Zarubin', caseCount: 1 }])
    const linked = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: mine.id,
      existingPersonId: viktor.personId,
      context: { per_RoleInProcess: ['Exploiter'] },
    })
    const listed = await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: mine.id })
    expect(listed).toEqual([linked])
    expect(linked).toMatchObject({ context: { per_RoleInProcess: ['Exploiter'] }, otherCaseCount: 1 })
    const seen = JSON.stringify({ matches, listed })
    for (const text of [theirs.caseNumber, 'Transporter', 'Marta', 'Lungu', 'Quarry'])
      expect(seen, text).not.toContain(text)
    // The find's hits carry exactly a person, a name and a count.
    for (const match of await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query: 'Boss' }))
      expect(Object.keys(match).sort()).toEqual(['caseCount', 'displayName', 'personId'])
    // bilal's own search finds his case through the shared person, never chen's.
    const hits = await call<CaseSearchHit[]>(host, 'cases:search', { query: 'Zarubin' })
    expect(hits.map((hit) => hit.id)).toEqual([mine.id])
  })
})

describe('bilal’s search', () => {
  it('finds nothing of chen’s case by name, alias, note, perpetrator alias or case number', async () => {
    const { host } = await staffedHost('bilal')
    const { theirs } = await chensCase(host)
    await signInAs(host, 'bilal')
    await createCase(host)
    for (const query of ['Marta', 'Lungu', 'Martusya', 'Quarry', 'Boss', 'Viktor', theirs.caseNumber]) {
      const hits = await call<CaseSearchHit[]>(host, 'cases:search', { query, limit: 50 })
      expect(hits, query).toEqual([])
    }
    const all = await call<CaseSearchHit[]>(host, 'cases:search', { query: 'Olena', limit: 50 })
    expect(JSON.stringify(all)).not.toMatch(/Marta|Lungu|Quarry|Boss/)
  })
})

describe('refusals of chen’s case', () => {
  // The refusal carries exactly { reason: 'not_assigned' } (so the screen says "assigned to someone
  // else", not "your role does not allow this"): one fixed value, never the case's id, number,
  // survivor or assignee. A case that does not exist is still answered NOT_FOUND as before.
  it('say nothing but "someone else’s", carry only the fixed reason, and each leaves an audit row', async () => {
    const { host } = await staffedHost('bilal')
    const { theirs } = await chensCase(host)
    await signInAs(host, 'bilal')
    const calls: [string, unknown][] = [
      ['cases:get', { id: theirs.id }],
      ['cases:update', { ...survivorCase(), id: theirs.id, version: 99 }],
      ['cases:close', { id: theirs.id, version: 99, status: 'Closed', reason: 'x' }],
      ['cases:reopen', { id: theirs.id, version: 99, reason: 'x' }],
      ['referrals:list', { caseId: theirs.id }],
    ]
    for (const [channel, input] of calls) {
      const result = await host.dispatch(channel, input)
      expect(result, channel).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'This case is assigned to someone else.',
          details: { reason: 'not_assigned' },
        },
      })
    }
    const absent = await host.dispatch('cases:get', { id: 987_654 })
    expect(absent).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(JSON.stringify(absent)).not.toContain('not_assigned')
    await signInAs(host, 'amara')
    const denied = (await call<AuditEntry[]>(host, 'audit:list', { limit: 100 })).filter(
      (row) => row.action === 'access.denied' && row.actor === 'bilal',
    )
    expect(denied).toHaveLength(calls.length)
    expect(denied.every((row) => row.target === `case:${theirs.id}`)).toBe(true)
  })

  it('a stale version on chen’s case is FORBIDDEN, not CONFLICT with chen’s current version', async () => {
    const { host } = await staffedHost('bilal')
    const { theirs } = await chensCase(host)
    await signInAs(host, 'bilal')
    const result = await host.dispatch('cases:update', { ...survivorCase(), id: theirs.id, version: 1 })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(JSON.stringify(result)).not.toContain('currentVersion')
  })

  it('a plan of bilal’s case tied to chen’s referral gets the same answer as one tied to no referral at all', async () => {
    const { host } = await staffedHost('bilal')
    const { theirs } = await chensCase(host)
    const referral = await call<ReferralDetail>(host, 'referrals:create', outgoingReferral(theirs.id))
    await signInAs(host, 'bilal')
    const mine = await createCase(host)
    const plan = (referralId: number) => ({
      caseId: mine.id,
      referralId,
      type: 'Legal',
      objectives: 'x',
      startDate: '2026-03-01',
    })
    const theirsAnswer = await host.dispatch('referrals:createSupportPlan', plan(referral.id))
    const noneAnswer = await host.dispatch('referrals:createSupportPlan', plan(999_999))
    expect(theirsAnswer).toEqual(noneAnswer)
    expect(theirsAnswer.ok).toBe(false)
  })
})

describe('taking a colleague’s case', () => {
  it('bilal cannot assign chen’s case to himself, nor his own to chen; nothing changes', async () => {
    const { host } = await staffedHost('bilal')
    const { theirs } = await chensCase(host)
    const ids = await userIds(host, 'bilal')
    const mine = await createCase(host)
    expect(
      await errorCode(host, 'cases:update', {
        ...survivorCase(),
        id: theirs.id,
        version: theirs.version,
        assignedUserId: ids.bilal!,
      }),
    ).toBe('FORBIDDEN')
    expect(
      await errorCode(host, 'cases:update', {
        ...survivorCase(),
        id: mine.id,
        version: mine.version,
        assignedUserId: ids.chen!,
      }),
    ).toBe('FORBIDDEN')
    // An id that is nobody's is refused the same way (no account probing through the assignee).
    expect(
      await errorCode(host, 'cases:update', {
        ...survivorCase(),
        id: mine.id,
        version: mine.version,
        assignedUserId: 999_999,
      }),
    ).toBe('FORBIDDEN')
    await signInAs(host, 'dana')
    const [after, mineAfter] = await Promise.all([
      call<CaseDetail>(host, 'cases:get', { id: theirs.id }),
      call<CaseDetail>(host, 'cases:get', { id: mine.id }),
    ])
    expect([after.assignedUserId, after.version, mineAfter.assignedUserId, mineAfter.version]).toEqual([
      ids.chen,
      theirs.version,
      ids.bilal,
      mine.version,
    ])
  })
})

describe('bilal’s walk-in screening linked to chen’s case by a supervisor', () => {
  it('leaves bilal’s screenings, referrals, follow-ups and dashboard, with the referral he made from it', async () => {
    const { host } = await staffedHost('chen')
    const theirs = await createCase(host)
    await signInAs(host, 'bilal')
    const walkIn = await walkInScreening(host, { assessedOn: today() })
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: walkIn.id,
      referralDate: '2026-01-05',
      followUpDate: '2026-01-20',
    })
    const before = await call<DashboardSummary>(host, 'dashboard:summary')
    expect(before.screeningsThisMonth.total).toBe(1)
    await signInAs(host, 'dana')
    await call(host, 'screening:linkToCase', { id: walkIn.id, caseId: theirs.id })
    await signInAs(host, 'bilal')
    const screenings = await call<AssessmentPage>(host, 'screening:listAssessments', {})
    const referrals = await call<ReferralPage>(host, 'referrals:list', {})
    const dashboard = await call<DashboardSummary>(host, 'dashboard:summary')
    expect({
      screenings: screenings.total,
      referrals: referrals.total,
      screeningsThisMonth: dashboard.screeningsThisMonth.total,
      overdue: dashboard.overdueFollowUps.total,
      getScreening: await errorCode(host, 'screening:getAssessment', { id: walkIn.id }),
      getReferral: await errorCode(host, 'referrals:get', { id: referral.id }),
    }).toEqual({
      screenings: 0,
      referrals: 0,
      screeningsThisMonth: 0,
      overdue: 0,
      getScreening: 'FORBIDDEN',
      getReferral: 'FORBIDDEN',
    })
    await signInAs(host, 'chen')
    const forCase = await call<{ id: number }[]>(host, 'referrals:forCase', { caseId: theirs.id })
    expect(forCase.map((item) => item.id)).toEqual([referral.id])
  })
})

describe('an analyst probing ids', () => {
  it('gets FORBIDDEN alike for a case, referral, screening or attachment that exists and one that does not', async () => {
    const { host } = await staffedHost('bilal')
    const mine = await createCase(host)
    const referral = await call<ReferralDetail>(host, 'referrals:create', outgoingReferral(mine.id))
    const walkIn = await walkInScreening(host)
    await signInAs(host, 'eli')
    const probes: [string, (id: number) => unknown, number][] = [
      ['cases:get', (id) => ({ id }), mine.id],
      ['referrals:get', (id) => ({ id }), referral.id],
      ['screening:getAssessment', (id) => ({ id }), walkIn.id],
      ['attachments:saveAs', (id) => ({ id }), 1],
      ['referrals:printForm', (id) => ({ id }), referral.id],
    ]
    for (const [channel, input, id] of probes) {
      const real = await host.dispatch(channel, input(id))
      const absent = await host.dispatch(channel, input(987_654))
      expect(real, channel).toEqual(absent)
      expect(real.ok ? 'OK' : real.error.code, channel).toBe('FORBIDDEN')
    }
  })
})
