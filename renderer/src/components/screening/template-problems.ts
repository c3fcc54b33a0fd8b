import { useI18n } from 'vue-i18n'
import type { z } from 'zod'
import type { TemplateDefinition } from '../../../../main/api/contract'
import { validationMessage } from '../../forms/validation-message'
import { useScreeningLabels } from './labels'

/**
 * One problem of a template draft: what is wrong, in words, and the question and field it is about
 * (if any). Its place is worded only when said (sayProblem): a question moved after the check
 * had been named by the number it left.
 */
export interface TemplateProblem {
  message: string
  section?: number
  question?: number
  field?: string
}

/**
 * Words for the template editor's problems. Paths like sections.0.questions.2.text are read as
 * "Individual, Question 3: Question", said as the forms say it (validation-message.ts): zod's own
 * English, and the code's path ("sections"), had been shown.
 */
export function useTemplateProblems() {
  const { t } = useI18n()
  const labels = useScreeningLabels()

  /** A template or question field by its label on this screen; none for the whole template. */
  function fieldLabel(field: PropertyKey | undefined): string | null {
    switch (field) {
      case 'text':
      case 'key':
      case 'help':
      case 'type':
      case 'weight':
      case 'yesMeans':
      case 'critical':
      case 'name':
      case 'description':
      case 'thresholds':
        return t(`screening.templates.${field}`)
      default:
        return null
    }
  }

  function valueAt(draft: TemplateDefinition, path: readonly PropertyKey[]): unknown {
    let at: unknown = draft
    for (const step of path)
      at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[step] : undefined
    return at
  }

  /** The problems of a draft, from the issues of its check. */
  function findProblems(draft: TemplateDefinition, issues: readonly z.core.$ZodIssue[]): TemplateProblem[] {
    return issues.map((issue) => {
      const [first, section, , question, field] = issue.path
      const message = validationMessage(issue, valueAt(draft, issue.path), t)
      if (typeof section === 'number' && typeof question === 'number')
        return { message, section, question, field: typeof field === 'string' ? field : undefined }
      return { message, field: typeof first === 'string' ? first : undefined }
    })
  }

  /** A problem for the list: "Individual, Question 3: Key — …", numbered as the question now is. */
  function sayProblem(draft: TemplateDefinition, problem: TemplateProblem): string {
    const label = fieldLabel(problem.field)
    const what = label ? `${label} — ${problem.message}` : problem.message
    if (problem.section === undefined || problem.question === undefined)
      return t('screening.templates.invalid', { problem: what })
    const where = `${labels.section(draft.sections[problem.section]!.level)}, ${t('screening.templates.questionNumber', { number: problem.question + 1 })}`
    return t('screening.templates.invalid', { problem: `${where}: ${what}` })
  }

  return { findProblems, sayProblem }
}
