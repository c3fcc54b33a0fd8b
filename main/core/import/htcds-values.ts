import { codesOf, fieldByName, type HtcdsField, type HtcdsValue } from '../../api/contract/htcds'
import { caseStatuses, type CaseStatus } from '../../api/contract/cases'
import codeAliases from '../../../resources/import/code-aliases.json'

// Every key but the file's $comment is a code list.
const aliasesByList = new Map(
  Object.entries(codeAliases as Record<string, unknown>).flatMap(([list, names]) =>
    typeof names === 'object' && names !== null ? [[list, names as Record<string, string>] as const] : [],
  ),
)
/** Case, spacing and punctuation do not matter when a file names a code or its label. */
function key(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

const byList = new Map<string, Map<string, string>>()

/** code / label → code for one list; a key two entries share is left out rather than guessed. */
function lookupFor(list: string): Map<string, string> {
  let lookup = byList.get(list)
  if (lookup) return lookup
  lookup = new Map()
  const ambiguous = new Set<string>()
  for (const entry of codesOf(list)) {
    for (const candidate of new Set([key(entry.code), key(entry.label)])) {
      const taken = lookup.get(candidate)
      if (taken !== undefined && taken !== entry.code) ambiguous.add(candidate)
      else lookup.set(candidate, entry.code)
    }
  }
  // Other names the data file gives (e.g. the toolkit sheet's country names), never over a label.
  for (const [alias, code] of Object.entries(aliasesByList.get(list) ?? {})) {
    if (!lookup.has(key(alias))) lookup.set(key(alias), code)
  }
  // Exact codes always win over a label that happens to normalise the same way.
  for (const candidate of ambiguous) lookup.delete(candidate)
  for (const entry of codesOf(list)) lookup.set(key(entry.code), entry.code)
  byList.set(list, lookup)
  return lookup
}

const exactCodes = new Map<string, Set<string>>()

/** The code a file means by `text` (a code or an English label), or the text itself when unknown. */
export function matchCode(list: string, text: string): string {
  const trimmed = text.trim()
  let codes = exactCodes.get(list)
  if (!codes) {
    codes = new Set(codesOf(list).map((entry) => entry.code))
    exactCodes.set(list, codes)
  }
  return codes.has(trimmed) ? trimmed : (lookupFor(list).get(key(trimmed)) ?? trimmed)
}

const statusLookup = new Map(
  caseStatuses.flatMap((status) => [
    [key(status), status],
    ...codesOf('cas_Status')
      .filter((entry) => entry.code === status)
      .map((entry) => [key(entry.label), status] as const),
  ]),
)

// The codes themselves, as written (the usual cell), answered without normalising.
const exactStatus = new Map(caseStatuses.map((status) => [status, statusLookup.get(key(status))!]))

export function matchStatus(text: string): CaseStatus | null {
  return exactStatus.get(text as CaseStatus) ?? statusLookup.get(key(text)) ?? null
}

const APOSTROPHE = 39
const GUARDED = /^'[=+\-@\t\r']/

/**
 * A CSV exporter may guard a cell that starts with = + - @ against spreadsheet formulas by
 * prefixing an apostrophe (OWASP's advice): undo exactly that, so round trips keep the text.
 */
export function unguard(text: string): string {
  // Ours also guards text that starts with an apostrophe (see csv-writer.ts).
  return text.charCodeAt(0) === APOSTROPHE && GUARDED.test(text) ? text.slice(1) : text
}

// The usual date cell, answered without building a match.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const TRUE = new Set(['true', 'yes', 'y', '1'])
const FALSE = new Set(['false', 'no', 'n', '0'])

/** A cell that says yes, as a checkbox field reads it (true, yes, y, 1; any case). */
export const isTrueCell = (text: string | undefined): boolean => TRUE.has((text ?? '').trim().toLowerCase())

