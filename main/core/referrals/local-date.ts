// localIsoDate lives with the other date rules of the contract (the forms use it too).
export { localIsoDate } from '../../api/contract/dates'

/** yyyy-mm-dd plus `days` calendar days (UTC arithmetic on a date-only value: no DST surprises). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}
