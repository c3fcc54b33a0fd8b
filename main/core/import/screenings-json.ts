// A JSON case's "screenings" and the file's "screeningTemplates" (as the full HTCDS JSON export
// writes them: full-records-screenings.ts, htcds-json.ts) → drafts for screenings-check.ts and the
// template list of screening-templates-import.ts. A file from before screenings were exported has
// neither: nothing to draft, and the case imports as it always did.
import type { CaseworkItem } from './casework-check'
import { reason, type ImportReason } from './import-reasons'
import type { FileTemplate } from './screening-templates-import'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The case's screenings, each named by its JSON path (`screenings.0.answers.legalStatus`). */
export function jsonScreenings(
  source: Record<string, unknown>,
  fail: (field: string, cause: ImportReason) => void,
): CaseworkItem[] | undefined {
  const list = source.screenings
  if (list === undefined || list === null) return undefined
  if (!Array.isArray(list)) {
    fail('screenings', reason('expectedList'))
    return undefined
  }
  return list.map((value, index) => ({
    value,
    at: (path: string) => (path ? `screenings.${index}.${path}` : `screenings.${index}`),
  }))
}

/** The document's template list; anything else (an old file, a bare array of cases) has none. */
export function jsonTemplates(document: unknown): FileTemplate[] {
  if (!isObject(document) || !Array.isArray(document.screeningTemplates)) return []
  return document.screeningTemplates.filter(isObject).map((entry) => ({
    key: entry.key,
    version: entry.version,
    definition: entry.definition,
  }))
}
