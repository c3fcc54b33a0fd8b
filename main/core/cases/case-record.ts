import { CaseVaultError } from '../errors'
import { validateSection } from '../../api/contract/htcds'
import type { PersonFields } from './case-repository'

export type SectionId = Parameters<typeof validateSection>[0]

export interface FieldIssue {
  path: string
  code: string
  message: string
}

/**
 * Validates several HTCDS section records at once and throws one VALIDATION error listing every
 * bad field with its path (e.g. `survivor.prs_Gender`), so the form can mark them all together.
 */
export function validateSections(
  parts: { path: string; section: SectionId; record: Record<string, unknown>; forNewRecords?: boolean }[],
): Record<string, unknown>[] {
  const issues: FieldIssue[] = []
  const values = parts.map((part) => {
    const result = validateSection(part.section, part.record, {
      requireCore: false,
      forNewRecords: part.forNewRecords ?? true,
    })
    if (result.ok) return result.value as Record<string, unknown>
    for (const issue of result.issues) {
      issues.push({ path: `${part.path}.${issue.field}`, code: issue.code, message: issue.message })
    }
    return {}
  })
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues })
  return values
}

/** Fields the case row manages itself; a form must not smuggle a different value in through the record. */
export const MANAGED_CASE_FIELDS = ['cas_Status', 'cas_CaseOwner', 'cas_ReasonForCaseClosure'] as const

export function rejectManagedFields(details: Record<string, unknown>): void {
  const present = MANAGED_CASE_FIELDS.filter((field) => field in details)
  if (present.length === 0) return
  throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
    issues: present.map((field) => ({
      path: `details.${field}`,
      code: 'managed_field',
      message: 'set through the case status and assignment, not the record',
    })),
  })
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null
}

/** "First Middle Second", or the first alias, or null when the survivor gave no name at all. */
export function personDisplayName(
  record: Record<string, unknown>,
  aliases: readonly string[],
): string | null {
  const parts = [record.prs_FirstName, record.prs_MiddleName, record.prs_SecondName].map(text).filter(Boolean)
  if (parts.length > 0) return parts.join(' ')
  return aliases[0] ?? null
}

export function survivorFields(record: Record<string, unknown>, aliases: string[]): PersonFields {
  const displayName = personDisplayName(record, aliases)
  if (!displayName) {
    throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
      issues: [
        {
          path: 'survivor.prs_FirstName',
          code: 'required',
          message: 'a name or an alias the survivor is known by is required',
        },
      ],
    })
  }
  const citizenship = Array.isArray(record.prs_Citizenship)
    ? (record.prs_Citizenship[0] as string | undefined)
    : undefined
  return {
    kind: 'survivor',
    displayName,
    birthdate: text(record.prs_Birthdate),
    gender: text(record.prs_Gender),
    citizenship: citizenship ?? null,
    aliases,
    record,
  }
}

/** Whole years between a yyyy-mm-dd birthdate and the intake date; null if unknown or impossible. */
export function ageOn(birthdate: string | null, onDate: string): number | null {
  if (!birthdate) return null
  const [by, bm, bd] = birthdate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number]
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
  return age >= 0 && age < 130 ? age : null
}

export function codes(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : []
}
