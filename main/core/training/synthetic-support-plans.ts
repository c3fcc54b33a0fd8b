// Synthetic support plans (HTCDS spl_): what the case's needs suggest, started after intake, ended
// (completed or discontinued) by the case's closure at the latest; active ones carry follow-ups.
import type { SupportPlanType } from '../../api/contract/referral-types'
import { addDays, daysBetween } from './synthetic-dates'
import type { FollowUpKind } from './synthetic-referrals'
import type { SeededRandom, Weighted } from './synthetic-random'
import { PLAN_ACTIONS, PLAN_OBJECTIVES, PLAN_OUTCOMES } from './synthetic-casework-text'

export interface SupportPlanDraft {
  type: SupportPlanType
  objectives: string
  actionPlan: string | null
  startDate: string
  plannedEndDate: string | null
  followUpDate: string | null
  end: { status: 'completed' | 'discontinued'; on: string; outcome: string } | null
}

export interface SupportPlanContext {
  type: SupportPlanType
  earliest: string
  limit: string
  today: string
  caseOpen: boolean
  /** A plan that came out of a referral follows it: starts when the service began, ends with it. */
  startOn?: string | undefined
  endWith?: { status: 'completed' | 'discontinued'; on: string } | null | undefined
  forcedFollowUp?: FollowUpKind | undefined
}

const ACTIVE_FOLLOW_UP: Weighted<FollowUpKind> = [
  ['overdue', 30],
  ['thisWeek', 25],
  ['later', 30],
  ['none', 15],
]

/** The spl_Types a case's story suggests, most likely first. */
export function needsOf(exploitation: readonly string[], minor: boolean): Weighted<SupportPlanType> {
  const needs = new Map<SupportPlanType, number>([
    ['SocialCare', 4],
    ['Health', 4],
    ['Legal', 3],
    ['Financial', 2],
    ['Livelihood', minor ? 0.5 : 2],
    ['RightsBasedTraining', 1],
    ['Education', minor ? 5 : 1],
  ])
  if (exploitation.includes('SexualExploitation')) needs.set('SexualExploitationRehabilitation', 6)
  if (exploitation.some((type) => type !== 'SexualExploitation'))
    needs.set('LabourExploitationRehabilitation', 4)
  return [...needs]
}

function endOf(context: SupportPlanContext, start: string, random: SeededRandom): SupportPlanDraft['end'] {
  const room = daysBetween(start, context.limit)
  const pick = () => {
    const status = random.chance(0.75) ? ('completed' as const) : ('discontinued' as const)
    const on = addDays(start, random.int(Math.min(30, room), room))
    return { status, on, outcome: random.pick(PLAN_OUTCOMES[status]) }
  }
  if (context.endWith !== undefined) {
    if (context.endWith === null) return null
    return { ...context.endWith, outcome: random.pick(PLAN_OUTCOMES[context.endWith.status]) }
  }
  if (!context.caseOpen) return pick()
  return room > 30 && random.chance(0.45) ? pick() : null
}

export function planSupportPlan(context: SupportPlanContext, random: SeededRandom): SupportPlanDraft {
  const span = Math.max(0, daysBetween(context.earliest, context.limit))
  const startDate = context.startOn ?? addDays(context.earliest, random.int(0, span))
  const end = endOf(context, startDate, random)
  let followUpDate: string | null = null
  if (end === null) {
    const kind = context.forcedFollowUp ?? random.weighted(ACTIVE_FOLLOW_UP)
    if (kind === 'overdue') {
      const day = addDays(context.today, -random.int(1, 20))
      followUpDate = day > startDate ? day : addDays(context.today, -1)
    } else if (kind === 'thisWeek') followUpDate = addDays(context.today, random.int(0, 6))
    else if (kind === 'later') followUpDate = addDays(context.today, random.int(8, 45))
  }
  return {
    type: context.type,
    objectives: random.pick(PLAN_OBJECTIVES[context.type]),
    actionPlan: random.chance(0.7) ? random.pick(PLAN_ACTIONS) : null,
    startDate,
    plannedEndDate: random.chance(0.8) ? addDays(startDate, random.int(90, 365)) : null,
    followUpDate,
    end,
  }
}
