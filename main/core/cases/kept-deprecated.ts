import { CaseVaultError } from '../errors'
import { sectionById } from '../../api/contract/htcds'
import type { SectionId } from './case-record'

/** What a case holds now, as stored: the records an update is compared with. */
export interface StoredCase {
  survivor: Record<string, unknown>
  victim: Record<string, unknown>
  details: Record<string, unknown>
  events: ReadonlyMap<number, Record<string, unknown>>
}

/**
 * A deprecated HTCDS field may stay in a record that already holds it, unchanged: a case imported
 * from an older file keeps, say, vic_Vulnerabilities. Its edit form sends the field back as loaded,
 * and the whole save had been refused ("deprecated field"), so the case could never be kept
 * current; clearing the field lost what the survivor had told. Adding or changing one stays refused.
 */
export function assertDeprecatedKept(
  parts: readonly { path: string; section: SectionId; record: Record<string, unknown> }[],
  storedRecordOf: (path: string) => Record<string, unknown>,
): void {
  const issues = parts.flatMap(({ path, section, record }) => {
    const stored = storedRecordOf(path)
    return (sectionById(section)?.fields ?? [])
      .filter((field) => field.status === 'deprecated' && record[field.name] !== undefined)
      .filter((field) => JSON.stringify(record[field.name]) !== JSON.stringify(stored[field.name]))
      .map((field) => ({
        path: `${path}.${field.name}`,
        code: 'deprecated',
        message: 'deprecated field, not accepted in new records',
      }))
  })
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues })
}
