// Checks the referrals (with consents and status history) and support plans of one imported case,
// in the shape the full HTCDS export writes them (full-records.ts; the CSV archive's tables are read
// into the same shape by csv-casework.ts; schemas in casework-schemas.ts). Decisions:
// - the status history is a record of the past: each entry's statuses must be real statuses, but a
//   step the workflow would not allow today is kept as recorded; the final status must fit the
//   direction (the table refuses an incoming 'sent' or an outgoing 'received');
// - users are named by user name and kept when that user exists here, else left empty (as comments);
// - the other organisation and its service travel by name: stored as the typed organisation label
//   ("Organisation — Service", shortened to the column's 200 characters), never as a directory
//   entry the target vault may not have.
import type { z } from 'zod'
import type { ImportRowError } from '../../api/contract/import'
import type { ReferralReason } from '../../api/contract/referral-types'
import {
  consentSchema,
  referralKeySchema,
  referralSchema,
  statusChangeSchema,
  supportPlanSchema,
} from './casework-schemas'
import { reason, rowProblemOf, type ImportReason } from './import-reasons'
import { EARLIEST_INTAKE_DATE, intakeDateProblem } from '../../api/contract/dates'

/** One referral, consent, status change or plan as the file gives it, and how to name its fields. */
export interface CaseworkItem {
  value: unknown
  /** A key path (`status`, `htcds.spl_Type`; '' = the item) → what the report calls it. */
  at: (path: string) => string
}

export interface ReferralDraft extends CaseworkItem {
  consents: CaseworkItem[]
  history: CaseworkItem[]
}

export interface CaseworkDraft {
  referrals: ReferralDraft[]
  supportPlans: CaseworkItem[]
}

type User = number | null

/** The organisation label column holds 200 characters; a longer name is shortened, visibly. */
const LABEL_MAX = 200
function organisationLabel(organisation: string, service: string | null): string {
  const label = service ? `${organisation} — ${service}` : organisation
  return label.length <= LABEL_MAX ? label : `${label.slice(0, LABEL_MAX - 1)}…`
}

export interface ReferralCandidate {
  referral: z.output<typeof referralSchema>
  /** The organisation label stored: its name, and the service's when there is one. */
  organisationName: string
  /** From the HTCDS view of the referral's direction. */
  reason: ReferralReason | null
  details: string | null
  primaryUserId: User
  consents: (z.output<typeof consentSchema> & { recordedById: User })[]
  history: (z.output<typeof statusChangeSchema> & { changedById: User })[]
}

export interface SupportPlanCandidate {
  plan: z.output<typeof supportPlanSchema>
  /** Position of its referral among the case's referrals, or null. */
  referralIndex: number | null
}

export interface CaseworkCandidate {
  referrals: ReferralCandidate[]
  supportPlans: SupportPlanCandidate[]
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value
  for (const step of path) {
    if (typeof at !== 'object' || at === null) return undefined
    at = (at as Record<PropertyKey, unknown>)[step]
  }
  return at
}

/** A zod issue → a reason code (params are the schema's numbers and codes, never the file's text). */
function issueReason(item: CaseworkItem, issue: z.core.$ZodIssue): ImportReason {
  const value = valueAt(item.value, issue.path)
  switch (issue.code) {
    case 'invalid_value':
      return reason('notOneOf', { values: issue.values.map(String).join(', ') })
    case 'invalid_type':
      if (value === undefined || value === null) return reason('required')
      if (issue.expected === 'array') return reason('expectedList')
      if (issue.expected === 'object')
        return reason(issue.path.length === 0 ? 'notAnObject' : 'notAFieldObject')
      return issue.expected === 'string' ? reason('expectedText') : reason('notValid')
    case 'too_big':
      return issue.origin === 'string'
        ? reason('textTooLong', { max: Number(issue.maximum) })
        : reason('aboveMaximum', { max: Number(issue.maximum) })
    case 'too_small':
      return reason('required')
    case 'custom':
      return issue.params?.code === 'notADate' ? reason('notADate') : reason('codeRepeated')
    default:
      return reason('notValid')
  }
}

/**
 * Checks every referral, consent, status change and plan of the case; problems go to `errors`
 * (tied to the case's row), and then the result is null. `users`: lower-cased user name → id.
 */
