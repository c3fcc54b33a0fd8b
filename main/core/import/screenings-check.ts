// Checks the screenings of one imported case (the full HTCDS export's shape: full-records-screenings.ts;
// the CSV archive's screenings.csv is read into the same shape by screenings-csv.ts) as main checks a
// new screening (assessment-service.ts): the template version it names (screening-templates-import.ts),
// its answers against that version (answersSchema, then checkAnswers), its date (not in the future,
// not before 1950), a judgement that differs from the computed level only with its reason. The
// outcome is computed again here from the template and the answers: a file's numbers are never
// taken. The walk-in's own details (subject), as a new screening's (screening-subject-check.ts). The
// screener is matched by user name, and left empty when that user is not here (as the people of
// referrals are). A problem rejects the case's row, as any casework problem does; reasons
// never echo an answer.
import { z } from 'zod'
import type { ImportRowError } from '../../api/contract/import'
import { EARLIEST_INTAKE_DATE, intakeDateProblem } from '../../api/contract/dates'
import {
  answersSchema,
  computeOutcome,
  factorAnswers,
  judgementNeedsReason,
  nextSteps,
  questionKeySchema,
  riskLevelSchema,
  screeningChannels,
  yesNoAnswers,
  type AssessmentOutcome,
  type ScreeningSubject,
  type TemplateDefinition,
} from '../../api/contract/screening'
import { isCaseVaultError } from '../errors'
import { checkAnswers } from '../screening/answer-check'
import type { CaseworkItem } from './casework-check'
import { date, referralKeySchema, text } from './casework-schemas'
import { isRealDate } from './iso-date'
import { reason, rowProblemOf, type ImportReason } from './import-reasons'
import type { ImportTemplates, TemplateMatch } from './screening-templates-import'
import { checkedSubject } from './screening-subject-check'

/** An ISO 8601 date and time, as CaseVault writes them. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/
const dateTime = z
  .string()
  .refine(
    (value) => ISO_TIME.test(value) && isRealDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value)),
    {
      params: { code: 'notADateTime' },
    },
  )
  .nullish()
  .transform((value) => (value ? new Date(value).toISOString() : null))

/** The highest template version a file may name (as many as the CSV's 9 digits). */
export const MAX_TEMPLATE_VERSION = 999_999_999

/** A screening's fields but its answers (checked against its template below). */
export const screeningSchema = z.object({
  // `S1`…: what a referral of the case names it by (absent in files from before it travelled).
  key: referralKeySchema.nullish().transform((value) => value ?? null),
  templateKey: z.string().min(1).max(60),
  // A number in JSON, text in a CSV cell.
  templateVersion: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{1,9}$/)
        .transform(Number),
    ])
    // At most 9 digits in both formats: a version of 2^53 - 1 left no room for the next edit.
    .pipe(z.number().int().min(1).max(MAX_TEMPLATE_VERSION)),
  assessedOn: date,
  channel: z.enum(screeningChannels),
  screener: text(200),
  judgementLevel: riskLevelSchema.nullish().transform((value) => value ?? null),
  judgementReason: text(5000),
  nextStep: z.enum(nextSteps),
  nextStepNote: text(5000),
  linkedAt: dateTime,
})

export interface ScreeningCandidate {
  key: string | null
  template: Extract<TemplateMatch, { kind: 'usable' }>
  assessedOn: string
  channel: (typeof screeningChannels)[number]
  screenerUserId: number | null
  /** Normalised by checkAnswers, as JSON. */
  answers: string
  outcome: AssessmentOutcome
  judgementLevel: z.output<typeof riskLevelSchema> | null
  judgementReason: string | null
  nextStep: (typeof nextSteps)[number]
  nextStepNote: string | null
  linkedAt: string | null
  /** The walk-in's details as given at the screening; null for one made on a case. */
  subject: ScreeningSubject | null
}

