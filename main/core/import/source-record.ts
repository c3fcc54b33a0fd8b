import type { CaseDraft } from './case-candidate'
import { ctdcImport } from './ctdc-definitions'
import { reason, type ImportReason } from './import-reasons'

/** No provenance record CaseVault writes comes near this: a CTDC row's values are a few hundred bytes. */
const MAX_SOURCE_RECORD_CHARS = 20_000

type Fields = Record<string, unknown>

/**
 * Where a record came from, as CaseVault's full exports carry it (`sourceRecord`, `source_record`):
 * an object, given as JSON (an object in JSON files, its text in a CSV cell). Null when absent.
 */
export function readSourceRecord(value: unknown): { record: Fields | null } | { problem: ImportReason } {
  if (value === undefined || value === null || value === '') return { record: null }
  let parsed = value
  if (typeof value === 'string') {
    if (value.length > MAX_SOURCE_RECORD_CHARS) return { problem: reason('notAnObject') }
    try {
      parsed = JSON.parse(value)
    } catch {
      return { problem: reason('notAnObject') }
    }
  }
  const isPlainObject =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.getPrototypeOf(parsed) === Object.prototype
  if (!isPlainObject || JSON.stringify(parsed).length > MAX_SOURCE_RECORD_CHARS)
    return { problem: reason('notAnObject') }
  return { record: parsed as Fields }
}

/**
 * A CTDC record moved by export and import keeps the label it was given when it came from the
 * dataset ("CTDC record 2"); without it, it became "Unnamed survivor (import row N)".
 */
export function survivorLabelOf(source: CaseDraft['source'], record: Fields | null): string | undefined {
  if (source !== 'ctdc-deidentified' || record?.dataset !== 'CTDC') return undefined
  const row = record.row
  return Number.isInteger(row) && (row as number) > 0
    ? ctdcImport.survivorDisplayName.replace('{row}', String(row))
    : undefined
}

/** Where an unnamed survivor's label is kept in the provenance record (case-candidate.ts). */
export const UNNAMED_LABEL_KEY = 'unnamedSurvivorLabel'

/** The label an unnamed survivor was given at an earlier import, if the record carries one. */
export function unnamedLabelOf(record: Fields | null): string | undefined {
  const label = record?.[UNNAMED_LABEL_KEY]
  return typeof label === 'string' && label.trim() !== '' && label.length <= 200 ? label.trim() : undefined
}
