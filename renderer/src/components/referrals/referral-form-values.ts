import type { ReferralDetail, ReferralDirection } from '../../../../main/api/contract'
import { todayIso } from './referral-labels'

/**
 * What the referral form opens with: the referral being edited as saved, or a new one of the
 * given direction for the case (or for a screening not linked to a case), dated today. A
 * referral names either a directory service or an organisation typed by name, never both.
 */
export function referralFormValues(from: {
  caseId: number | null
  direction: ReferralDirection
  editing?: ReferralDetail | null
  assessmentId?: number | null
}) {
  const editing = from.editing
  return {
    direction: editing?.direction ?? from.direction,
    caseId: editing ? editing.caseId : from.caseId,
    assessmentId: editing ? editing.assessmentId : (from.assessmentId ?? null),
    organisationId: editing && editing.serviceId === null ? editing.organisationId : null,
    serviceId: editing?.serviceId ?? null,
    organisationName: editing && editing.organisationId === null ? editing.organisationName : '',
    counterpartCaseworker: editing?.counterpartCaseworker ?? '',
    reason: editing?.reason ?? null,
    details: editing?.details ?? '',
    servicesRequested: [...(editing?.servicesRequested ?? [])],
    urgency: editing?.urgency ?? 'routine',
    referralDate: editing?.referralDate ?? todayIso(),
    followUpDate: editing?.followUpDate ?? undefined,
  }
}
