import {
  createReferralInput,
  recordConsentInput,
  referralFollowUpInput,
  transitionReferralInput,
  type ReferralDetail,
  type SupportPlanType,
} from '../../api/contract/referrals'
import type { CaseworkActor, CaseworkActors } from './casework-actors'
import { serviceOffering, type TrainingDirectory } from './fill-directory'
import { planReferral, type ReferralContext, type ReferralPlan } from './synthetic-referrals'
import { CONSENT_PURPOSES, REFERRAL_DETAILS, UNLISTED_PARTNERS } from './synthetic-casework-text'
import type { NameSource } from './synthetic-names'
import type { SeededRandom } from './synthetic-random'

/** What every referral draws on: the story clock, the directory, names and the random stream. */
export interface ReferralKit {
  actors: CaseworkActors
  directory: TrainingDirectory
  names: NameSource
  random: SeededRandom
}

export interface WrittenReferral {
  detail: ReferralDetail
  plan: ReferralPlan
  servicesRequested: SupportPlanType[]
}

/** Who the referral goes to (or, incoming, comes from): usually the directory, sometimes typed in. */
function counterpart(
  plan: ReferralPlan,
  type: SupportPlanType,
  directory: TrainingDirectory,
  random: SeededRandom,
) {
  if (plan.direction === 'incoming') {
    const active = directory.organisations.filter((organisation) => organisation.active)
    return random.chance(0.85) && active.length
      ? { organisationId: random.pick(active).id }
      : { organisationName: random.pick(UNLISTED_PARTNERS) }
  }
  // Only finished referrals have an outcome; open ones go to services that are active today.
  const open = plan.outcome === null
  const service = random.chance(0.88)
    ? serviceOffering(directory, type, open || random.chance(0.8), random)
    : null
  return service ? { serviceId: service.id } : { organisationName: random.pick(UNLISTED_PARTNERS) }
}

/**
 * One referral through the real workflow, each step on its own day: created (draft or received),
 * the survivor's consent recorded before it is sent, answered, started, finished, and the outcome
 * noted. Throws whatever the referral service refuses — a bug in the generator, never skipped.
 */
export function writeReferral(
  kit: ReferralKit,
  actor: CaseworkActor,
  owner: { caseId: number | null; assessmentId: number | null },
  context: ReferralContext,
  servicesRequested: SupportPlanType[],
): WrittenReferral {
  const { actors, directory, names, random } = kit
  const plan = planReferral(context, random)
  const type = servicesRequested[0]!
  const person = names.person(directory.homeLocale, random.chance(0.6) ? 'female' : 'male')
  actors.at(plan.referralDate)
  let detail = actor.referrals.create(
    createReferralInput.parse({
      direction: plan.direction,
      ...owner,
      ...counterpart(plan, type, directory, random),
      counterpartCaseworker: random.chance(0.5) ? `${person.first} ${person.last}` : null,
      reason: plan.reason,
      details: random.pick(REFERRAL_DETAILS[type]),
      servicesRequested,
      urgency: plan.urgency,
      referralDate: plan.referralDate,
      followUpDate: plan.followUpDate,
    }),
  )
  for (const step of plan.steps) {
    if (step.to === 'sent' && plan.consent) {
      actors.at(plan.consent.givenOn)
      detail = actor.referrals.recordConsent(
        recordConsentInput.parse({
          referralId: detail.id,
          givenBy: plan.consent.givenBy,
          givenOn: plan.consent.givenOn,
          purpose: CONSENT_PURPOSES[type],
          categories: plan.consent.categories,
        }),
      )
    }
    actors.at(step.on)
    detail = actor.referrals.transition(
      transitionReferralInput.parse({
        id: detail.id,
        version: detail.version,
        to: step.to,
        on: step.on,
        note: step.note,
        ...(step.to === 'sent' && plan.consent?.shared ? { sharedCategories: plan.consent.shared } : {}),
      }),
    )
  }
  if (plan.outcome !== null) {
    detail = actor.referrals.setFollowUp(
      referralFollowUpInput.parse({
        id: detail.id,
        version: detail.version,
        followUpDate: detail.followUpDate,
        outcome: plan.outcome,
      }),
    )
  }
  return { detail, plan, servicesRequested }
}
