// The file shapes of a case's referrals, consents, status changes and support plans (as the full
// HTCDS export writes them: full-records.ts), as zod schemas over the referral contract's closed
// sets. Custom checks carry their import reason code (params.code) for casework-check.ts.
import { z } from 'zod'
import {
  consentCategories,
  consentGivers,
  referralDirections,
  referralReasons,
  referralStatuses,
  referralUrgencies,
  supportPlanStatuses,
  supportPlanTypes,
} from '../../api/contract/referral-types'
import { isRealDate } from './iso-date'

const own = (code: 'notADate' | 'codeRepeated') => ({ params: { code } })
/** A real ISO date; a wrong one reports notADate (the import's reason, read by the checks). */
export const date = z.string().refine(isRealDate, own('notADate'))
const optionalDate = date.nullish().transform((value) => value ?? null)
/** Trimmed text of at most `max` characters; empty or absent is null. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))
const required = (max: number) => z.string().trim().min(1).max(max)
const unique = <T>(list: T[]) => new Set(list).size === list.length
const codes = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).refine(unique, own('codeRepeated'))
export const referralKeySchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1).max(64))

export const referralSchema = z.object({
  key: referralKeySchema,
  direction: z.enum(referralDirections),
  status: z.enum(referralStatuses),
  urgency: z.enum(referralUrgencies),
  referralDate: date,
  followUpDate: optionalDate,
  outcome: text(20_000),
  servicesRequested: codes(supportPlanTypes)
    .nullish()
    .transform((value) => value ?? []),
  sharedCategories: codes(consentCategories)
    .min(1)
    .nullish()
    .transform((value) => value ?? null),
  // Directory names may be up to 300 characters (contract/directory.ts).
  organisation: required(300),
  service: text(300),
  counterpartCaseworker: text(200),
  primaryCaseworker: text(200),
  // The key of the case's screening it was made from (absent in files from before it travelled).
  screening: referralKeySchema.nullish().transform((value) => value ?? null),
  htcds: z
    .object({
      cas_ReasonForOutgoingReferral: z.enum(referralReasons).nullish(),
      cas_ReasonForIncomingReferral: z.enum(referralReasons).nullish(),
      cas_OutgoingReferralDetails: text(20_000),
      cas_IncomingReferralDetails: text(20_000),
    })
    .nullish(),
})

export const consentSchema = z.object({
  givenBy: z.enum(consentGivers),
  givenByName: text(200),
  givenOn: date,
  purpose: required(2000),
  categories: codes(consentCategories).min(1),
  recordedBy: text(200),
  withdrawnOn: optionalDate,
})

export const statusChangeSchema = z.object({
  from: z
    .enum(referralStatuses)
    .nullish()
    .transform((value) => value ?? null),
  to: z.enum(referralStatuses),
  changedOn: date,
  changedBy: text(200),
  note: text(2000),
})

export const supportPlanSchema = z.object({
  referral: referralKeySchema.nullish().transform((value) => value ?? null),
  status: z.enum(supportPlanStatuses),
  startDate: date,
  followUpDate: optionalDate,
  outcome: text(20_000),
  htcds: z.object({
    spl_Type: z.enum(supportPlanTypes),
    spl_Objectives: required(20_000),
    spl_ActionPlan: text(20_000),
    spl_PlannedEndDate: optionalDate,
    spl_ActualEndDate: optionalDate,
  }),
})
