// Synthetic referral stories: where a referral ends up (its status today) and the dated steps that
// got it there through the real workflow — consent first, then sending, an answer, the service.
// Open referrals are recent and carry follow-up dates (overdue, due this week or later); finished
// ones are spread over the case's life.
import type {
  ConsentCategory,
  ReferralDirection,
  ReferralStatus,
  ReferralUrgency,
  ReferralReason,
} from '../../api/contract/referral-types'
import { addDays, daysBetween } from './synthetic-dates'
import type { SeededRandom, Weighted } from './synthetic-random'
import { REFERRAL_OUTCOMES, REFERRAL_STEP_NOTES } from './synthetic-casework-text'

export interface ReferralStep {
  to: ReferralStatus
  on: string
  note: string | null
}

export interface ReferralConsentPlan {
  givenBy: 'survivor' | 'guardian'
  givenOn: string
  categories: ConsentCategory[]
  /** What is actually shared when sending; undefined = all the consent covers. */
  shared: ConsentCategory[] | undefined
}

export interface ReferralPlan {
  direction: ReferralDirection
  status: ReferralStatus
  referralDate: string
  urgency: ReferralUrgency
  reason: ReferralReason
  followUpDate: string | null
  consent: ReferralConsentPlan | null
  steps: ReferralStep[]
  /** Written with setFollowUp once the referral is finished. */
  outcome: string | null
}

export type FollowUpKind = 'overdue' | 'thisWeek' | 'later' | 'none'

export interface ReferralContext {
  /** First possible referral day (intake or screening day) and last (today, or the case's closure). */
  earliest: string
  limit: string
  today: string
  caseOpen: boolean
  minor: boolean
  /** A status and follow-up the caller wants (so a small vault still shows every one). */
  forcedStatus?: ReferralStatus | undefined
  forcedFollowUp?: FollowUpKind | undefined
}

export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'draft',
  'sent',
  'received',
  'accepted',
  'in_progress',
]

const FOR_OPEN_CASE: Weighted<ReferralStatus> = [
  ['draft', 4],
  ['sent', 9],
  ['received', 4],
  ['accepted', 6],
  ['in_progress', 12],
  ['declined', 9],
  ['completed', 40],
  ['closed_unsuccessful', 12],
]
const FOR_CLOSED_CASE: Weighted<ReferralStatus> = [
  ['declined', 15],
  ['completed', 65],
  ['closed_unsuccessful', 20],
]

/** How far back an open referral of each status was made (days before today). */
const RECENCY: Partial<Record<ReferralStatus, readonly [number, number]>> = {
  draft: [0, 14],
  sent: [2, 45],
  received: [0, 14],
  accepted: [3, 40],
  in_progress: [10, 150],
}

/** Days each step usually takes after the previous one. */
const GAP: Record<ReferralStatus, readonly [number, number]> = {
  draft: [0, 0],
  received: [0, 0],
  sent: [0, 3],
  accepted: [2, 20],
  declined: [2, 20],
  in_progress: [1, 14],
  completed: [20, 150],
  closed_unsuccessful: [10, 60],
}

const CONSENT_EXTRAS: ConsentCategory[] = [
  'dateOfBirth',
  'gender',
  'nationality',
  'languages',
  'caseSummary',
  'vulnerabilities',
  'screeningResults',
  'healthInformation',
]

function pathTo(
  status: ReferralStatus,
  direction: ReferralDirection,
  random: SeededRandom,
): ReferralStatus[] {
  const answer: ReferralStatus[] = direction === 'outgoing' ? ['sent'] : []
  switch (status) {
    case 'draft':
    case 'received':
      return []
    case 'sent':
      return ['sent']
    case 'accepted':
    case 'declined':
      return [...answer, status]
    case 'in_progress':
      return [...answer, 'accepted', 'in_progress']
    case 'completed':
      return [...answer, 'accepted', 'in_progress', 'completed']
    case 'closed_unsuccessful': {
      // Never answered (outgoing only), stopped before the service began, or stopped during it.
      const ways: ReferralStatus[][] = [['accepted'], ['accepted', 'in_progress']]
      if (direction === 'outgoing') ways.push([])
      return [...answer, ...random.pick(ways), 'closed_unsuccessful']
    }
  }
}

