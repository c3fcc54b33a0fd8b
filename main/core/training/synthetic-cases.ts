// Synthetic, realistic-looking HTCDS cases for training vaults and benchmarks. Every code comes from
// the HTCDS code lists (checked when the tables load), names are localised by citizenship, and the
// same seed and day always give the same cases. None of it describes a real person.
import type { z } from 'zod'
import type { CaseStatus, createCaseInput } from '../../api/contract/cases'
import { addDays, daysBetween, isoDay, officeHoursOn } from './synthetic-dates'
import { syntheticExploitation } from './synthetic-exploitation'
import { NameSource } from './synthetic-names'
import { syntheticSurvivor } from './synthetic-person'
import { PerpetratorPool, type SyntheticPerpetrator } from './synthetic-perpetrators'
import { ORIGIN_WEIGHTS } from './synthetic-places'
import { SeededRandom } from './synthetic-random'
import { CLOSURE_REASONS, FIRST_NOTES, FOLLOW_UP_NOTES, REFERRAL_CLOSURE_REASONS } from './synthetic-text'

export type { SyntheticPerpetrator }

/** What a form would send to cases:create, after parsing (defaults filled in). */
export type SyntheticCaseInput = z.output<typeof createCaseInput>

export interface SyntheticComment {
  body: string
  /** ISO timestamp, on or after the intake day and never after today. */
  at: string
}

export interface SyntheticCase {
  input: SyntheticCaseInput
  status: CaseStatus
  /** Set for closed cases only, as is closedAt (ISO timestamp). */
  closureReason: string | null
  closedAt: string | null
  /** When the case was opened: the intake day, in office hours. */
  openedAt: string
  comments: SyntheticComment[]
  perpetrators: SyntheticPerpetrator[]
}

export interface SyntheticCaseOptions {
  seed: number
  /** Intake dates fall in the three years before this day (default: now). Fix it for reproducible output. */
  today?: Date
}

export const INTAKE_WINDOW_DAYS = 3 * 365
/** Share of cases old enough to close that are closed: about 30% of all cases. */
const CLOSED_SHARE = 0.32

type CaseStory = Pick<SyntheticCase, 'status' | 'closureReason' | 'closedAt' | 'comments'>

function story(intakeDate: string, openedAt: string, today: string, random: SeededRandom): CaseStory {
  const age = daysBetween(intakeDate, today)
  let status: CaseStatus = 'Active'
  let closureReason: string | null = null
  let closedAt: string | null = null
  let lastDay = today
  if (age > 60 && random.chance(CLOSED_SHARE)) {
    const referred = random.chance(0.25)
    status = referred ? 'ClosedReferred' : 'Closed'
    closureReason = random.pick(referred ? REFERRAL_CLOSURE_REASONS : CLOSURE_REASONS)
    lastDay = addDays(intakeDate, random.int(30, age))
    // Office hours' last slot: after every note written that day.
    closedAt = officeHoursOn(lastDay, 0.99, 0.99)
  } else if (age > 30 && random.chance(0.18)) {
    status = 'FollowUp'
  }
  const count = random.weighted([
    [0, 20],
    [1, 35],
    [2, 25],
    [3, 12],
    [4, 8],
  ])
  const comments: SyntheticComment[] = []
  if (count > 0) comments.push({ body: random.pick(FIRST_NOTES), at: openedAt })
  const span = daysBetween(intakeDate, lastDay)
  if (span >= 1 && count > 1) {
    const days = Array.from({ length: count - 1 }, () => random.int(1, span)).sort((a, b) => a - b)
    const bodies = random.weightedDistinct(
      FOLLOW_UP_NOTES.map((note) => [note, 1] as const),
      days.length,
    )
    days.forEach((offset, index) => {
      const at = officeHoursOn(addDays(intakeDate, offset), random.next(), random.next())
      comments.push({ body: bodies[index]!, at })
    })
  }
  return { status, closureReason, closedAt, comments }
}

/** A stateful generator: call next() for each case. Perpetrators recur across the cases it makes. */
export function createSyntheticCaseGenerator(options: SyntheticCaseOptions) {
  const random = new SeededRandom(options.seed)
  const names = new NameSource(random)
  const perpetrators = new PerpetratorPool(random, names)
  const today = isoDay(options.today ?? new Date())

  return {
    next(): SyntheticCase {
      const origin = random.weighted(ORIGIN_WEIGHTS)
      const intakeDate = addDays(today, -random.int(0, INTAKE_WINDOW_DAYS))
      const openedAt = officeHoursOn(intakeDate, random.next(), random.next())
      const survivor = syntheticSurvivor(origin, intakeDate, random, names)
      const exploitation = syntheticExploitation(origin, survivor, intakeDate, random, names)
      const { status, closureReason, closedAt, comments } = story(intakeDate, openedAt, today, random)
      return {
        input: {
          intakeDate,
          survivor: survivor.record,
          survivorAliases: survivor.aliases,
          victim: exploitation.victim,
          details: {},
          events: exploitation.events,
        },
        status,
        closureReason,
        closedAt,
        openedAt,
        comments,
        perpetrators: perpetrators.forCase(origin, exploitation.destination),
      }
    },
  }
}

export type SyntheticCaseGenerator = ReturnType<typeof createSyntheticCaseGenerator>

export function generateSyntheticCases(count: number, options: SyntheticCaseOptions): SyntheticCase[] {
  const generator = createSyntheticCaseGenerator(options)
  return Array.from({ length: count }, () => generator.next())
}
