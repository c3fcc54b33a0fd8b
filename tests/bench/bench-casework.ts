// Issue 6's hot queries on a filled vault: the dashboard (caseworker and supervisor), the referral
// list (default, one status, overdue) and the screening list, called as the app calls them.
import type { VaultSession } from '../../main/core/vault/vault-session'
import { openSession } from '../../main/core/vault/vault-session'
import { listAssessmentsInput, listReferralsInput } from '../../main/api/contract'
import { referralServicesFor } from '../../main/api/referrals'
import { caseServicesFor } from '../../main/api/case-services'
import { createDashboardService } from '../../main/core/dashboard/dashboard-service'
import { createAssessmentService } from '../../main/core/screening/assessment-service'
import { createTemplateService } from '../../main/core/screening/template-service'
import { listReferralsSql } from '../../main/core/referrals/referral-list-query'
import { localIsoDate } from '../../main/core/referrals/local-date'
import { caseVisibilityFilter } from '../../main/core/cases/case-access'
import { percentiles, type Percentiles } from './bench-stats'

export const TARGETS = { dashboardMs: 50, listP95Ms: 20, ratio: 1.25 }

export const REFERRAL_LISTS = {
  default: listReferralsInput.parse({}),
  status: listReferralsInput.parse({ status: ['in_progress'] }),
  overdue: listReferralsInput.parse({ due: 'overdue' }),
}
type ListName = keyof typeof REFERRAL_LISTS

export interface RoleTimes {
  dashboard: Percentiles
  referrals: Record<ListName, Percentiles>
  screenings: Percentiles
  /** What came back, to show both databases answered the same. */
  answers: string
}

function measureAs(session: VaultSession, runs: number): RoleTimes {
  const dashboard = createDashboardService(session)
  const { referrals } = referralServicesFor(session)
  const screenings = createAssessmentService(
    session,
    createTemplateService(session),
    caseServicesFor(session).cases,
  )
  const screeningList = listAssessmentsInput.parse({})
  const times: RoleTimes = {
    dashboard: percentiles(runs, () => dashboard.summary()),
    referrals: {
      default: percentiles(runs, () => referrals.list(REFERRAL_LISTS.default)),
      status: percentiles(runs, () => referrals.list(REFERRAL_LISTS.status)),
      overdue: percentiles(runs, () => referrals.list(REFERRAL_LISTS.overdue)),
    },
    screenings: percentiles(runs, () => screenings.list(screeningList)),
    answers: '',
  }
  const summary = dashboard.summary()
  const totals = (Object.keys(REFERRAL_LISTS) as ListName[]).map(
    (name) => `${name} ${referrals.list(REFERRAL_LISTS[name]).total}`,
  )
  times.answers = [
    `dashboard open ${summary.myOpenCases.total}, overdue ${summary.overdueFollowUps.total}, this week ${summary.followUpsThisWeek.total}, awaiting ${summary.awaitingAnswer.total}, screened this month ${summary.screeningsThisMonth.total}`,
    `referrals ${totals.join(' / ')}`,
    `screenings ${screenings.list(screeningList).total}`,
  ].join('; ')
  return times
}

/** A session for another staff row of the same database, on the same clock. */
export function sessionOf(session: VaultSession, userId: number): VaultSession {
  return openSession(
    session.db,
    session.users.list().find((user) => user.id === userId)!,
    session.clock,
  )
}

/** The same queries for one caseworker (their cases only) and for a supervisor (every case). */
export function measureCasework(
  session: VaultSession,
  users: { caseworker: number; supervisor: number },
  runs: number,
) {
  return {
    caseworker: measureAs(sessionOf(session, users.caseworker), runs),
    supervisor: measureAs(sessionOf(session, users.supervisor), runs),
  }
}

/** EXPLAIN QUERY PLAN of a referral list page, for a query that misses its target. */
export function referralListPlan(session: VaultSession, name: ListName): string {
  const sql = listReferralsSql(
    REFERRAL_LISTS[name],
    caseVisibilityFilter(session),
    localIsoDate(session.clock()),
  )
  return session.db
    .prepare(`EXPLAIN QUERY PLAN ${sql.page.sql}`)
    .all(...sql.page.params)
    .map((row) => `    ${(row as { detail: string }).detail}`)
    .join('\n')
}
