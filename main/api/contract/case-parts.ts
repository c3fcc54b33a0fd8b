import { z } from 'zod'
import { method } from './method'
import { sectionRecordSchema } from './cases'

export { ATTACHMENT_ACCEPT, ATTACHMENT_EXTENSIONS } from './attachment-types'

const idSchema = z.number().int().positive()
const caseworkRoles = ['admin', 'supervisor', 'caseworker'] as const

/** Case comments (HTCDS cco_CaseComment): the case's timeline. */
export interface CaseComment {
  id: number
  caseId: number
  authorName: string | null
  body: string
  createdAt: string
}

/** A comment's longest body, in characters: the renderer states it beside the text box. */
export const MAX_COMMENT_LENGTH = 20_000
export const addCommentInput = z.object({
  caseId: idSchema,
  body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
})
export const caseRefInput = z.object({ caseId: idSchema })

/** Attachments are stored encrypted inside the vault; never opened by the app, only saved out. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

export interface AttachmentSummary {
  id: number
  caseId: number
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  createdAt: string
  createdByName: string | null
}

export const addAttachmentInput = z.object({
  caseId: idSchema,
  fileName: z.string().trim().min(1).max(255),
  // Any Uint8Array view (structured clone over IPC keeps the type); strings and arrays are refused.
  content: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected file bytes')
    .refine((bytes) => bytes.byteLength > 0, 'empty file')
    .refine((bytes) => bytes.byteLength <= MAX_ATTACHMENT_BYTES, 'larger than 25 MB'),
})

export const attachmentIdInput = z.object({ id: idSchema })

/** Perpetrators: persons (prs_) with a perpetrator context (per_) per case; one person can be in many cases. */
export interface CasePerpetrator {
  personId: number
  displayName: string
  person: Record<string, unknown>
  aliases: string[]
  context: Record<string, unknown>
  otherCaseCount: number
  /** When the person's details were last saved: an update sends it back (a stale one is CONFLICT). */
  updatedAt: string
}

export const addPerpetratorInput = z.object({
  caseId: idSchema,
  /** Link an existing perpetrator (known from another case) instead of creating a new person. */
  existingPersonId: idSchema.optional(),
  person: sectionRecordSchema.default({}),
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  context: sectionRecordSchema.default({}),
})

export const updatePerpetratorInput = z.object({
  caseId: idSchema,
  personId: idSchema,
  /**
   * The person's updatedAt as the dialog loaded it. One perpetrator is shared by several cases:
   * the last of two caseworkers to save had erased the other's edit in every linked case.
   */
  updatedAt: z.string().max(40),
  person: sectionRecordSchema,
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  context: sectionRecordSchema,
})

export const perpetratorRefInput = z.object({ caseId: idSchema, personId: idSchema })

export const findPerpetratorsInput = z.object({ query: z.string().trim().min(1).max(200) })

export interface PerpetratorMatch {
  personId: number
  displayName: string
  caseCount: number
}

export const commentsContract = {
  list: method(caseRefInput, caseworkRoles).returns<CaseComment[]>(),
  add: method(addCommentInput, caseworkRoles).returns<CaseComment>(),
}

export const attachmentsContract = {
  list: method(caseRefInput, caseworkRoles).returns<AttachmentSummary[]>(),
  add: method(addAttachmentInput, caseworkRoles).returns<AttachmentSummary>(),
  /** Asks where to save (main shows the OS save dialog), writes the file there; false if cancelled. */
  saveAs: method(attachmentIdInput, caseworkRoles).returns<boolean>(),
  remove: method(attachmentIdInput, caseworkRoles).returns<void>(),
}

export const perpetratorsContract = {
  list: method(caseRefInput, caseworkRoles).returns<CasePerpetrator[]>(),
  add: method(addPerpetratorInput, caseworkRoles).returns<CasePerpetrator>(),
  update: method(updatePerpetratorInput, caseworkRoles).returns<CasePerpetrator>(),
  unlink: method(perpetratorRefInput, caseworkRoles).returns<void>(),
  find: method(findPerpetratorsInput, caseworkRoles).returns<PerpetratorMatch[]>(),
}
