import { CaseVaultError } from '../errors'
import type { ReferralDirection, ReferralStatus } from '../../api/contract/referral-types'

/**
 * The referral workflow as data. Decisions beyond the issue text:
 * - a sent referral may be closed unsuccessfully (withdrawn, or never answered);
 * - an accepted referral may be closed unsuccessfully (the survivor stopped before the service began);
 * - declined, completed and closed_unsuccessful are final: a new attempt is a new referral, so the
 *   history of the first one stays true.
 * Incoming referrals enter as 'received' (sent to us) and are answered the same way.
 */
const TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['sent'],
  sent: ['accepted', 'declined', 'closed_unsuccessful'],
  received: ['accepted', 'declined'],
  accepted: ['in_progress', 'closed_unsuccessful'],
  in_progress: ['completed', 'closed_unsuccessful'],
  declined: [],
  completed: [],
  closed_unsuccessful: [],
}

export const OPEN_STATUSES: readonly ReferralStatus[] = [
  'draft',
  'sent',
  'received',
  'accepted',
  'in_progress',
]

export function initialStatus(direction: ReferralDirection): ReferralStatus {
  return direction === 'outgoing' ? 'draft' : 'received'
}

export function nextStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return TRANSITIONS[from]
}

export function isFinal(status: ReferralStatus): boolean {
  return TRANSITIONS[status].length === 0
}

/** Throws INVALID_TRANSITION (with from/to) unless the table allows the step. */
export function assertTransition(from: ReferralStatus, to: ReferralStatus): void {
  if (TRANSITIONS[from].includes(to)) return
  throw new CaseVaultError('INVALID_TRANSITION', `A referral cannot go from "${from}" to "${to}".`, {
    from,
    to,
    allowed: [...TRANSITIONS[from]],
  })
}

/** The content of a referral (who, what, why) can change only before it leaves or is answered. */
export function isEditable(status: ReferralStatus): boolean {
  return status === 'draft' || status === 'received'
}
