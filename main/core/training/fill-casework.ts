// The casework around synthetic cases — screenings, referrals, support plans, and the service
// directory they point at — written through the real services so a training vault exercises every
// screen. Its own random stream: the cases themselves stay exactly what they were before.
import type { VaultSession } from '../vault/vault-session'
import {
  referralStatuses,
  supportPlanTypes,
  type ReferralStatus,
  type SupportPlanType,
} from '../../api/contract/referrals'
import { createTemplateService, DEFAULT_TEMPLATE } from '../screening/template-service'
import { createCaseworkActors, type CaseworkActor } from './casework-actors'
import { fillDirectory, type DirectoryCounts } from './fill-directory'
import { writeReferral, type WrittenReferral } from './fill-referrals'
import { screenCase, screenWalkIn, type ScreeningTemplate } from './fill-screenings'
import { planFollowing, writeSupportPlan } from './fill-support-plans'
import type { SyntheticCase } from './synthetic-cases'
import { addDays, daysBetween, isoDay } from './synthetic-dates'
import { NameSource } from './synthetic-names'
import { SeededRandom } from './synthetic-random'
import { OPEN_REFERRAL_STATUSES, type FollowUpKind } from './synthetic-referrals'
import { needsOf, planSupportPlan, type SupportPlanContext } from './synthetic-support-plans'

export interface CaseworkItem {
  caseId: number
  assigneeId: number
  synthetic: SyntheticCase
}

export interface CaseworkCounts {
  directory: DirectoryCounts
  screenings: { linked: number; walkIns: number; casesScreenedRepeatedly: number }
  referrals: Record<ReferralStatus, number>
  referralsFromScreenings: number
  supportPlans: number
  supportPlansFromReferrals: number
}

/** Which follow-up window a date falls in, as the dashboard counts it. */
function windowOf(date: string | null, today: string): FollowUpKind {
  if (date === null) return 'none'
  if (date < today) return 'overdue'
  return date <= addDays(today, 7) ? 'thisWeek' : 'later'
}

