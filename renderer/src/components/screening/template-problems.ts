import { useI18n } from 'vue-i18n'
import type { z } from 'zod'
import type { TemplateDefinition } from '../../../../main/api/contract'
import { validationMessage } from '../../forms/validation-message'
import { useScreeningLabels } from './labels'

/** One problem of a template draft, in words, with the question and field it is about (if any). */
export interface TemplateProblem {
  text: string
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

  return (draft: TemplateDefinition, issues: readonly z.core.$ZodIssue[]): TemplateProblem[] =>
    issues.map((issue) => {
      const [first, section, , question, field] = issue.path
      const problem = validationMessage(issue, valueAt(draft, issue.path), t)
      if (typeof section === 'number' && typeof question === 'number') {
        const where = `${labels.section(draft.sections[section]!.level)}, ${t('screening.templates.questionNumber', { number: question + 1 })}`
        const label = fieldLabel(field)
        return {
          text: t('screening.templates.invalid', {
            problem: `${where}: ${label ? `${label} — ` : ''}${problem}`,
          }),
          section,
          question,
          field: typeof field === 'string' ? field : undefined,
        }
      }
      const label = fieldLabel(first)
      return {
        text: t('screening.templates.invalid', { problem: label ? `${label} — ${problem}` : problem }),
      }
    })
}
