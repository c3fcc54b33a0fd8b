import { isRealIsoDate } from '../../api/contract/dates'
import {
  codesOf,
  LONG_TEXT_MAX_LENGTH,
  sectionById,
  TEXT_MAX_LENGTH,
  type HtcdsField,
  type HtcdsSectionId,
} from '../../api/contract/htcds'

type Fields = Record<string, unknown>

const codeSets = new Map<string, Set<string>>()
function codeSet(field: HtcdsField): Set<string> {
  const list = field.codeList ?? field.name
  let codes = codeSets.get(list)
  if (!codes) {
    codes = new Set(codesOf(list).map((entry) => entry.code))
    codeSets.set(list, codes)
  }
  return codes
}

function numberOk(field: HtcdsField, value: unknown): boolean {
  // zod 4's z.number() refuses NaN and ±Infinity; .int() means a safe integer.
  if (typeof value !== 'number' || !Number.isFinite(value)) return false
  const range = field.range
  if (!range) return true
  return (!range.integer || Number.isSafeInteger(value)) && value >= range.min && value <= range.max
}

/** The rules of validateSection's value schemas (main/api/contract/htcds.ts), as plain checks. */
function valueOk(field: HtcdsField, value: unknown): boolean {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' && value.length <= TEXT_MAX_LENGTH
    case 'longText':
      return typeof value === 'string' && value.length <= LONG_TEXT_MAX_LENGTH
    case 'date':
      return typeof value === 'string' && isRealIsoDate(value)
    case 'number':
    case 'geolocation':
      return numberOk(field, value)
    case 'checkbox':
      return typeof value === 'boolean'
    case 'lookup':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
    case 'picklist':
      return typeof value === 'string' && codeSet(field).has(value)
    case 'multiPicklist': {
      if (!Array.isArray(value)) return false
      const codes = codeSet(field)
      return (
        value.every((code) => typeof code === 'string' && codes.has(code)) &&
        new Set(value).size === value.length
      )
    }
  }
}

const fieldMaps = new Map<HtcdsSectionId, Map<string, HtcdsField>>()

/**
 * The import checks tens of thousands of records: this answers "would validateSection accept this
 * record as it is?" (imports: deprecated fields allowed, nothing required) without building zod
 * issues. True → the record, its keys in the standard's order (as validateSection returns them).
 * False → the caller runs validateSection for the exact messages. A property test holds the two
 * to the same answer.
 */
export function acceptedAsIs(sectionId: HtcdsSectionId, record: unknown): Fields | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null
  let fields = fieldMaps.get(sectionId)
  if (!fields) {
    fields = new Map(sectionById(sectionId)!.fields.map((field) => [field.name, field]))
    fieldMaps.set(sectionId, fields)
  }
  for (const [name, value] of Object.entries(record)) {
    const field = fields.get(name)
    if (!field || (value !== undefined && !valueOk(field, value))) return null
  }
  const ordered: Fields = {}
  for (const name of fields.keys()) {
    const value = (record as Fields)[name]
    if (value !== undefined) ordered[name] = value
  }
  return ordered
}
