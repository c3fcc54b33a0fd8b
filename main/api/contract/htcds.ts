import { z } from 'zod'
import definitions from '../../../resources/htcds/htcds-2.0.json'
import { isRealIsoDate } from './dates'
import type {
  HtcdsCode,
  HtcdsDefinitions,
  HtcdsField,
  HtcdsIssue,
  HtcdsRecord,
  HtcdsSection,
  HtcdsSectionId,
  HtcdsValidationResult,
  HtcdsValue,
  SectionSchemaOptions,
} from './htcds-types'

export type * from './htcds-types'

// The JSON's inferred type is wider than the real one (strings instead of the unions); the file is
// written by the typed generator and a unit test checks it equals a fresh generation.
export const htcds = definitions as HtcdsDefinitions

export const TEXT_MAX_LENGTH = 1000
export const LONG_TEXT_MAX_LENGTH = 20_000

const sections = new Map(htcds.sections.map((section) => [section.id, section]))
const fields = new Map(
  htcds.sections.flatMap((section) => section.fields.map((field) => [field.name, field])),
)
const labels = new Map(
  Object.entries(htcds.codeLists).map(([list, codes]) => [
    list,
    new Map(codes.map((c) => [c.code, c.label])),
  ]),
)

export function sectionById(id: string): HtcdsSection | undefined {
  return sections.get(id as HtcdsSectionId)
}

export function fieldByName(name: string): HtcdsField | undefined {
  return fields.get(name)
}

/** The entries of a code list in the standard's order (empty for an unknown list). */
export function codesOf(list: string): readonly HtcdsCode[] {
  return htcds.codeLists[list] ?? []
}

/** English default label of a code; the renderer translates `htcds.codes.<list>.<code>` first. */
export function codeLabel(list: string, code: string): string | undefined {
  return labels.get(list)?.get(code)
}

// Messages are short English and never echo the value: it may be survivor data, and issues end up
// in logs and error reports. The issue path names the field; the renderer translates by code.
const required = 'required'
const params = (code: string): { params: { code: string } } => ({ params: { code } })
const failing = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? required : message),
})
const expecting = (what: string) => failing(`expected ${what}`)
const isFilled = (value: HtcdsValue): boolean =>
  typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) ? value.length > 0 : true

/** Labels listed when a value is none of a list's codes; a longer list ends in "…". */
const LISTED_LABELS = 6
/** Countries (250) are described rather than listed. */
export const COUNTRY_LIST = 'iso3166'

/** The values a code list takes, as a person reads them: "Feminine, Masculine, …". */
export function listedValues(list: string): string {
  const labels = codesOf(list).map((entry) => entry.label)
  return (labels.length > LISTED_LABELS ? [...labels.slice(0, LISTED_LABELS - 1), '…'] : labels).join(', ')
}

/**
 * What a value that is none of the list's codes is told: the values it takes ("not a code of
 * prs_Gender" named an internal list nobody can look up). Import reasons say the same words.
 */
export function notACodeMessage(list: string): string {
  return list === COUNTRY_LIST
    ? 'not a country: give its name or its two-letter ISO code (Nigeria or NG, for example)'
    : `not one of this field’s values: ${listedValues(list)}`
}

const codeSchemas = new Map<string, z.ZodType<string>>()
function codeSchema(list: string): z.ZodType<string> {
  let schema = codeSchemas.get(list)
  if (!schema) {
    const codes = codesOf(list).map((entry) => entry.code)
    schema = z.enum(codes, failing(notACodeMessage(list)))
    codeSchemas.set(list, schema)
  }
  return schema
}

function numberSchema(field: HtcdsField, what: string): z.ZodType<number> {
  let schema = z.number(expecting(what))
  if (field.range?.integer) schema = schema.int(`expected a whole number`)
  if (field.range) {
    schema = schema
      .min(field.range.min, `at least ${field.range.min}`)
      .max(field.range.max, `at most ${field.range.max}`)
  }
  return schema
}