/** A cell that says no (false, no, n, 0; any case): an empty cell says neither. */
export const isFalseCell = (text: string | undefined): boolean => FALSE.has((text ?? '').trim().toLowerCase())

// Day 0 of Excel's two date systems: 1900 (Windows; 1899-12-30 absorbs its 1900 leap-day bug)
// and 1904 (old Mac Excel, still carried by copies of copies of such workbooks).
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30)
const EXCEL_1904_DAY_ZERO = Date.UTC(1904, 0, 1)

/**
 * Days since the workbook's day 0: what a date is in an Excel cell that lost its date format. Read
 * in the 1900 system, a 1904 workbook's birthdate came out 4 years and 1 day early, silently.
 */
function excelSerialDate(text: string, date1904: boolean): string | null {
  if (!/^\d{5}$/.test(text)) return null
  const dayZero = date1904 ? EXCEL_1904_DAY_ZERO : EXCEL_DAY_ZERO
  return new Date(dayZero + Number(text) * 86_400_000).toISOString().slice(0, 10)
}

export interface CellOptions {
  /** The cell came from a spreadsheet: a 5-digit number in a date field is an Excel date. */
  spreadsheet?: boolean
  /** The workbook counts its date serials from 1904 (read-xlsx.ts says which). */
  date1904?: boolean
  /**
   * A JSON string, which no one guards against formulas: "'+44 7700 900123" is what was typed.
   * Undoing the CSV writer's guard there dropped the apostrophe of every such value.
   */
  json?: boolean
}

/**
 * One cell's text → the value the HTCDS record holds. Nothing here rejects: a value that cannot
 * be converted is passed on as text, and validateSection then names the problem without echoing it.
 */
export function cellValue(field: HtcdsField, raw: string, options: CellOptions = {}): HtcdsValue | undefined {
  const text = (options.json ? raw : unguard(raw)).trim()
  if (text === '') return undefined
  switch (field.type) {
    case 'text':
    case 'longText':
      return text
    case 'date': {
      if (DATE_ONLY.test(text)) return text
      const dateTime = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)
      if (dateTime) return dateTime[1]!
      return (options.spreadsheet ? excelSerialDate(text, options.date1904 === true) : null) ?? text
    }
    case 'number':
    case 'geolocation':
    case 'lookup':
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : text
    case 'checkbox': {
      const lower = text.toLowerCase()
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text
    }
    case 'picklist':
      return matchCode(field.codeList ?? field.name, text)
    case 'multiPicklist': {
      const codes = codeList(field.codeList ?? field.name, parts(text)) as string[]
      return codes.length > 0 ? codes : undefined
    }
  }
}

/** A value from JSON: strings go through cellValue; a multi-select may also be a ';'-joined string. */
export function jsonValue(field: HtcdsField, value: unknown, options: CellOptions = {}): unknown {
  if (typeof value === 'string') {
    if (field.type !== 'multiPicklist') return cellValue(field, value, { ...options, json: true })
    value = parts(value)
  }
  if (field.type === 'multiPicklist' && Array.isArray(value))
    return codeList(field.codeList ?? field.name, value as unknown[])
  return value
}

/** A multi-select cell's parts: separated by ';' or a line break. */
function parts(text: string): string[] {
  // Splitting on a plain character is much faster than on a pattern; most cells have no line break.
  return text.includes('\n') ? text.split(/[;\n]/) : text.split(';')
}

/**
 * The codes of a multi-select's parts, in order. Blank parts ("A;;B", a trailing ';') and repeats
 * are noise in a file, not a second answer; a part that is not text is kept for the checks to name.
 */
function codeList(list: string, items: readonly unknown[]): unknown[] {
  const codes = new Set<unknown>()
  for (const part of items) {
    const code = typeof part === 'string' ? matchCode(list, unguard(part)) : part
    if (code !== '') codes.add(code)
  }
  return [...codes]
}

export function isKnownField(name: string): boolean {
  return fieldByName(name) !== undefined
}
