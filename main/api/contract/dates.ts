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
