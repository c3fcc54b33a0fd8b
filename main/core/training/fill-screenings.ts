import {
  createAssessmentInput,
  type AssessmentDetail,
  type TemplateDefinition,
} from '../../api/contract/screening'
import type { CaseworkActor, CaseworkActors } from './casework-actors'
import type { SyntheticCase } from './synthetic-cases'
import { addDays, daysBetween } from './synthetic-dates'
import type { NameSource } from './synthetic-names'
import type { SeededRandom } from './synthetic-random'
import {
  CASE_CHANNELS,
  WALK_IN_CHANNELS,
  answersAt,
  screeningForm,
  screeningProfile,
  walkInSubject,
} from './synthetic-screening'

export interface ScreeningTemplate {
  id: number
  definition: TemplateDefinition
}

const clamp = (risk: number) => Math.min(0.95, Math.max(0.05, risk))

/** The survivor as a screener notes them before any case exists. */
function subjectOf(synthetic: SyntheticCase) {
  const survivor = synthetic.input.survivor
  const birthdate = survivor.prs_Birthdate as string | undefined
  return {
    firstName: survivor.prs_FirstName as string,
    lastName: survivor.prs_SecondName as string,
    gender: survivor.prs_Gender as string,
    citizenship: (survivor.prs_Citizenship as string[])[0],
    ...(birthdate
      ? { ageYears: Math.floor(daysBetween(birthdate, synthetic.input.intakeDate) / 365.25) }
      : {}),
  }
}

/**
 * A case's screenings: one around intake (now and then made before the case existed, as a
 * walk-in, and linked when the case was opened), and for some cases 2–4 over time whose latent risk
 * drifts — mostly down as support takes hold, sometimes up — so the case's chart shows a trend.
 * Returns how many were written.
 */
export function screenCase(
  actors: CaseworkActors,
  actor: CaseworkActor,
  template: ScreeningTemplate,
  item: { caseId: number; synthetic: SyntheticCase; limit: string },
  wantRepeats: boolean,
  random: SeededRandom,
): number {
  const { caseId, synthetic, limit } = item
  const intake = synthetic.input.intakeDate
  const profile = screeningProfile(template.definition, random)
  let risk = 0.35 + 0.6 * random.next()
  let day = addDays(intake, -random.int(0, 3))
  const form = () =>
    screeningForm(template.definition, answersAt(template.definition, profile, risk, random), random)

  actors.at(day)
  if (random.chance(0.12)) {
    const walkIn = actor.assessments.create(
      createAssessmentInput.parse({
        templateId: template.id,
        subject: subjectOf(synthetic),
        assessedOn: day,
        channel: random.pick(['walkIn', 'hotline'] as const),
        ...form(),
      }),
    )
    actors.at(intake)
    actor.assessments.linkToCase(walkIn.id, caseId)
  } else {
    actor.assessments.create(
      createAssessmentInput.parse({
        templateId: template.id,
        caseId,
        assessedOn: day,
        channel: random.weighted(CASE_CHANNELS),
        ...form(),
      }),
    )
  }
  let written = 1
  if (daysBetween(intake, limit) < 60 || !(wantRepeats || random.chance(0.35))) return written
  const repeats = random.int(1, 3)
  for (let i = 0; i < repeats; i += 1) {
    day = addDays(day, random.int(30, 120))
    if (day > limit) break
    risk = clamp(risk + (random.chance(0.75) ? -random.int(8, 25) / 100 : random.int(5, 20) / 100))
    actors.at(day)
    actor.assessments.create(
      createAssessmentInput.parse({
        templateId: template.id,
        caseId,
        assessedOn: day,
        channel: 'caseReview',
        ...form(),
      }),
    )
    written += 1
  }
  return written
}

/** Someone screened at the drop-in, on the hotline or by outreach, with no case (yet). */
export function screenWalkIn(
  actors: CaseworkActors,
  actor: CaseworkActor,
  template: ScreeningTemplate,
  today: string,
  names: NameSource,
  random: SeededRandom,
  /** The vault's first walk-in was screened today, so the dashboard's month is never empty. */
  screenedToday = false,
): AssessmentDetail {
  const daysAgo = random.weighted<readonly [number, number]>([
    [[0, 30], 3],
    [[31, 365], 4],
    [[366, 1000], 3],
  ])
  const day = addDays(today, screenedToday ? 0 : -random.int(...daysAgo))
  const profile = screeningProfile(template.definition, random)
  const answers = answersAt(template.definition, profile, random.next(), random)
  actors.at(day)
  return actor.assessments.create(
    createAssessmentInput.parse({
      templateId: template.id,
      subject: walkInSubject(random, names),
      assessedOn: day,
      channel: random.weighted(WALK_IN_CHANNELS),
      ...screeningForm(template.definition, answers, random),
    }),
  )
}
