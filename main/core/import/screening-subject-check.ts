// The walk-in's own details on an imported screening (the full exports' `subject`: an object in the
// JSON file, JSON text in screenings.csv's cell), checked by the contract's own schema, as main checks
// them on a new screening (createAssessmentInput), birth year against the screening's date included.
// A screening made on a case has none. A problem is one of the case's row, never a crash, and a
// reason never echoes a value: these are a survivor's name and how to reach her.
import type { z } from 'zod'
import {
  bornAfterScreening,
  screeningSubjectSchema,
  type ScreeningSubject,
} from '../../api/contract/screening'
import { reason, type ImportReason } from './import-reasons'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** JSON text (a CSV cell), or the value itself: a cell that is not JSON is then not an object. */
function fromCell(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function subjectReason(issue: z.core.$ZodIssue, field: string): ImportReason {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'string'
        ? reason('expectedText')
        : issue.expected === 'number'
          ? reason('expectedNumber')
          : reason('notValid')
    case 'too_big':
      return issue.origin === 'string'
        ? reason('textTooLong', { max: Number(issue.maximum) })
        : reason('aboveMaximum', { max: Number(issue.maximum) })
    case 'too_small':
      return reason('belowMinimum', { min: Number(issue.minimum) })
    case 'custom':
      // The schema's own refinements: a name or an alias, and codes from HTCDS's lists.
      if (field === 'firstName') return reason('required')
      return field === 'citizenship' ? reason('notACountry') : reason('notValid')
    default:
      return reason('notValid')
  }
}

/**
 * The subject as the vault stores it (the schema's output), null when the screening has none, or
 * null after telling `problem` what is wrong (the caller then rejects the case's row).
 */
export function checkedSubject(
  raw: unknown,
  assessedOn: string,
  problem: (path: string, cause: ImportReason) => void,
): ScreeningSubject | null {
  if (raw === undefined || raw === null) return null
  const value = fromCell(raw)
  if (!isObject(value)) {
    problem('subject', reason('notAFieldObject'))
    return null
  }
  const parsed = screeningSubjectSchema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : ''
      // A key the schema does not know is dropped by it, not named: it is the file's text.
      problem(field ? `subject.${field}` : 'subject', subjectReason(issue, field))
    }
    return null
  }
  // As a new screening's (contract/screening.ts): a birth year after the screening is a slip.
  if (bornAfterScreening(parsed.data.birthYear, assessedOn)) {
    problem('subject.birthYear', reason('aboveMaximum', { max: Number(assessedOn.slice(0, 4)) }))
    return null
  }
  return parsed.data
}
