import { CaseVaultError } from '../errors'
import {
  factorAnswers,
  yesNoAnswers,
  type Answers,
  type TemplateDefinition,
  type TemplateQuestion,
} from '../../api/contract/screening'

interface AnswerIssue {
  path: string
  code: string
  message: string
}

function issueFor(question: TemplateQuestion, value: string): AnswerIssue | null {
  const path = `answers.${question.key}`
  if (question.type === 'factor' && !(factorAnswers as readonly string[]).includes(value))
    return { path, code: 'invalid_answer', message: `one of ${factorAnswers.join(', ')}` }
  if (question.type === 'yesNo' && !(yesNoAnswers as readonly string[]).includes(value))
    return { path, code: 'invalid_answer', message: `one of ${yesNoAnswers.join(', ')}` }
  return null
}

/**
 * Checks answers against the exact template version used and returns them normalised (text
 * trimmed, empty answers dropped). Unanswered questions are allowed: a screener asks what is safe
 * to ask. Throws one VALIDATION error listing every bad answer; messages never echo the value.
 */
export function checkAnswers(template: TemplateDefinition, answers: Answers): Answers {
  const questions = new Map(
    template.sections.flatMap((section) => section.questions.map((question) => [question.key, question])),
  )
  const issues: AnswerIssue[] = []
  const normalised: Answers = {}
  for (const [key, raw] of Object.entries(answers)) {
    const question = questions.get(key)
    if (!question) {
      issues.push({
        path: `answers.${key}`,
        code: 'unknown_question',
        message: 'not in this template version',
      })
      continue
    }
    const value = question.type === 'text' ? raw.trim() : raw
    if (value === '') continue
    const issue = issueFor(question, value)
    if (issue) issues.push(issue)
    else normalised[key] = value
  }
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some answers are not valid.', { issues })
  return normalised
}
