import { ApiError } from '../../api-error'
import { EMPTY_EVENT } from '../../../../main/api/contract/cases'
import { caseDateMessage, type Translate } from '../validation-message'

/** One entry of a VALIDATION error's details.issues, as main sends it (path like survivor.prs_Gender). */
export interface ServerIssue {
  path: string
  code: string
}

export function serverIssuesOf(error: unknown): ServerIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return []
  const issues = error.details?.issues
  if (!Array.isArray(issues)) return []
  return issues.flatMap((issue: unknown) => {
    if (issue === null || typeof issue !== 'object') return []
    const { path, code } = issue as Record<string, unknown>
    return typeof path === 'string' && typeof code === 'string' ? [{ path, code }] : []
  })
}

/** Main's messages are English for logs; the person reads one chosen by the issue's code. */
export function serverIssueMessage(issue: ServerIssue, t: Translate): string {
  if (
    issue.code === 'required' &&
    /(^|\.)prs_FirstName$/.test(issue.path) &&
    issue.path.startsWith('survivor')
  ) {
    return t('validation.nameOrAlias')
  }
  const dates = caseDateMessage(issue.code, t)
  if (dates) return dates
  switch (issue.code) {
    case 'required':
      return t('validation.required')
    case 'invalid_date':
      return t('validation.date')
    case 'invalid_value':
      return t('validation.chooseOne')
    case 'invalid_assignee':
      return t('caseForm.invalidAssignee')
    case 'deprecated':
      return t('caseForm.deprecatedField')
    case 'before_referral_date':
      return t('validation.beforeReferralDate')
    case 'before_previous_step':
      return t('validation.beforePreviousStep')
    case 'unstorable_text':
      return t('validation.unstorableText')
    case EMPTY_EVENT:
      return t('validation.emptyEvent')
    case 'before_consent_given':
      return t('validation.beforeConsentGiven')
    default:
      return t('validation.invalid')
  }
}

/**
 * Main names one alias (`survivorAliases.0`, a perpetrator's `aliases.0`); the forms have one
 * field for them all. Kept as is, the error went to no field: nothing was marked or described,
 * and focus had nowhere to go.
 */
function fieldPathOf(path: string): string {
  return path.replace(/^(survivorAliases|aliases)\.\d+$/, '$1')
}

/**
 * The form errors for a failed save: field path → message (the first per field). `toFormPath`
 * turns main's path into the form's where they differ (events.0.hte_Date → events.0.record.hte_Date).
 */
export function serverFieldErrors(
  error: unknown,
  t: Translate,
  toFormPath: (path: string) => string = (path) => path,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of serverIssuesOf(error)) {
    const path = toFormPath(fieldPathOf(issue.path))
    errors[path] ??= serverIssueMessage(issue, t)
  }
  return errors
}
