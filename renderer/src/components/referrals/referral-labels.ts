import { useI18n } from 'vue-i18n'
import type {
  ConsentCategory,
  ConsentGiver,
  FollowUpState,
  ReferralDirection,
  ReferralStatus,
  ReferralUrgency,
  SupportPlanStatus,
} from '../../../../main/api/contract'

/**
 * Names of referral codes in the reader's language. Keys are built from the code; the component
 * test tests/component/referral-labels.test.ts checks every code of every list has its message.
 */
export function useReferralLabels() {
  const { t } = useI18n()
  return {
    status: (status: ReferralStatus) => t(`referrals.statuses.${status}`),
    action: (status: ReferralStatus) => t(`referrals.actions.${status}`),
    direction: (direction: ReferralDirection) => t(`referrals.directions.${direction}`),
    urgency: (urgency: ReferralUrgency) => t(`referrals.urgencies.${urgency}`),
    category: (category: ConsentCategory) => t(`referrals.categories.${category}`),
    giver: (giver: ConsentGiver) => t(`referrals.givers.${giver}`),
    followUp: (state: FollowUpState) => (state ? t(`referrals.followUpStates.${state}`) : ''),
    planStatus: (status: SupportPlanStatus) => t(`supportPlans.statuses.${status}`),
  }
}

/** Today in the machine's time zone as yyyy-mm-dd: the default for "date given" fields. */
export function todayIso(): string {
  const now = new Date()
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
