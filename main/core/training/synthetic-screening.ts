// Synthetic screenings with the shipped template. Each person gets a fixed "profile" (one draw per
// question) and a latent risk between 0 and 1; answers are read off the profile at that risk, so a
// repeat screening with a lower risk turns some risk factors into neutral or protective ones and the
// case's chart shows a believable trend rather than noise.
import {
  computeOutcome,
  type Answers,
  type CreateAssessmentInput,
  type NextStep,
  type RiskLevel,
  type ScreeningChannel,
  type ScreeningSubjectInput,
  type TemplateDefinition,
} from '../../api/contract/screening'
import type { SeededRandom, Weighted } from './synthetic-random'
import { sexOf } from './synthetic-person'
import type { NameSource } from './synthetic-names'
import { GENDER } from './synthetic-codes'
import type { OriginCountry } from './synthetic-places'
import { ORIGIN_WEIGHTS } from './synthetic-places'

const NOTES = [
  'Answered through an interpreter; some questions left for a later conversation.',
  'Person was anxious; short screening, safety questions first.',
  'Reports that documents are kept by the employer.',
  'Family back home depends on the money sent each month.',
  'Has a friend in the city who offered a place to stay.',
]

const JUDGEMENT_REASONS = [
  'Screener’s judgement: the person’s account of threats weighs more than the score shows.',
  'Screener’s judgement: strong family support now in place, risk lower than the score suggests.',
  'Answers given in a hurry; level set after talking with the supervisor.',
]

/** One draw per question, kept for the person's later screenings. */
export type ScreeningProfile = ReadonlyMap<string, { u: number; v: number; skip: boolean }>

export function screeningProfile(template: TemplateDefinition, random: SeededRandom): ScreeningProfile {
  const profile = new Map<string, { u: number; v: number; skip: boolean }>()
  for (const section of template.sections)
    for (const question of section.questions)
      profile.set(question.key, { u: random.next(), v: random.next(), skip: random.chance(0.08) })
  return profile
}

/** The answers of someone with this profile at latent risk `risk` (0 = safe, 1 = in danger). */
export function answersAt(
  template: TemplateDefinition,
  profile: ScreeningProfile,
  risk: number,
  random: SeededRandom,
): Answers {
  const answers: Answers = {}
  for (const section of template.sections) {
    for (const question of section.questions) {
      const draw = profile.get(question.key)!
      if (draw.skip) continue
      if (question.type === 'factor') {
        if (draw.u < 0.7 * risk) answers[question.key] = 'risk'
        else if (draw.u > 1 - 0.55 * (1 - risk)) answers[question.key] = 'protective'
        else answers[question.key] = draw.v < 0.12 ? 'unknown' : 'neither'
      } else if (question.type === 'yesNo') {
        // "Yes" to a risk question (critical ones make the level high) only when risk is high.
        const yes = question.yesMeans === 'risk' ? draw.u < 0.35 * risk * risk : draw.u < 1 - 0.7 * risk
        answers[question.key] = draw.v < 0.05 ? 'unknown' : yes ? 'yes' : 'no'
      } else if (random.chance(0.15)) {
        answers[question.key] = random.pick(NOTES)
      }
    }
  }
  return answers
}

const OTHER_LEVEL: Record<RiskLevel, RiskLevel> = { low: 'medium', medium: 'high', high: 'medium' }

/** The form's fields other than who and when: answers, the screener's judgement, the next step. */
export function screeningForm(
  template: TemplateDefinition,
  answers: Answers,
  random: SeededRandom,
): Pick<CreateAssessmentInput, 'answers' | 'judgementLevel' | 'judgementReason' | 'nextStep'> {
  const outcome = computeOutcome(template, answers)
  // Now and then the screener disagrees with the rules and says why (the form requires a reason).
  const judged = random.chance(0.08) ? OTHER_LEVEL[outcome.computedLevel] : null
  const nextStep: NextStep =
    judged === 'high' && outcome.suggestedNextStep !== 'urgentProtection'
      ? 'openCase'
      : outcome.suggestedNextStep
  return {
    answers,
    judgementLevel: judged,
    ...(judged ? { judgementReason: random.pick(JUDGEMENT_REASONS) } : {}),
    nextStep,
  }
}

export const CASE_CHANNELS: Weighted<ScreeningChannel> = [
  ['referral', 4],
  ['outreach', 3],
  ['walkIn', 2],
  ['hotline', 2],
]

export const WALK_IN_CHANNELS: Weighted<ScreeningChannel> = [
  ['walkIn', 5],
  ['hotline', 3],
  ['outreach', 2],
]

/** A person screened without a case: a name or alias and a few facts, as a screener would note. */
export function walkInSubject(random: SeededRandom, names: NameSource): ScreeningSubjectInput {
  const origin: OriginCountry = random.weighted(ORIGIN_WEIGHTS)
  const gender = random.weighted(GENDER)
  const name = names.person(origin.names, sexOf(gender, random), origin.familyNames)
  const knownAs = random.chance(0.15)
  return {
    ...(knownAs ? { alias: name.first } : { firstName: name.first, lastName: name.last }),
    gender,
    ageYears: random.int(15, 55),
    citizenship: origin.code,
    ...(random.chance(0.3) ? { contactNote: 'Prefers a call after 6 pm; do not leave messages.' } : {}),
  }
}