/** What the checks need of the import's DraftContext (case-candidate.ts). */
export interface ScreeningContext {
  /** Lower-cased user name → id, every user. */
  authors: ReadonlyMap<string, number>
  screeningTemplates?: ImportTemplates | undefined
  /** The last day a screening may be dated (as for intake dates). */
  latestIntake: string
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
/** An answer's key names its field only when it could be a question's key: never a file's text. */
const answerPath = (key: PropertyKey | undefined) =>
  typeof key === 'string' && questionKeySchema.safeParse(key).success ? `answers.${key}` : 'answers'

function fieldReason(issue: z.core.$ZodIssue, value: unknown): ImportReason {
  switch (issue.code) {
    case 'invalid_value':
      return reason('notOneOf', { values: issue.values.map(String).join(', ') })
    case 'invalid_type':
      if (value === undefined || value === null) return reason('required')
      return issue.expected === 'string' ? reason('expectedText') : reason('notValid')
    case 'too_big':
      return issue.origin === 'string'
        ? reason('textTooLong', { max: Number(issue.maximum) })
        : reason('aboveMaximum', { max: Number(issue.maximum) })
    case 'too_small':
      return issue.origin === 'string'
        ? reason('required')
        : reason('belowMinimum', { min: Number(issue.minimum) })
    case 'custom':
      return issue.params?.code === 'notADateTime' ? reason('notADateTime') : reason('notADate')
    default:
      return reason('notValid')
  }
}

/** The answers as main takes them (answersSchema, then checkAnswers), or the reasons they fail. */
function checkedAnswers(
  raw: unknown,
  template: TemplateDefinition,
  problem: (path: string, cause: ImportReason) => void,
): Record<string, string> | null {
  if (raw === undefined || raw === null) return {}
  if (!isObject(raw)) {
    problem('answers', reason('notAFieldObject'))
    return null
  }
  // A key no question can have ("__proto__" among them, which a record schema may pass over
  // silently) is refused as one problem, never named: it is the file's text.
  if (Object.keys(raw).some((key) => !questionKeySchema.safeParse(key).success)) {
    problem('answers', reason('unknownQuestion'))
    return null
  }
  const parsed = answersSchema.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'invalid_key') problem('answers', reason('unknownQuestion'))
      else if (issue.code === 'custom') problem('answers', reason('aboveMaximum', { max: 300 }))
      else {
        const key = String(issue.path[0] ?? '')
        problem(answerPath(key), fieldReason(issue, Object.hasOwn(raw, key) ? raw[key] : undefined))
      }
    }
    return null
  }
  try {
    return checkAnswers(template, parsed.data)
  } catch (error) {
    if (!isCaseVaultError(error)) throw error
    const questions = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.key, q.type])))
    const issues = (error.details?.issues ?? []) as { path: string; code: string }[]
    for (const issue of issues) {
      const key = issue.path.slice('answers.'.length)
      const values = questions.get(key) === 'factor' ? factorAnswers : yesNoAnswers
      problem(
        answerPath(key),
        issue.code === 'unknown_question'
          ? reason('unknownQuestion')
          : reason('notOneOf', { values: values.join(', ') }),
      )
    }
    return null
  }
}

/** The keys the case's screenings are given (valid or not), for its referrals to name. */
export function screeningKeys(items: readonly CaseworkItem[] | undefined): Set<string> {
  const keys = new Set<string>()
  for (const item of items ?? []) {
    const given = isObject(item.value) ? referralKeySchema.safeParse(item.value.key) : null
    if (given?.success) keys.add(given.data)
  }
  return keys
}

/**
 * Checks every screening of the case; problems go to `errors` (tied to the case's row), and then
 * the result is null.
 */
export function checkScreenings(
  items: readonly CaseworkItem[],
  context: ScreeningContext,
  row: number,
  errors: ImportRowError[],
): ScreeningCandidate[] | null {
  const before = errors.length
  const keys = new Set<string>()
  const candidates = items.map((item): ScreeningCandidate | null => {
    const problem = (path: string, cause: ImportReason) =>
      errors.push(rowProblemOf(row, item.at(path), cause))
    if (!isObject(item.value)) {
      problem('', reason('notAnObject'))
      return null
    }
    const source = item.value
    const parsed = screeningSchema.safeParse(source)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '')
        problem(field, fieldReason(issue, source[field]))
      }
      return null
    }
    const screening = parsed.data
    if (screening.key !== null) {
      if (keys.has(screening.key)) problem('key', reason('screeningKeyTwice'))
      keys.add(screening.key)
    }
    const day = intakeDateProblem(screening.assessedOn, context.latestIntake)
    if (day === 'date_in_future') problem('assessedOn', reason('dateInFuture'))
    if (day === 'date_too_early')
      problem('assessedOn', reason('dateTooEarly', { date: EARLIEST_INTAKE_DATE }))
    const subject = checkedSubject(source.subject, screening.assessedOn, problem)
    const template = context.screeningTemplates?.match(screening.templateKey, screening.templateVersion)
    if (!template) return (problem('templateKey', reason('screeningTemplateUnknown')), null)
    if (template.kind === 'notValid')
      return (problem('templateKey', reason('screeningTemplateNotValid')), null)
    if (template.kind === 'differs') {
      const { key, version } = template
      return (problem('templateVersion', reason('screeningTemplateDiffers', { key, version })), null)
    }
    const answers = checkedAnswers(source.answers, template.definition, problem)
    if (!answers) return null
    const outcome = computeOutcome(template.definition, answers)
    if (judgementNeedsReason(outcome.computedLevel, screening.judgementLevel) && !screening.judgementReason)
      problem('judgementReason', reason('judgementReasonRequired'))
    const screener = screening.screener
      ? (context.authors.get(screening.screener.toLowerCase()) ?? null)
      : null
    return {
      key: screening.key,
      template,
      assessedOn: screening.assessedOn,
      channel: screening.channel,
      screenerUserId: screener,
      answers: JSON.stringify(answers),
      outcome,
      judgementLevel: screening.judgementLevel,
      judgementReason: screening.judgementReason,
      nextStep: screening.nextStep,
      nextStepNote: screening.nextStepNote,
      linkedAt: screening.linkedAt,
      subject,
    }
  })
  if (errors.length > before) return null
  return candidates.filter((candidate) => candidate !== null)
}
