import {
  computeOutcome,
  createAssessmentInput,
  judgementNeedsReason,
  type CreateAssessmentInput,
  type TemplateDefinition,
} from '../../../../main/api/contract'

/** Marks the "a differing judgement needs a reason" check, so the form can say exactly that. */
export const REASON_REQUIRED = 'reason_required'

/**
 * The contract's own input schema plus the one rule that needs the template: a judgement that
 * differs from the computed level needs a reason. Main checks the same again on save.
 */
export function screeningFormSchema(template: TemplateDefinition | null) {
  return createAssessmentInput.superRefine((input, context) => {
    if (!template) return
    const { computedLevel } = computeOutcome(template, input.answers)
    if (judgementNeedsReason(computedLevel, input.judgementLevel) && !input.judgementReason)
      context.addIssue({
        code: 'custom',
        path: ['judgementReason'],
        params: { code: REASON_REQUIRED },
        message: REASON_REQUIRED,
      })
  })
}

/** Today as yyyy-mm-dd in the screener's own time zone (not UTC). */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * Whether the screener typed anything: answers, the person's details, a judgement or a note. The
 * template and date are set for them, so the form's own dirty flag is on from the start and
 * cannot tell whether leaving would lose work.
 */
export function screenerTyped(
  values: Partial<CreateAssessmentInput> & { judgementReason?: string; nextStepNote?: string },
): boolean {
  const { answers, subject, judgementReason, nextStepNote } = values
  const subjectTyped = Object.values(subject ?? {}).some((value) => value !== undefined && value !== '')
  return Object.keys(answers ?? {}).length > 0 || subjectTyped || Boolean(judgementReason || nextStepNote)
}