function directionFor(status: ReferralStatus, random: SeededRandom): ReferralDirection {
  if (status === 'received') return 'incoming'
  if (status === 'draft' || status === 'sent') return 'outgoing'
  return random.chance(0.15) ? 'incoming' : 'outgoing'
}

/** Step dates after `start`, squeezed proportionally when they would run past `end`. */
function stepDates(path: ReferralStatus[], start: string, end: string, random: SeededRandom): string[] {
  const gaps = path.map((status) => random.int(...GAP[status]))
  const total = gaps.reduce((sum, gap) => sum + gap, 0)
  const room = Math.max(0, daysBetween(start, end))
  const scale = total > room ? room / total : 1
  let offset = 0
  return gaps.map((gap) => {
    offset += gap
    return addDays(start, Math.floor(offset * scale))
  })
}

function followUp(kind: FollowUpKind, referralDate: string, today: string, random: SeededRandom) {
  if (kind === 'none') return null
  if (kind === 'thisWeek') return addDays(today, random.int(0, 6))
  if (kind === 'later') return addDays(today, random.int(8, 60))
  const overdue = addDays(today, -random.int(1, 30))
  const past = overdue > referralDate ? overdue : addDays(today, -1)
  // Never before the referral itself (main refuses that): a referral made today is due today.
  return past >= referralDate ? past : referralDate
}

function consentFor(givenOn: string, minor: boolean, random: SeededRandom): ReferralConsentPlan {
  const categories: ConsentCategory[] = ['identity', 'referralNotes']
  if (random.chance(0.8)) categories.push('contactDetails')
  for (const extra of CONSENT_EXTRAS) if (random.chance(0.4)) categories.push(extra)
  // Sometimes less is shared than was agreed (only what this service needs).
  const shared = random.chance(0.2) ? categories.filter((c, i) => i < 2 || random.chance(0.5)) : undefined
  return { givenBy: minor ? 'guardian' : 'survivor', givenOn, categories, shared }
}

export function planReferral(context: ReferralContext, random: SeededRandom): ReferralPlan {
  const { earliest, limit, today } = context
  const status = context.forcedStatus ?? random.weighted(context.caseOpen ? FOR_OPEN_CASE : FOR_CLOSED_CASE)
  const direction = directionFor(status, random)
  const recency = RECENCY[status]
  const latestStart = addDays(limit, -Math.min(7, Math.max(0, daysBetween(earliest, limit))))
  let referralDate = recency
    ? addDays(today, -random.int(...recency))
    : addDays(earliest, random.int(0, Math.max(0, daysBetween(earliest, latestStart))))
  if (referralDate < earliest) referralDate = earliest
  if (referralDate > limit) referralDate = limit

  const path = pathTo(status, direction, random)
  const dates = stepDates(path, referralDate, limit, random)
  const steps = path.map((to, index) => ({
    to,
    on: dates[index]!,
    note: random.chance(0.3) ? random.pick(REFERRAL_STEP_NOTES[to] ?? [null]) : null,
  }))
  const sentOn = steps.find((step) => step.to === 'sent')?.on
  const consentDay = sentOn ? addDays(sentOn, -random.int(0, 2)) : null
  const open = OPEN_REFERRAL_STATUSES.includes(status)
  const followUpKind: FollowUpKind =
    context.forcedFollowUp ??
    (open
      ? random.weighted<FollowUpKind>([
          ['overdue', 35],
          ['thisWeek', 30],
          ['later', 25],
          ['none', 10],
        ])
      : 'none')
  const finished = !open && status !== 'declined' ? steps.at(-1)!.on : null
  return {
    direction,
    status,
    referralDate,
    urgency: random.weighted<ReferralUrgency>([
      ['routine', 65],
      ['priority', 28],
      ['emergency', 7],
    ]),
    reason: random.weighted<ReferralReason>([
      ['AdditionalServicesRequired', 80],
      ['MigrationOrChangeOfLocation', 12],
      ['Other', 8],
    ]),
    followUpDate: open
      ? followUp(followUpKind, referralDate, today, random)
      : finished && random.chance(0.3)
        ? finished
        : null,
    consent: consentDay
      ? consentFor(consentDay < referralDate ? referralDate : consentDay, context.minor, random)
      : null,
    steps,
    outcome: open ? null : random.pick(REFERRAL_OUTCOMES[status] ?? ['Finished.']),
  }
}
