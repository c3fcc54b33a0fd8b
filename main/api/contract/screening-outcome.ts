import type {
  Answers,
  AssessmentLevel,
  RiskLevel,
  TemplateDefinition,
  TemplateQuestion,
} from './screening-template'

/**
 * The outcome rules of a screening, as one pure function. It lives in the contract (no imports
 * but types) so main, which stores the result, and the form's live result panel compute exactly
 * the same thing; main never trusts a result sent by the window.
 */

export const nextSteps = [
  'noFurtherAction',
  'monitor',
  'referToServices',
  'openCase',
  'urgentProtection',
] as const
export type NextStep = (typeof nextSteps)[number]

export interface LevelOutcome {
  level: AssessmentLevel
  riskCount: number
  riskWeight: number
  protectiveCount: number
  protectiveWeight: number
  unknownCount: number
  answeredCount: number
  questionCount: number
}

export interface AssessmentOutcome {
  levels: LevelOutcome[]
  riskWeight: number
  protectiveWeight: number
  /** Risk weight minus protective weight, never below 0: protective factors mitigate, not erase. */
  score: number
  /** Keys of critical questions answered as a risk. */
  criticalRisks: string[]
  computedLevel: RiskLevel
  suggestedNextStep: NextStep
}

type Side = 'risk' | 'protective' | 'unknown' | null

/** What one answer is evidence of. A "no" to a yes/no question is evidence of nothing. */
export function answerSide(question: TemplateQuestion, answer: string | undefined): Side {
  if (answer === undefined || answer === '') return null
  if (question.type === 'factor') {
    if (answer === 'risk' || answer === 'protective' || answer === 'unknown') return answer
    return null
  }
  if (question.type === 'yesNo') {
    if (answer === 'yes') return question.yesMeans ?? null
    return answer === 'unknown' ? 'unknown' : null
  }
  return null
}

export function levelFromScore(score: number, thresholds: TemplateDefinition['thresholds']): RiskLevel {
  if (score >= thresholds.highAt) return 'high'
  if (score >= thresholds.mediumAt) return 'medium'
  return 'low'
}

export function suggestNextStep(level: RiskLevel, hasCriticalRisk: boolean, riskWeight: number): NextStep {
  if (hasCriticalRisk) return 'urgentProtection'
  if (level === 'high') return 'openCase'
  if (level === 'medium') return 'referToServices'
  return riskWeight > 0 ? 'monitor' : 'noFurtherAction'
}

export function computeOutcome(template: TemplateDefinition, answers: Answers): AssessmentOutcome {
  const criticalRisks: string[] = []
  const levels = template.sections.map((section): LevelOutcome => {
    const outcome: LevelOutcome = {
      level: section.level,
      riskCount: 0,
      riskWeight: 0,
      protectiveCount: 0,
      protectiveWeight: 0,
      unknownCount: 0,
      answeredCount: 0,
      questionCount: section.questions.length,
    }
    for (const question of section.questions) {
      // Own answers only: a question keyed "constructor" read Object.prototype's, and crashed.
      const answer = Object.hasOwn(answers, question.key) ? answers[question.key] : undefined
      if (answer !== undefined && answer.trim() !== '') outcome.answeredCount += 1
      const side = answerSide(question, answer)
      if (side === 'risk') {
        outcome.riskCount += 1
        outcome.riskWeight += question.weight
        if (question.critical) criticalRisks.push(question.key)
      } else if (side === 'protective') {
        outcome.protectiveCount += 1
        outcome.protectiveWeight += question.weight
      } else if (side === 'unknown') {
        outcome.unknownCount += 1
      }
    }
    return outcome
  })
  const riskWeight = levels.reduce((sum, level) => sum + level.riskWeight, 0)
  const protectiveWeight = levels.reduce((sum, level) => sum + level.protectiveWeight, 0)
  const score = Math.max(0, riskWeight - protectiveWeight)
  const computedLevel = criticalRisks.length > 0 ? 'high' : levelFromScore(score, template.thresholds)
  return {
    levels,
    riskWeight,
    protectiveWeight,
    score,
    criticalRisks,
    computedLevel,
    suggestedNextStep: suggestNextStep(computedLevel, criticalRisks.length > 0, riskWeight),
  }
}

/** The screener may judge differently from the rules, but then must say why. */
export function judgementNeedsReason(computed: RiskLevel, judged: RiskLevel | null | undefined): boolean {
  return judged !== null && judged !== undefined && judged !== computed
}
