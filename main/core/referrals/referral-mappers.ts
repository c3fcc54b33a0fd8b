import type {
  ConsentCategory,
  FollowUpState,
  ReferralConsent,
  ReferralHistoryEntry,
  ReferralSummary,
  SupportPlanType,
} from '../../api/contract/referral-types'
import type { ConsentRow, HistoryRow, ReferralRow } from './referral-repository'
import { OPEN_STATUSES } from './referral-workflow'
import { addDays } from './local-date'

/**
 * Overdue: an open referral whose follow-up day has passed; due this week: today … today + 7.
 * None for a closed case's referral: the Due filter, the dashboard and the Follow-ups screen leave
 * those out (CLOSED_CASES), and its red "Overdue" tag had matched no filter that showed it.
 */
export function followUpState(
  status: ReferralRow['status'],
  followUpDate: string | null,
  today: string,
  caseStatus: string | null = null,
): FollowUpState {
  if (caseStatus === 'Closed' || caseStatus === 'ClosedReferred') return null
  if (!followUpDate || !OPEN_STATUSES.includes(status)) return null
  if (followUpDate < today) return 'overdue'
  if (followUpDate <= addDays(today, 7)) return 'dueThisWeek'
  return null
}

export function rowToSummary(row: ReferralRow, today: string): ReferralSummary {
  return {
    id: row.id,
    direction: row.direction,
    status: row.status,
    caseId: row.case_id,
    caseNumber: row.case_number,
    assessmentId: row.assessment_id,
    organisationName: row.organisation_label,
    serviceName: row.service_name,
    urgency: row.urgency,
    referralDate: row.referral_date,
    followUpDate: row.follow_up_date,
    followUpState: followUpState(row.status, row.follow_up_date, today, row.case_status),
    servicesRequested: JSON.parse(row.services_requested) as SupportPlanType[],
  }
}

export function rowToConsent(row: ConsentRow): ReferralConsent {
  return {
    id: row.id,
    givenBy: row.given_by,
    givenByName: row.given_by_name,
    givenOn: row.given_on,
    purpose: row.purpose,
    categories: JSON.parse(row.categories) as ConsentCategory[],
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
    withdrawnOn: row.withdrawn_on,
  }
}

export function rowToHistory(row: HistoryRow): ReferralHistoryEntry {
  return {
    id: row.id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    changedOn: row.changed_on,
    changedByName: row.changed_by_name,
    note: row.note,
  }
}
