// Shape of resources/htcds/htcds-2.0.json (written by resources/htcds/generate.ts). Types only, so the
// generator, main and the renderer can all share them.

export type HtcdsSectionId =
  | 'organisation'
  | 'person'
  | 'victim'
  | 'perpetrator'
  | 'case'
  | 'referral'
  | 'caseComment'
  | 'historicEvent'
  | 'supportPlan'
  | 'consent'

export type HtcdsFieldType =
  | 'text'
  | 'longText'
  | 'date'
  | 'number'
  | 'checkbox'
  | 'picklist'
  | 'multiPicklist'
  | 'lookup'
  | 'geolocation'

export type HtcdsLookupTarget = 'organisation' | 'user' | 'person'

export type HtcdsFieldStatus = 'draft' | 'deprecated'

/** Bounds of a number or geolocation field (the standard gives none; CaseVault adds sane ones). */
export interface HtcdsRange {
  min: number
  max: number
  integer: boolean
}

export interface HtcdsField {
  /** Stored key, with the section prefix, e.g. `prs_FirstName`. */
  name: string
  /** English default label; the renderer translates by field name. */
  label: string
  type: HtcdsFieldType
  /** Name of a list in `codeLists` (picklist and multiPicklist only). */
  codeList?: string
  lookup?: HtcdsLookupTarget
  core: boolean
  status: HtcdsFieldStatus
  /** Identifies or describes a person directly: dropped by de-identification, redacted in the audit log. */
  pii: boolean
  description: string
  notes?: string
  range?: HtcdsRange
}

export interface HtcdsSection {
  id: HtcdsSectionId
  prefix: string
  label: string
  fields: HtcdsField[]
}

export interface HtcdsCode {
  /** Stored value (the standard's value name, or an ISO code). */
  code: string
  /** English default label. */
  label: string
  description?: string
  /** Broader code in the same list (ISIC tier 2 → tier 1, tier 3 → tier 2). */
  parent?: string
}

/** The standard's example risk and vulnerability questions: guidance, not fields. */
export interface HtcdsAssessmentExample {
  id: string
  label: string
  description: string
  notes?: string
  questions: string[]
}

export interface HtcdsDefinitions {
  standard: 'HTCDS'
  version: '2.0'
  attribution: string
  sections: HtcdsSection[]
  codeLists: Record<string, HtcdsCode[]>
  assessmentExamples: HtcdsAssessmentExample[]
}

export type HtcdsValue = string | number | boolean | string[]

/** One section's part of a record, keyed by field name. Absent key = no value. */
export type HtcdsRecord = Record<string, HtcdsValue | undefined>

export interface SectionSchemaOptions {
  /** Core fields must be present and non-empty (not deprecated ones). */
  requireCore: boolean
  /** Deprecated fields are refused (true for records created in CaseVault, false for imports). */
  forNewRecords: boolean
}

/**
 * `code` is a zod issue code, or one of CaseVault's: `required`, `unknown_field`, `deprecated`,
 * `duplicate`, `not_an_object`. Messages never contain the submitted value (it may be survivor data).
 */
export interface HtcdsIssue {
  field: string
  code: string
  message: string
}

export type HtcdsValidationResult = { ok: true; value: HtcdsRecord } | { ok: false; issues: HtcdsIssue[] }
