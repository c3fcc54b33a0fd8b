// Sending a referral discloses survivor data to another organisation: never without the survivor's
// consent in force on the day it is sent, and never more than that consent covers.
import { CaseVaultError, invalidField } from '../errors'
import type { ConsentCategory, ReferralConsent } from '../../api/contract/referral-types'

/**
 * What may be shared when sending on `on`: the categories asked for (`requested`), else all the
 * consent covers. CONSENT_REQUIRED without a consent in force, or when asked for more than it
 * covers; VALIDATION of `on` when the send is dated before the consent was given.
 */
export function sharedOnSending(
  consents: readonly ReferralConsent[],
  on: string,
  requested: ConsentCategory[] | undefined,
): ConsentCategory[] {
  const consent = consents.find((row) => row.withdrawnOn === null)
  // A consent in force, given after the day the send is dated: the date is what is wrong (said at
  // the date field), not the consent ("Record the consent first", about a consent on screen).
  if (consent && consent.categories.length > 0 && consent.givenOn > on)
    throw invalidField('on', 'before the consent was given', 'before_consent_given')
  if (!consent || consent.categories.length === 0) {
    throw new CaseVaultError(
      'CONSENT_REQUIRED',
      'Record the survivor’s consent before sending this referral.',
    )
  }
  const shared = requested ?? consent.categories
  const outside = shared.filter((category) => !consent.categories.includes(category))
  if (outside.length > 0) {
    throw new CaseVaultError(
      'CONSENT_REQUIRED',
      'The consent does not cover everything you chose to share.',
      {
        outside,
      },
    )
  }
  return shared
}
