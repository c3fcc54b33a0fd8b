// A visibility defect found by a reviewing helper (session 19): what one caseworker (bilal) learned
// about a survivor whose case is assigned to another caseworker (chen). Failed before its fix.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, testVault } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { daysFromToday, outgoingReferral } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type {
  CaseDetail,
  DashboardSummary,
  FollowUpItem,
  ReferralDetail,
  ReferralPage,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

const userId = async (host: Host, username: string) =>
  (await call<{ id: number; username: string }[]>(host, 'users:list')).find(
    (user) => user.username === username,
  )!.id

describe('a referral made from a screening that already belongs to a case', () => {
  /**
   * What a user does: bilal opens his walk-in screening (the "Refer" button shows while it has no
   * case), and meanwhile links it to his case in another window (or a supervisor does); he then
   * saves the referral from the screening screen, which sends caseId null + the screening's id.
   * Later the supervisor reassigns the case to chen.
   * What happens: the referral is stored without a case (referral-service.ts:149-157 stores
   * input.caseId as sent; referral-access.ts:64 assertCanReferFrom accepts a screening that has a
   * case when no case is given). The lists and counts use `r.case_id IS NULL AND r.created_by = me`
   * (referral-list-query.ts:29 and :94, referral-follow-ups.ts:151), so bilal keeps seeing the
   * referral about chen's survivor (organisation, services requested, urgency, dates, screening
   * id) in his referrals list, its "due" filter, the Follow-ups screen and his dashboard count,
   * while chen, whose survivor it is, finds it in none of them (not even the case's Referrals tab)
   * though he may open it by id (referral-access.ts follows the screening's case there).
   * What should happen: a referral from a screening that has a case belongs to that case (stored
   * with the screening's case id, as linkToCase does for earlier referrals:
   * assessment-repository.ts linkReferrals), so it follows the case to chen and leaves bilal's lists.
   */
  it('follows the case to its new caseworker and leaves the old one’s lists and dashboard', async () => {
    const { host } = await staffedHost('bilal')
    const mine = await createCase(host)
    const screening = await walkInScreening(host)
    await call(host, 'screening:linkToCase', { id: screening.id, caseId: mine.id })
    // The screening screen's referral form: no case id, the screening's id.
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
      followUpDate: daysFromToday(-3),
    })

    await signInAs(host, 'amara')
    const chenId = await userId(host, 'chen')
    const current = await call<CaseDetail>(host, 'cases:get', { id: mine.id })
    await call(host, 'cases:update', {
      id: mine.id,
      version: current.version,
      intakeDate: current.intakeDate,
      survivor: current.survivor.record,
      assignedUserId: chenId,
    })

    // bilal no longer sees the case, nor anything about its survivor.
    await signInAs(host, 'bilal')
    const bilalList = await call<ReferralPage>(host, 'referrals:list', {})
    const bilalDue = await call<ReferralPage>(host, 'referrals:list', { due: 'overdue' })
    const bilalFollowUps = await call<FollowUpItem[]>(host, 'referrals:followUps', { window: 'overdue' })
    const bilalDashboard = await call<DashboardSummary>(host, 'dashboard:summary')
    const seenByBilal = {
      list: bilalList.items.map((item) => item.id),
      listTotal: bilalList.total,
      due: bilalDue.items.map((item) => item.id),
      followUps: bilalFollowUps.map((item) => item.id),
      dashboardOverdue: bilalDashboard.overdueFollowUps.total,
    }
    // chen, whose survivor it is, finds it in the case's referrals and on his dashboard.
    await signInAs(host, 'chen')
    const chenForCase = await call<{ id: number }[]>(host, 'referrals:forCase', { caseId: mine.id })
    const chenDashboard = await call<DashboardSummary>(host, 'dashboard:summary')
    expect({
      seenByBilal,
      chen: {
        forCase: chenForCase.map((item) => item.id),
        dashboardOverdue: chenDashboard.overdueFollowUps.items.map((item) => item.id),
      },
    }).toEqual({
      seenByBilal: { list: [], listTotal: 0, due: [], followUps: [], dashboardOverdue: 0 },
      chen: { forCase: [referral.id], dashboardOverdue: [referral.id] },
    })
  })
})

describe('referrals made before the fix', () => {
  // Migration 0011: a referral stored with no case though its screening had one joins that case.
  it('join their screening’s case when the vault is upgraded', async () => {
    const { host, dataDir } = await staffedHost('bilal')
    const mine = await createCase(host)
    const screening = await walkInScreening(host)
    await call(host, 'screening:linkToCase', { id: screening.id, caseId: mine.id })
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
    })
    await call(host, 'vault:lock')
    // As a vault before 0011 stored it.
    const old = testVault({ dataDir })
    const { db } = await old.unlock(ADMIN.username, ADMIN.passphrase)
    db.exec(`UPDATE referrals SET case_id = NULL WHERE id = ${referral.id};
      DROP INDEX audit_log_exports; DROP INDEX audit_log_case_deletions; DROP INDEX audit_log_case_moves;
      PRAGMA user_version = 10;`)
    old.lock('user')
    await signInAs(host, 'bilal')
    const forCase = await call<{ id: number }[]>(host, 'referrals:forCase', { caseId: mine.id })
    expect(forCase.map((one) => one.id)).toEqual([referral.id])
  })
})
