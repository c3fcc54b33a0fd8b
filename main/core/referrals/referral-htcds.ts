import type { ReferralHistoryEntry } from '../../api/contract/referral-types'
import type { ReferralRow } from './referral-repository'

/**
 * The referral in HTCDS "Referral Details" (cas_) terms. The standard describes it from this
 * organisation's side: outgoing → we refer, they are referred to; incoming → the reverse.
 */
export function referralToHtcds(
  row: ReferralRow,
  ourOrganisation: string,
  history: readonly ReferralHistoryEntry[],
): Record<string, string | null> {
  if (row.direction === 'outgoing') {
    return {
      cas_ReferringOrganisation: ourOrganisation,
      cas_ReferringPrimaryCaseWorker: row.primary_user_name,
      cas_ReferredOrganisation: row.organisation_label,
      cas_ReferredPrimaryCaseWorker: row.counterpart_caseworker,
      cas_ReasonForOutgoingReferral: row.reason,
      cas_OutgoingReferralDate: row.referral_date,
      cas_OutgoingReferralDetails: row.details,
    }
  }
  // HTCDS defines the incoming date as the day the referral was accepted; until then, the day received.
  const accepted = history.find((entry) => entry.toStatus === 'accepted')
  return {
    cas_ReferringOrganisation: row.organisation_label,
    cas_ReferringPrimaryCaseWorker: row.counterpart_caseworker,
    cas_ReferredOrganisation: ourOrganisation,
    cas_ReferredPrimaryCaseWorker: row.primary_user_name,
    cas_ReasonForIncomingReferral: row.reason,
    cas_IncomingReferralDate: accepted?.changedOn ?? row.referral_date,
    cas_IncomingReferralDetails: row.details,
  }
}
