import type { z } from 'zod'
import {
  COUNTRY_LIST,
  listedValues,
  sectionById,
  sectionSchema,
  type HtcdsField,
  type HtcdsSectionId,
} from '../../api/contract/htcds'
import { reason, type ImportReason } from './import-reasons'

type Fields = Record<string, unknown>

/** One value the standard's checks refused: the field's key in its record, and why. */
export interface FieldIssue {
  /** The record's key ('' when the record itself is not an object). */
  field: string
  reason: ImportReason
}

const fieldMaps = new Map<HtcdsSectionId, Map<string, HtcdsField>>()

function fieldOf(sectionId: HtcdsSectionId, name: string): HtcdsField | undefined {
  let fields = fieldMaps.get(sectionId)
  if (!fields) {
    fields = new Map(sectionById(sectionId)!.fields.map((field) => [field.name, field]))
    fieldMaps.set(sectionId, fields)
  }
  return fields.get(name)
}

/** The issue codes main/api/contract/htcds.ts gives its own refinements (params.code). */
function ownCheck(code: unknown): ImportReason | null {
  switch (code) {
    case 'invalid_date':
      return reason('notADate')
    case 'duplicate':
      return reason('codeRepeated')
    case 'deprecated':
      return reason('deprecatedField')
    case 'unknown_field':
      return reason('unknownField')
    case 'required':
      return reason('required')
    default:
      return null
  }
}

/** A value that is none of the field's codes: the values it takes, or what a country is. */
function notACode(field: HtcdsField): ImportReason {
  const list = field.codeList ?? field.name
  return list === COUNTRY_LIST ? reason('notACountry') : reason('notACode', { values: listedValues(list) })
}

/** What a field of this type expects, as htcds.ts words a value of the wrong type. */
function expected(field: HtcdsField, nested: boolean): ImportReason {
  switch (field.type) {
    case 'text':
    case 'longText':
      return reason('expectedText')
    case 'date':
      return reason('expectedDate')
    case 'number':
      return reason('expectedNumber')
    case 'geolocation':
      return reason('expectedCoordinate')
    case 'checkbox':
      return reason('expectedTrueOrFalse')
    case 'lookup':
      return reason('expectedRecordId')
    case 'picklist':
      return notACode(field)
    case 'multiPicklist':
      return nested ? notACode(field) : reason('expectedCodeList')
  }
}

/**
 * A zod issue of a section schema → a reason code with the numbers it held. The English of each
 * is exactly the message htcds.ts gives the same check (a test compares the two for every field
 * type), so only the form changes, never the words.
 */
export function fieldIssueReason(sectionId: HtcdsSectionId, record: unknown, issue: z.core.$ZodIssue) {
  const name = issue.path.length > 0 ? String(issue.path[0]) : ''
  if (name === '') return reason('notAFieldObject')
  const own = issue.code === 'custom' ? ownCheck(issue.params?.code) : null
  if (own) return own
  const field = fieldOf(sectionId, name)
  if (!field) return reason('unknownField')
  // A key without a value only fails when it is required (htcds.ts words every such issue so).
  const value = (record as Fields)[name]
  const item = issue.path.length > 1 && Array.isArray(value) ? value[Number(issue.path[1])] : value
  if (item === undefined) return reason('required')
  // Every check of a lookup id says the same: "expected a record id".
  if (field.type === 'lookup') return reason('expectedRecordId')
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? reason('expectedWholeNumber') : expected(field, issue.path.length > 1)
    case 'invalid_value':
      return notACode(field)
    case 'too_big':
      if (issue.origin === 'int') return reason('expectedWholeNumber')
      return issue.origin === 'string'
        ? reason('textTooLong', { max: Number(issue.maximum) })
        : reason('aboveMaximum', { max: Number(issue.maximum) })
    case 'too_small':
      if (issue.origin === 'int') return reason('expectedWholeNumber')
      return reason('belowMinimum', { min: Number(issue.minimum) })
    default:
      return reason('notValid')
  }
}

export interface SectionOptions {
  requireCore: boolean
  forNewRecords: boolean
}

/**
 * The record as validateSection returns it, or every issue with its reason. Same schema as
 * validateSection (main/api/contract/htcds.ts), read directly: its issues keep zod's numbers
 * (maximum, minimum) that the reason codes carry.
 */
export function checkSection(
  sectionId: HtcdsSectionId,
  record: unknown,
  options: SectionOptions,
): { ok: true; value: Fields } | { ok: false; issues: FieldIssue[] } {
  const result = sectionSchema(sectionId, options).safeParse(record)
  if (result.success) return { ok: true, value: result.data as Fields }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? String(issue.path[0]) : '',
      reason: fieldIssueReason(sectionId, record, issue),
    })),
  }
}