export function createCaseworkWriter(
  session: VaultSession,
  options: { seed: number; today: Date; staff: readonly number[] },
) {
  const random = new SeededRandom(options.seed ^ 0x0ca5e3)
  const names = new NameSource(random)
  const today = isoDay(options.today)
  const directory = fillDirectory(session, random, names)
  const actors = createCaseworkActors(session)
  const kit = { actors, directory, names, random }
  const templates = createTemplateService(session)
  const latest = templates.list().find((t) => t.key === DEFAULT_TEMPLATE.key && t.isLatest)!
  const template: ScreeningTemplate = { id: latest.id, definition: templates.load(latest.id).definition }
  // What a small vault must still show once: every status, every follow-up window, every plan type.
  const showcase = {
    statuses: [...referralStatuses] as ReferralStatus[],
    referralWindows: ['overdue', 'thisWeek', 'later'] as FollowUpKind[],
    planTypes: [...supportPlanTypes] as SupportPlanType[],
    planWindows: ['overdue', 'thisWeek', 'later'] as FollowUpKind[],
    repeats: true,
  }
  const drop = <T>(list: T[], value: T) => {
    const index = list.indexOf(value)
    if (index >= 0) list.splice(index, 1)
  }
  const counts: CaseworkCounts = {
    directory: directory.counts,
    screenings: { linked: 0, walkIns: 0, casesScreenedRepeatedly: 0 },
    referrals: Object.fromEntries(referralStatuses.map((status) => [status, 0])) as Record<
      ReferralStatus,
      number
    >,
    referralsFromScreenings: 0,
    supportPlans: 0,
    supportPlansFromReferrals: 0,
  }
  let casesSeen = 0

  function counted(written: WrittenReferral): WrittenReferral {
    counts.referrals[written.detail.status] += 1
    drop(showcase.statuses, written.detail.status)
    if (OPEN_REFERRAL_STATUSES.includes(written.detail.status))
      drop(showcase.referralWindows, windowOf(written.detail.followUpDate, today))
    return written
  }

  function writePlan(
    actor: CaseworkActor,
    caseId: number,
    referralId: number | null,
    context: SupportPlanContext,
  ) {
    const draft = planSupportPlan({ ...context, forcedFollowUp: showcase.planWindows[0] }, random)
    writeSupportPlan(actors, actor, { caseId, referralId }, draft)
    if (!draft.end) drop(showcase.planWindows, windowOf(draft.followUpDate, today))
    drop(showcase.planTypes, draft.type)
    counts.supportPlans += 1
    if (referralId !== null) counts.supportPlansFromReferrals += 1
  }

  function writeCase({ caseId, assigneeId, synthetic }: CaseworkItem): void {
    const actor = actors.as(assigneeId)
    const intake = synthetic.input.intakeDate
    const closedDay = synthetic.closedAt?.slice(0, 10) ?? null
    const limit = closedDay ?? today
    const caseOpen = closedDay === null
    const birthdate = synthetic.input.survivor.prs_Birthdate as string | undefined
    const minor = birthdate !== undefined && daysBetween(birthdate, intake) < 18 * 365.25
    const exploitation = (synthetic.input.victim.vic_TypeOfExploitation as string[] | undefined) ?? []
    const needs = needsOf(exploitation, minor)

    if (random.chance(0.45)) {
      const written = screenCase(
        actors,
        actor,
        template,
        { caseId, synthetic, limit },
        showcase.repeats,
        random,
      )
      counts.screenings.linked += written
      if (written > 1) {
        counts.screenings.casesScreenedRepeatedly += 1
        showcase.repeats = false
      }
    }

    const referrals: WrittenReferral[] = []
    // A case closed by referral to another organisation always has that referral.
    if (random.chance(0.35) || synthetic.status === 'ClosedReferred') {
      const howMany = random.weighted([
        [1, 60],
        [2, 28],
        [3, 12],
      ])
      for (let i = 0; i < howMany; i += 1) {
        const forcedStatus = showcase.statuses.find((s) => caseOpen || !OPEN_REFERRAL_STATUSES.includes(s))
        const forcedFollowUp = showcase.referralWindows[0]
        const context = { earliest: intake, limit, today, caseOpen, minor, forcedStatus, forcedFollowUp }
        const requested = random.weightedDistinct(needs, random.chance(0.3) ? 2 : 1)
        referrals.push(counted(writeReferral(kit, actor, { caseId, assessmentId: null }, context, requested)))
      }
    }

    for (const written of referrals) {
      const following = planFollowing(written)
      if (!following || !random.chance(0.6)) continue
      writePlan(actor, caseId, written.detail.id, { ...following, earliest: intake, limit, today, caseOpen })
    }
    if (random.chance(0.25) || (showcase.planTypes.length > 0 && random.chance(0.5))) {
      const howMany = random.chance(0.3) ? 2 : 1
      for (let i = 0; i < howMany; i += 1) {
        const type = showcase.planTypes[0] ?? random.weighted(needs)
        writePlan(actor, caseId, null, { type, earliest: intake, limit, today, caseOpen })
      }
    }

    if (casesSeen === 0 || random.chance(0.12)) writeWalkIn(casesSeen === 0)
    casesSeen += 1
  }

  function writeWalkIn(first: boolean): void {
    const actor = actors.as(random.pick(options.staff))
    const screening = screenWalkIn(actors, actor, template, today, names, random, first)
    counts.screenings.walkIns += 1
    const needsHelp = ['referToServices', 'openCase', 'urgentProtection'].includes(screening.nextStep)
    if (!needsHelp || !random.chance(0.35)) return
    const context = {
      earliest: screening.assessedOn,
      limit: today,
      today,
      caseOpen: true,
      minor: (screening.subject?.ageYears ?? 18) < 18,
    }
    const requested = random.weightedDistinct(needsOf([], context.minor), 1)
    counted(writeReferral(kit, actor, { caseId: null, assessmentId: screening.id }, context, requested))
    counts.referralsFromScreenings += 1
  }

  return {
    counts,
    /** One transaction per batch: each service call inside becomes a savepoint, not a commit. */
    write(items: readonly CaseworkItem[]): void {
      session.db.transaction(() => items.forEach(writeCase))()
    },
  }
}
