import { createSupportPlanInput, updateSupportPlanInput } from '../../api/contract/referrals'
import type { CaseworkActor, CaseworkActors } from './casework-actors'
import type { WrittenReferral } from './fill-referrals'
import type { SupportPlanContext, SupportPlanDraft } from './synthetic-support-plans'

/**
 * A plan through the support-plan service as the case's caseworker: created on its start day
 * (every plan starts active), then completed or discontinued on its end day when it has ended.
 */
export function writeSupportPlan(
  actors: CaseworkActors,
  actor: CaseworkActor,
  owner: { caseId: number; referralId: number | null },
  draft: SupportPlanDraft,
): void {
  const content = {
    referralId: owner.referralId,
    type: draft.type,
    objectives: draft.objectives,
    actionPlan: draft.actionPlan,
    startDate: draft.startDate,
    plannedEndDate: draft.plannedEndDate,
    followUpDate: draft.followUpDate,
  }
  actors.at(draft.startDate)
  const plan = actor.plans.create(createSupportPlanInput.parse({ caseId: owner.caseId, ...content }))
  if (!draft.end) return
  actors.at(draft.end.on)
  actor.plans.update(
    updateSupportPlanInput.parse({
      id: plan.id,
      version: plan.version,
      ...content,
      status: draft.end.status,
      actualEndDate: draft.end.on,
      outcome: draft.end.outcome,
    }),
  )
}

/**
 * A plan that comes out of a referral follows the service: it starts when the service began and
 * ends with it. Null when the service never began.
 */
export function planFollowing(
  written: WrittenReferral,
): Pick<SupportPlanContext, 'type' | 'startOn' | 'endWith'> | null {
  const started = written.plan.steps.find((step) => step.to === 'in_progress')
  if (!started) return null
  const last = written.plan.steps.at(-1)!
  const endWith =
    last.to === 'completed'
      ? { status: 'completed' as const, on: last.on }
      : last.to === 'closed_unsuccessful'
        ? { status: 'discontinued' as const, on: last.on }
        : null
  return { type: written.servicesRequested[0]!, startOn: started.on, endWith }
}
