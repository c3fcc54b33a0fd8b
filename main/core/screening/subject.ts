import type { ScreeningSubject } from '../../api/contract/screening'

/** How a walk-in is listed: "First Last", or the alias they gave. */
export function subjectName(subject: ScreeningSubject): string {
  const name = [subject.firstName, subject.lastName].filter(Boolean).join(' ')
  return name || subject.alias || ''
}

/**
 * The walk-in's details as an HTCDS survivor (prs_) record for "create case from this screening".
 * Age and birth year stay on the screening: HTCDS has only a full birthdate, and inventing a day
 * and month would put a false date in the record.
 */
export function subjectToSurvivor(subject: ScreeningSubject): {
  survivor: Record<string, unknown>
  survivorAliases: string[]
} {
  const survivor: Record<string, unknown> = {}
  if (subject.firstName) survivor.prs_FirstName = subject.firstName
  if (subject.lastName) survivor.prs_SecondName = subject.lastName
  if (subject.gender) survivor.prs_Gender = subject.gender
  if (subject.citizenship) survivor.prs_Citizenship = [subject.citizenship]
  return { survivor, survivorAliases: subject.alias ? [subject.alias] : [] }
}