export function checkCasework(
  draft: CaseworkDraft,
  users: ReadonlyMap<string, number>,
  row: number,
  errors: ImportRowError[],
  /** The last day a date may be on (as for intake dates: today anywhere on Earth). */
  latestDay: string,
  /** The keys of the case's screenings in the file (screenings-check.ts: screeningKeys). */
  screeningKeys: ReadonlySet<string> = new Set(),
): CaseworkCandidate | null {
  const before = errors.length
  const problem = (item: CaseworkItem, path: string, cause: ImportReason) =>
    errors.push(rowProblemOf(row, item.at(path), cause))
  // The date rules of the forms and main (a referral dated 2099 or 1026, a plan "completed" in
  // 2099), as for a case's intake date: what one vault refuses, its import refuses too.
  const inRange = (item: CaseworkItem, path: string, day: string | null) => {
    const issue = day === null ? null : intakeDateProblem(day, latestDay)
    if (issue === 'date_in_future') problem(item, path, reason('dateInFuture'))
    if (issue === 'date_too_early')
      problem(item, path, reason('dateTooEarly', { date: EARLIEST_INTAKE_DATE }))
  }
  function parse<T>(schema: z.ZodType<T>, item: CaseworkItem): T | null {
    const result = schema.safeParse(item.value)
    if (result.success) return result.data
    for (const issue of result.error.issues) problem(item, issue.path.join('.'), issueReason(item, issue))
    return null
  }
  const userId = (name: string | null): User => (name ? (users.get(name.toLowerCase()) ?? null) : null)

  // Keys of every referral, valid or not: a plan naming a referral with other problems is fine.
  const keys = new Map<string, number>()
  draft.referrals.forEach((item, index) => {
    const given = referralKeySchema.safeParse(valueAt(item.value, ['key']))
    if (!given.success) return
    if (keys.has(given.data)) problem(item, 'key', reason('referralKeyTwice'))
    else keys.set(given.data, index)
  })
  const referrals = draft.referrals.map((item) => {
    const referral = parse(referralSchema, item)
    const consents = item.consents.map((consent) => parse(consentSchema, consent))
    const history = item.history.map((change) => parse(statusChangeSchema, change))
    consents.forEach((consent, at) => {
      inRange(item.consents[at]!, 'givenOn', consent?.givenOn ?? null)
      inRange(item.consents[at]!, 'withdrawnOn', consent?.withdrawnOn ?? null)
      if (consent?.withdrawnOn && consent.withdrawnOn < consent.givenOn)
        problem(item.consents[at]!, 'withdrawnOn', reason('withdrawnBeforeGiven'))
    })
    history.forEach((change, at) => inRange(item.history[at]!, 'changedOn', change?.changedOn ?? null))
    if (!referral) return null
    if (referral.screening !== null && !screeningKeys.has(referral.screening))
      problem(item, 'screening', reason('unknownScreeningKey'))
    inRange(item, 'referralDate', referral.referralDate)
    // As main's rules (referral-service.ts): no step before the referral itself. Steps out of order
    // among themselves are kept as recorded: the history is a record of the past.
    history.forEach((change, at) => {
      if (change && change.changedOn < referral.referralDate)
        problem(item.history[at]!, 'changedOn', reason('stepBeforeReferral'))
    })
    const { direction, status } = referral
    // The table's own rule: outgoing referrals start as drafts, incoming ones arrive as 'received'.
    const wrong = direction === 'incoming' ? status === 'draft' || status === 'sent' : status === 'received'
    if (wrong) problem(item, 'status', reason('statusNotForDirection', { direction, status }))
    if (consents.filter((consent) => consent && consent.withdrawnOn === null).length > 1)
      problem(item, 'consents', reason('consentTwiceInForce'))
    const label = organisationLabel(referral.organisation, referral.service)
    const outgoing = direction === 'outgoing'
    const htcds = referral.htcds
    return {
      referral,
      organisationName: label,
      reason:
        (outgoing ? htcds?.cas_ReasonForOutgoingReferral : htcds?.cas_ReasonForIncomingReferral) ?? null,
      details: (outgoing ? htcds?.cas_OutgoingReferralDetails : htcds?.cas_IncomingReferralDetails) ?? null,
      primaryUserId: userId(referral.primaryCaseworker),
      consents: consents.flatMap((consent) =>
        consent ? [{ ...consent, recordedById: userId(consent.recordedBy) }] : [],
      ),
      history: history.flatMap((change) =>
        change ? [{ ...change, changedById: userId(change.changedBy) }] : [],
      ),
    }
  })
  const supportPlans = draft.supportPlans.map((item) => {
    const plan = parse(supportPlanSchema, item)
    if (!plan) return null
    const referralIndex = plan.referral === null ? null : keys.get(plan.referral)
    if (referralIndex === undefined) problem(item, 'referral', reason('unknownReferralKey'))
    if ((plan.status === 'active') !== (plan.htcds.spl_ActualEndDate === null))
      problem(item, 'htcds.spl_ActualEndDate', reason('planEndDate'))
    inRange(item, 'htcds.spl_ActualEndDate', plan.htcds.spl_ActualEndDate)
    // A start may lie ahead (a plan drawn up before it begins), but not before 1950, as in main.
    if (plan.startDate < EARLIEST_INTAKE_DATE)
      problem(item, 'startDate', reason('dateTooEarly', { date: EARLIEST_INTAKE_DATE }))
    // As the plan's form (contract/referrals.ts): no end before the start, but a plan given up
    // before its start ends then.
    const { spl_PlannedEndDate: planned, spl_ActualEndDate: actual } = plan.htcds
    if (planned && planned < plan.startDate)
      problem(item, 'htcds.spl_PlannedEndDate', reason('endBeforeStart'))
    if (actual && actual < plan.startDate && plan.status !== 'discontinued')
      problem(item, 'htcds.spl_ActualEndDate', reason('endBeforeStart'))
    return { plan, referralIndex: referralIndex ?? null }
  })
  if (errors.length > before) return null
  return {
    referrals: referrals.filter((referral) => referral !== null),
    supportPlans: supportPlans.filter((plan) => plan !== null),
  }
}
