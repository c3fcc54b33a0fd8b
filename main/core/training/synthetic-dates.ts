// Calendar arithmetic on yyyy-mm-dd strings, in UTC so a generated vault does not depend on the
// time zone of the machine that made it.

const DAY_MS = 24 * 60 * 60 * 1000

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function parse(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, date)
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(parse(day) + days * DAY_MS))
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS)
}

/** The same calendar day `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return isoDay(new Date(Date.UTC(year - years, month - 1, Math.min(date, 28))))
}

/** An ISO timestamp on `day` during office hours, minutes from the given 0..1 fractions. */
export function officeHoursOn(day: string, hourFraction: number, minuteFraction: number): string {
  const hour = 8 + Math.floor(hourFraction * 10)
  const minute = Math.floor(minuteFraction * 60)
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`
}
