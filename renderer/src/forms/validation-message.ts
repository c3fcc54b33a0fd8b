import type { z } from 'zod'
import { HIDDEN_CHARACTERS } from '../../../main/api/contract/common'
import { EMPTY_EVENT } from '../../../main/api/contract/cases'
import { EARLIEST_INTAKE_DATE } from '../../../main/api/contract/dates'
import { BIRTH_AFTER_SCREENING } from '../../../main/api/contract/screening'
import {
  CRITICAL_NEVER_RISK,
  NO_QUESTIONS,
  QUESTION_KEY_FORMAT,
  QUESTION_KEY_RESERVED,
  QUESTION_KEY_TAKEN,
} from '../../../main/api/contract/screening-template'

export type Translate = (key: string, named?: Record<string, unknown>) => string

/** Marks the refine that compares a passphrase with its repetition (see schemas.ts). */
export const MISMATCH_PARAM = 'passphraseMismatch'

/** Marks the case forms' "a name or an alias is required" check (forms/htcds/case-form-schemas.ts). */
export const NAME_OR_ALIAS_CODE = 'name_or_alias'

/** The screening and template rules (contract/screening*.ts), by the params.code they mark. */
function screeningMessage(code: unknown, t: Translate): string | null {
  switch (code) {
    case BIRTH_AFTER_SCREENING:
      return t('screening.form.birthAfterScreening')
    case QUESTION_KEY_FORMAT:
      return t('screening.templates.problems.keyFormat')
    case QUESTION_KEY_TAKEN:
      return t('screening.templates.problems.keyTaken')
    case QUESTION_KEY_RESERVED:
      return t('screening.templates.problems.keyReserved')
    case CRITICAL_NEVER_RISK:
      return t('screening.templates.problems.criticalNeverRisk')
    case NO_QUESTIONS:
      return t('screening.templates.problems.noQuestions')
    default:
      return null
  }
}

/** The case date rules (contract/dates.ts), by their code: from the form's own check or from main. */
export function caseDateMessage(code: string, t: Translate): string | null {
  switch (code) {
    case 'date_in_future':
    case 'future_date': // a screening's date (assessment-service.ts)
      return t('validation.dateInFuture')
    case 'date_too_early':
      return t('validation.dateTooEarly', { date: EARLIEST_INTAKE_DATE })
    case 'birth_after_intake':
      return t('validation.birthAfterIntake')
    case 'birth_too_early':
      return t('validation.birthTooEarly', { years: 120 })
    case 'older_than_at_intake':
      return t('validation.olderThanAtIntake')
    case 'before_birth':
      return t('validation.beforeBirth')
    default:
      return null
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/**
 * A zod issue in the reader's language. Zod's own English text is never shown: every branch
 * maps to an i18n key, with the limit (min, max) taken from the issue.
 */
export function validationMessage(issue: z.core.$ZodIssue, fieldValue: unknown, t: Translate): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return t('validation.atLeast', { min: Number(issue.minimum) })
      return isBlank(fieldValue)
        ? t('validation.required')
        : t('validation.tooShort', { min: Number(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'number') return t('validation.atMost', { max: Number(issue.maximum) })
      return t('validation.tooLong', { max: Number(issue.maximum) })
    case 'invalid_format':
      // The only pattern in the contract's form schemas is the username's (a question key's rule
      // is a refine marked with params.code: see screeningMessage).
      return issue.format === 'regex' ? t('validation.usernameFormat') : t('validation.invalid')
    case 'invalid_type':
      if (isBlank(fieldValue)) return t('validation.required')
      if (issue.expected === 'int') return t('validation.wholeNumber')
      // NaN: a number field holding text that is no number (HtcdsField.vue).
      return issue.expected === 'number' ? t('validation.number') : t('validation.invalid')
    case 'invalid_value':
      return t('validation.chooseOne')
    case 'custom':
      if (issue.params?.[MISMATCH_PARAM] === true) return t('validation.passphraseMismatch')
      // HTCDS dates (contract/htcds.ts) and the case forms mark their checks with params.code.
      if (issue.params?.code === 'invalid_date') return t('validation.date')
      if (issue.params?.code === NAME_OR_ALIAS_CODE) return t('validation.nameOrAlias')
      // The referral contract's own checks (contract/referrals.ts).
      if (issue.params?.code === 'organisation_required') return t('validation.organisationRequired')
      if (issue.params?.code === 'end_before_start') return t('validation.endBeforeStart')
      if (issue.params?.code === EMPTY_EVENT) return t('validation.emptyEvent')
      if (issue.params?.code === HIDDEN_CHARACTERS) return t('validation.hiddenCharacters')
      if (issue.params?.code === 'plan_end_required') return t('validation.planEndRequired')
      if (issue.params?.code === 'active_plan_has_end') return t('validation.activePlanHasEnd')
      return (
        screeningMessage(issue.params?.code, t) ??
        caseDateMessage(String(issue.params?.code), t) ??
        t('validation.invalid')
      )
    default:
      return t('validation.invalid')
  }
}
