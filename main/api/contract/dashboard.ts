import { z } from 'zod'
import { method } from './method'
import type { FollowUpItem, ReferralSummary } from './referral-types'

/** An open case of mine: ids and dates only — the dashboard never shows survivor names. */
export interface DashboardCase {
  id: number
  caseNumber: string
  status: string
  intakeDate: string
  updatedAt: string
}

/** A list on the dashboard: the first few items and how many there are in all. */
export interface DashboardList<T> {
  total: number
  items: T[]
}

export interface DashboardSummary {
  /** Today in the vault's clock (yyyy-mm-dd), so "overdue" and "this month" read the same everywhere. */
  today: string
  myOpenCases: DashboardList<DashboardCase>
  overdueFollowUps: DashboardList<FollowUpItem>
  followUpsThisWeek: DashboardList<FollowUpItem>
  awaitingAnswer: DashboardList<ReferralSummary>
  screeningsThisMonth: { total: number; high: number; medium: number; low: number; notLinked: number }
}

/** How many items of each list the dashboard shows; the totals count them all. */
export const DASHBOARD_LIST_SIZE = 8

export const dashboardContract = {
  // Analysts see aggregate reports only (no case-level reminders).
  summary: method(z.undefined(), ['admin', 'supervisor', 'caseworker']).returns<DashboardSummary>(),
}