function valueSchema(field: HtcdsField): z.ZodType<HtcdsValue> {
  switch (field.type) {
    case 'text':
      return z.string(expecting('text')).max(TEXT_MAX_LENGTH, `at most ${TEXT_MAX_LENGTH} characters`)
    case 'longText':
      return z
        .string(expecting('text'))
        .max(LONG_TEXT_MAX_LENGTH, `at most ${LONG_TEXT_MAX_LENGTH} characters`)
    case 'date':
      return z
        .string(expecting('a date'))
        .refine(isRealIsoDate, { message: 'not a real date (yyyy-mm-dd)', ...params('invalid_date') })
    case 'number':
      return numberSchema(field, 'a number')
    case 'geolocation':
      return numberSchema(field, 'a coordinate')
    case 'checkbox':
      return z.boolean(expecting('true or false'))
    case 'lookup':
      return z.number(expecting('a record id')).int('expected a record id').positive('expected a record id')
    case 'picklist':
      return codeSchema(field.codeList ?? field.name)
    case 'multiPicklist':
      return z
        .array(codeSchema(field.codeList ?? field.name), expecting('a list of codes'))
        .refine((codes) => new Set(codes).size === codes.length, {
          message: 'a code is repeated',
          ...params('duplicate'),
        })
  }
}

function fieldSchema(field: HtcdsField, options: SectionSchemaOptions): z.ZodType<HtcdsValue | undefined> {
  if (field.status === 'deprecated' && options.forNewRecords) {
    return z
      .custom<never>((value) => value === undefined, {
        error: 'deprecated field, not accepted in new records',
        ...params('deprecated'),
      })
      .optional()
  }
  const schema = valueSchema(field)
  // Deprecated fields are never required, even when the standard still marks them Core.
  if (options.requireCore && field.core && field.status !== 'deprecated') {
    return schema.refine(isFilled, { message: required, ...params('required') })
  }
  return schema.optional()
}

const unknownField = z.custom<never>(() => false, { error: 'unknown field', ...params('unknown_field') })

const sectionSchemas = new Map<string, z.ZodType<HtcdsRecord>>()

/**
 * Zod schema for one section's record. Unknown keys are refused one by one (a catchall that never
 * passes) so each issue's path names the offending key — z.strictObject reports them on the object.
 */
export function sectionSchema(
  sectionId: HtcdsSectionId,
  options: SectionSchemaOptions,
): z.ZodType<HtcdsRecord> {
  const key = `${sectionId}:${options.requireCore}:${options.forNewRecords}`
  const cached = sectionSchemas.get(key)
  if (cached) return cached
  const section = sectionById(sectionId)
  if (!section) throw new Error(`Unknown HTCDS section: ${sectionId}`)
  const shape = Object.fromEntries(section.fields.map((field) => [field.name, fieldSchema(field, options)]))
  const schema = z.object(shape, { error: 'expected an object of fields' }).catchall(unknownField)
  sectionSchemas.set(key, schema)
  return schema
}

function issueCode(issue: z.core.$ZodIssue, record: unknown, field: string): string {
  const own = issue.code === 'custom' ? issue.params?.code : undefined
  if (typeof own === 'string') return own
  if (issue.code === 'invalid_type' && field === '') return 'not_an_object'
  // A value-less field only fails when it is required (z.enum says invalid_value, others invalid_type).
  const value = typeof record === 'object' && record !== null ? (record as HtcdsRecord)[field] : undefined
  return value === undefined ? 'required' : issue.code
}

/** Validates one section's record; issues carry the field name (and say it in the message). */
export function validateSection(
  sectionId: HtcdsSectionId,
  record: unknown,
  options: SectionSchemaOptions,
): HtcdsValidationResult {
  const result = sectionSchema(sectionId, options).safeParse(record)
  if (result.success) return { ok: true, value: result.data }
  const issues = result.error.issues.map((issue): HtcdsIssue => {
    const field = issue.path.length > 0 ? String(issue.path[0]) : ''
    const message = field ? `${field}: ${issue.message}` : issue.message
    return { field, code: issueCode(issue, record, field), message }
  })
  return { ok: false, issues }
}
