import { z } from 'zod'

/** A real calendar date as yyyy-mm-dd (2025-02-30 is refused, not rolled over to March). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

// params.code marks the check as a date's, as the HTCDS dates do: forms then say "Enter a real
// date as year-month-day" instead of a bare "This value is not valid".
export const isoDateSchema = z
  .string()
  .refine(isRealIsoDate, { message: 'not a real date (yyyy-mm-dd)', params: { code: 'invalid_date' } })

/**
 * The dates a case can have, one rule for the case forms, main's own check and the import: when
 * the import refused what a form had saved, a move to a new vault left such cases behind.
 */
export const EARLIEST_INTAKE_DATE = '1950-01-01'

const pad = (n: number) => String(n).padStart(2, '0')

/** The calendar day of `date` in the machine's time zone, as yyyy-mm-dd (what staff call "today"). */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * The last day an intake can be on: today where this computer is, or in UTC if that is later
 * (a file written east of here, a record made just after midnight UTC, is not "in the future").
 */
export function latestIntakeDate(now: Date): string {
  const local = localIsoDate(now)
  const utc = now.toISOString().slice(0, 10)
  return local > utc ? local : utc
}

/**
 * The last intake day a file may hold: today anywhere on Earth (UTC+14). A file is often written in
 * another time zone than the one it is imported in, where its "today" may already be tomorrow.
 */
export function latestImportedIntakeDate(now: Date): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

export type IntakeDateProblem = 'date_in_future' | 'date_too_early'

/** What is wrong with a real yyyy-mm-dd intake date, if anything (yyyy-mm-dd compare in calendar order). */
export function intakeDateProblem(intakeDate: string, latest: string): IntakeDateProblem | null {
  if (intakeDate > latest) return 'date_in_future'
  if (intakeDate < EARLIEST_INTAKE_DATE) return 'date_too_early'
  return null
}

/** A birthdate after the intake date is a typo in one of the two. */
export function bornAfterIntake(birthdate: unknown, intakeDate: string): boolean {
  return typeof birthdate === 'string' && isRealIsoDate(birthdate) && birthdate > intakeDate
}
