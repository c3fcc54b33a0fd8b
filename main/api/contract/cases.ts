import { z } from 'zod'
import { method } from './method'
import { isoDateSchema } from './dates'

export const caseStatuses = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const
export const caseStatusSchema = z.enum(caseStatuses)
export type CaseStatus = z.infer<typeof caseStatusSchema>

/**
 * An HTCDS section record (prs_…, vic_…, cas_…, hte_…, per_…) as sent by a form. The shape of each
 * section is checked in main against the standard's definitions (field names, types, code lists);
 * here only the envelope is bounded so a hostile payload cannot be huge.
 */
export const sectionRecordSchema = z
  .record(z.string().max(80), z.unknown())
  .refine((record) => Object.keys(record).length <= 200, 'too many fields')

const idSchema = z.number().int().positive()
const aliasesSchema = z.array(z.string().trim().min(1).max(200)).max(20)

/** Marks an event with no detail at all (refused in the edit form and in main). */
export const EMPTY_EVENT = 'empty_event'

/** True when no field of a section record holds a value (blank text and empty lists count as none). */
export function isEmptyRecord(record: Record<string, unknown>): boolean {
  return Object.values(record).every(
    (value) =>
      value === null ||
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0),
  )
}

export const eventInputSchema = z.object({ id: idSchema.optional(), record: sectionRecordSchema })

export const caseInputFields = {
  intakeDate: isoDateSchema,
  assignedUserId: idSchema.nullable().optional(),
  survivor: sectionRecordSchema,
  survivorAliases: aliasesSchema.default([]),
  victim: sectionRecordSchema.default({}),
  details: sectionRecordSchema.default({}),
  events: z.array(eventInputSchema).max(200).default([]),
}

export const createCaseInput = z.object(caseInputFields)
export type CreateCaseInput = z.input<typeof createCaseInput>

/**
 * A part an update leaves out stays as it is, as an absent assignedUserId does: it had taken the
 * create's defaults and wiped the events, the victim record and the aliases without a word.
 */
export const updateCaseInput = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  ...caseInputFields,
  survivorAliases: aliasesSchema.optional(),
  victim: sectionRecordSchema.optional(),
  details: sectionRecordSchema.optional(),
  events: z.array(eventInputSchema).max(200).optional(),
})
export type UpdateCaseInput = z.input<typeof updateCaseInput>

export const sortableCaseColumns = [
  'caseNumber',
  'intakeDate',
  'status',
  'updatedAt',
  'survivorName',
] as const
export const ageBands = ['0-11', '12-17', '18-25', '26-35', '36-45', '46+', 'unknown'] as const
export type AgeBand = (typeof ageBands)[number]

export const listCasesInput = z.object({
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(1).max(200).default(25),
  sortBy: z.enum(sortableCaseColumns).default('intakeDate'),
  sortDirection: z.enum(['asc', 'desc']).default('desc'),
  status: z.array(caseStatusSchema).max(4).optional(),
  assignedUserId: idSchema.optional(),
  intakeFrom: isoDateSchema.optional(),
  intakeTo: isoDateSchema.optional(),
  gender: z.array(z.string().max(40)).max(10).optional(),
  ageBand: z.array(z.enum(ageBands)).max(ageBands.length).optional(),
  citizenship: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(50)
    .optional(),
  exploitationType: z.array(z.string().max(60)).max(20).optional(),
  /** Leaves out rows of CTDC's public dataset (reference data, not casework), as Today's cards do. */
  caseworkOnly: z.boolean().optional(),
})
export type ListCasesInput = z.input<typeof listCasesInput>

export interface CaseSummary {
  id: number
  caseNumber: string
  status: CaseStatus
  intakeDate: string
  survivorName: string
  gender: string | null
  ageBand: AgeBand
  citizenship: string | null
  assignedUserId: number | null
  assignedUserName: string | null
  exploitationTypes: string[]
  isTraining: boolean
  updatedAt: string
}

export interface CasePage {
  rows: CaseSummary[]
  total: number
  page: number
  pageSize: number
}

export interface TraffickingEvent {
  id: number
  record: Record<string, unknown>
}

export interface CaseDetail {
  id: number
  caseNumber: string
  version: number
  status: CaseStatus
  intakeDate: string
  organisation: string
  assignedUserId: number | null
  assignedUserName: string | null
  survivor: { id: number; record: Record<string, unknown>; aliases: string[] }
  victim: Record<string, unknown>
  details: Record<string, unknown>
  events: TraffickingEvent[]
  closureReason: string | null
  isTraining: boolean
  createdAt: string
  updatedAt: string
}

export const searchCasesInput = z.object({
  query: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(10),
})

export interface CaseSearchHit {
  id: number
  caseNumber: string
  survivorName: string
  status: CaseStatus
  /** Short excerpt around the match (names or notes), with [[ ]] around matched words. */
  snippet: string
}

export const caseIdInput = z.object({ id: idSchema })

export const closeCaseInput = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  status: z.enum(['Closed', 'ClosedReferred']),
  reason: z.string().trim().min(1).max(5000),
})

export const reopenCaseInput = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(5000),
})

/**
 * Why a case is deleted, as a code: it goes into the audit log, which outlives the case and can
 * never be purged. A typed reason named the survivor as a matter of course ("Olena asked us to
 * erase her record"), so the name of someone who asked to be forgotten stayed in the vault.
 */
export const caseDeletionReasons = [
  'duplicate',
  'enteredInError',
  'survivorRequest',
  'retentionExpired',
  'other',
] as const
export type CaseDeletionReason = (typeof caseDeletionReasons)[number]

export const deleteCaseInput = z.object({ id: idSchema, reason: z.enum(caseDeletionReasons) })

export const casesContract = {
  create: method(createCaseInput, ['admin', 'supervisor', 'caseworker']).returns<CaseDetail>(),
  update: method(updateCaseInput, ['admin', 'supervisor', 'caseworker']).returns<CaseDetail>(),
  get: method(caseIdInput, ['admin', 'supervisor', 'caseworker']).returns<CaseDetail>(),
  list: method(listCasesInput, ['admin', 'supervisor', 'caseworker']).returns<CasePage>(),
  search: method(searchCasesInput, ['admin', 'supervisor', 'caseworker']).returns<CaseSearchHit[]>(),
  close: method(closeCaseInput, ['admin', 'supervisor', 'caseworker']).returns<CaseDetail>(),
  reopen: method(reopenCaseInput, ['admin', 'supervisor', 'caseworker']).returns<CaseDetail>(),
  delete: method(deleteCaseInput, ['admin']).returns<void>(),
}
