import type { VaultSession } from '../vault/vault-session'
import type { DashboardCase, DashboardList, DashboardSummary } from '../../api/contract/dashboard'
import { DASHBOARD_LIST_SIZE } from '../../api/contract/dashboard'
import { caseVisibilityFilter } from '../cases/case-access'
import {
  countAwaitingAnswer,
  countFollowUps,
  followUpReminders,
  referralsAwaitingAnswer,
} from '../referrals/referral-follow-ups'
import { localIsoDate } from '../referrals/local-date'
import { PUBLIC_SOURCE } from '../export/deidentified-source'

interface CaseRow {
  id: number
  case_number: string
  status: string
  intake_date: string
  updated_at: string
}

interface ScreeningCounts {
  total: number
  high: number | null
  medium: number | null
  low: number | null
  not_linked: number | null
}

function firstOf<T>(all: T[], total: number): DashboardList<T> {
  return { total, items: all.slice(0, DASHBOARD_LIST_SIZE) }
}

/**
 * What needs doing, for the person signed in: their open cases, follow-ups that are overdue or
 * due within 7 days, outgoing referrals still waiting for the other side, and this month's
 * screenings. Every query applies the same visibility as the lists it links to, and each reads
 * an index (see tests/unit/dashboard.test.ts and the bench) so it stays fast at 100k cases.
 * Like the case list, reading it writes no audit row: it shows case numbers and dates only.
 */
export function createDashboardService(session: VaultSession) {
  // Rows imported from CTDC's public dataset are Active and assigned to whoever imported them, but
  // they are reference data, not casework: tens of thousands of them would bury the real caseload
  // (as the de-identified exports leave them out, PUBLIC_SOURCE).
  const openCasesCount = session.db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM cases WHERE assigned_user_id = ? AND status IN ('Active', 'FollowUp')
       AND source <> '${PUBLIC_SOURCE}'`,
  )
  const openCases = session.db.prepare<[number, number], CaseRow>(
    `SELECT id, case_number, status, intake_date, updated_at FROM cases
     WHERE assigned_user_id = ? AND status IN ('Active', 'FollowUp') AND source <> '${PUBLIC_SOURCE}'
     ORDER BY intake_date DESC, id DESC LIMIT ?`,
  )
  // The same rule as the screening list: caseworkers count what they screened or what belongs to
  // their cases; supervisors and admins count everything (@onlyFor NULL).
  const screenings = session.db.prepare<
    { onlyFor: number | null; from: string; to: string },
    ScreeningCounts
  >(
    `SELECT count(*) AS total,
            sum(a.summary_risk_level = 'high') AS high,
            sum(a.summary_risk_level = 'medium') AS medium,
            sum(a.summary_risk_level = 'low') AS low,
            sum(a.case_id IS NULL) AS not_linked
     FROM assessments a LEFT JOIN cases c ON c.id = a.case_id
     WHERE a.assessed_on BETWEEN @from AND @to
       AND (@onlyFor IS NULL OR (a.screener_user_id = @onlyFor AND a.case_id IS NULL)
            OR c.assigned_user_id = @onlyFor)`,
  )

  return {
    summary(): DashboardSummary {
      const onlyFor = caseVisibilityFilter(session)
      const today = localIsoDate(session.clock())
      const me = session.user.id
      const myCases: DashboardCase[] = openCases.all(me, DASHBOARD_LIST_SIZE).map((row) => ({
        id: row.id,
        caseNumber: row.case_number,
        status: row.status,
        intakeDate: row.intake_date,
        updatedAt: row.updated_at,
      }))
      const overdue = followUpReminders(session, 'overdue', DASHBOARD_LIST_SIZE)
      // "This week" = due today or within 7 days; overdue ones are listed apart.
      const thisWeek = followUpReminders(session, 'thisWeek', DASHBOARD_LIST_SIZE)
      const month = today.slice(0, 7)
      const counts = screenings.get({ onlyFor, from: `${month}-01`, to: `${month}-31` })!
      return {
        today,
        myOpenCases: { total: openCasesCount.get(me)!.n, items: myCases },
        overdueFollowUps: firstOf(overdue, countFollowUps(session, 'overdue')),
        followUpsThisWeek: firstOf(thisWeek, countFollowUps(session, 'thisWeek')),
        awaitingAnswer: firstOf(
          referralsAwaitingAnswer(session, DASHBOARD_LIST_SIZE),
          countAwaitingAnswer(session),
        ),
        screeningsThisMonth: {
          total: counts.total,
          high: counts.high ?? 0,
          medium: counts.medium ?? 0,
          low: counts.low ?? 0,
          notLinked: counts.not_linked ?? 0,
        },
      }
    },
  }
}
