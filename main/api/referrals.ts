import type { AreaHandlers } from './handler'
import type { referralsContract } from './contract/referrals'
import type { VaultSession } from '../core/vault/vault-session'
import { caseServicesFor } from './case-services'
import { createReferralService } from '../core/referrals/referral-service'
import { createReferralFormService } from '../core/referrals/referral-form-service'
import {
  followUpReminders,
  FOLLOW_UPS_SCREEN_LIMIT,
  referralsAwaitingAnswer,
} from '../core/referrals/referral-follow-ups'
import { createSupportPlanService } from '../core/support-plans/support-plan-service'

function build(session: VaultSession) {
  // Referrals and plans reach survivor data only through a case the caller may see (cases' own rule).
  const { cases } = caseServicesFor(session)
  const referrals = createReferralService(session, cases.assertVisible)
  return {
    referrals,
    forms: createReferralFormService(session, referrals),
    supportPlans: createSupportPlanService(session, cases.assertVisible),
  }
}

// One set of prepared statements per unlocked session; dropped with the session on lock.
const bySession = new WeakMap<VaultSession, ReturnType<typeof build>>()

export function referralServicesFor(session: VaultSession) {
  let services = bySession.get(session)
  if (!services) {
    services = build(session)
    bySession.set(session, services)
  }
  return services
}

export const referralsHandlers: AreaHandlers<typeof referralsContract> = {
  list: (ctx, input) => referralServicesFor(ctx.session).referrals.list(input),
  forCase: (ctx, input) => referralServicesFor(ctx.session).referrals.forCase(input.caseId),
  get: (ctx, input) => referralServicesFor(ctx.session).referrals.get(input.id),
  create: (ctx, input) => referralServicesFor(ctx.session).referrals.create(input),
  update: (ctx, input) => referralServicesFor(ctx.session).referrals.update(input),
  setFollowUp: (ctx, input) => referralServicesFor(ctx.session).referrals.setFollowUp(input),
  transition: (ctx, input) => referralServicesFor(ctx.session).referrals.transition(input),
  recordConsent: (ctx, input) => referralServicesFor(ctx.session).referrals.recordConsent(input),
  withdrawConsent: (ctx, input) => referralServicesFor(ctx.session).referrals.withdrawConsent(input),
  printForm: (ctx, input) => referralServicesFor(ctx.session).forms.printForm(input.id),
  followUps: (ctx, input) => followUpReminders(ctx.session, input.window, FOLLOW_UPS_SCREEN_LIMIT),
  awaitingAnswer: (ctx) => referralsAwaitingAnswer(ctx.session),
  supportPlans: (ctx, input) => referralServicesFor(ctx.session).supportPlans.list(input.caseId),
  createSupportPlan: (ctx, input) => referralServicesFor(ctx.session).supportPlans.create(input),
  updateSupportPlan: (ctx, input) => referralServicesFor(ctx.session).supportPlans.update(input),
}
