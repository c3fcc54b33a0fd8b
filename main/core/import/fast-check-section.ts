import { isRealDate } from './iso-date'
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

/** A code listed twice. Lists are short: comparing pairs beats building a Set for each value. */
function hasRepeats(values: readonly unknown[]): boolean {
  if (values.length > 16) return new Set(values).size !== values.length
  for (let i = 1; i < values.length; i += 1)
    for (let j = 0; j < i; j += 1) if (values[i] === values[j]) return true
  return false
}

/** The rules of validateSection's value schemas (main/api/contract/htcds.ts), as plain checks. */
function valueOk(field: HtcdsField, value: unknown): boolean {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' && value.length <= TEXT_MAX_LENGTH
    case 'longText':
      return typeof value === 'string' && value.length <= LONG_TEXT_MAX_LENGTH
    case 'date':
      return typeof value === 'string' && isRealDate(value)
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
      return value.every((code) => typeof code === 'string' && codes.has(code)) && !hasRepeats(value)
    }
  }
}

interface PlacedField {
  field: HtcdsField
  /** Where the standard lists it in its section: the order validateSection returns keys in. */
  position: number
}

const fieldMaps = new Map<HtcdsSectionId, Map<string, PlacedField>>()

function placedFields(sectionId: HtcdsSectionId): Map<string, PlacedField> {
  let fields = fieldMaps.get(sectionId)
  if (!fields) {
    fields = new Map(
      sectionById(sectionId)!.fields.map((field, position) => [field.name, { field, position }]),
    )
    fieldMaps.set(sectionId, fields)
  }
  return fields
}

const lastOrdering = new Map<HtcdsSectionId, { given: string[]; ordered: string[] }>()

/**
 * `names` in the standard's order. A record has a handful of keys, a section dozens of fields:
 * the keys are sorted, not the fields. The rows of one file give their keys in the same order,
 * so the last answer is kept and reused while the keys match it.
 */
function standardOrder(
  sectionId: HtcdsSectionId,
  fields: Map<string, PlacedField>,
  names: string[],
): string[] {
  const last = lastOrdering.get(sectionId)
  if (last && last.given.length === names.length && last.given.every((name, i) => name === names[i]))
    return last.ordered
  const ordered = [...names].sort((a, b) => fields.get(a)!.position - fields.get(b)!.position)
  lastOrdering.set(sectionId, { given: names, ordered })
  return ordered
}

/**
 * The import checks tens of thousands of records: this answers "would validateSection accept this
 * record as it is?" (imports: deprecated fields allowed, nothing required) without building zod
 * issues. True → the record, its keys in the standard's order (as validateSection returns them).
 * False → the caller runs validateSection for the exact messages. A property test holds the two
 * to the same answer.
 */
export function acceptedAsIs(sectionId: HtcdsSectionId, record: unknown): Fields | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null
  const fields = placedFields(sectionId)
  const names = Object.keys(record)
  let inOrder = true
  let last = -1
  for (const name of names) {
    const placed = fields.get(name)
    if (!placed) return null
    const value = (record as Fields)[name]
    if (value === undefined) continue
    if (!valueOk(placed.field, value)) return null
    if (placed.position < last) inOrder = false
    last = placed.position
  }
  const ordered: Fields = {}
  for (const name of inOrder ? names : standardOrder(sectionId, fields, names)) {
    const value = (record as Fields)[name]
    if (value !== undefined) ordered[name] = value
  }
  return ordered
}
