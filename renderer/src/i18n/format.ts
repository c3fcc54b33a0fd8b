import { useI18n } from 'vue-i18n'

/** Dates, times and sizes in the reader's locale. Calendar dates (yyyy-mm-dd) are never shifted by time zone. */
export function useFormat() {
  const { locale, t } = useI18n()

  function calendarDate(iso: string | null | undefined): string {
    if (!iso) return ''
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
    if (!match) return iso
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    // Not a real day (2026-13-45): shown as typed, never as the day Date rolls it over to.
    if (date.toISOString().slice(0, 10) !== iso) return iso
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
  }

  function dateTime(iso: string | null | undefined): string {
    if (!iso) return ''
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
  }

  /** The local calendar day of a timestamp, without the time. */
  function dayOf(iso: string | null | undefined): string {
    if (!iso) return ''
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(date)
  }

  function fileSize(bytes: number): string {
    const number = (value: number, digits: number) =>
      new Intl.NumberFormat(locale.value, { maximumFractionDigits: digits }).format(value)
    if (bytes < 1024) return t('format.bytes', { size: number(bytes, 0) })
    if (bytes < 1024 * 1024) return t('format.kilobytes', { size: number(bytes / 1024, 0) })
    return t('format.megabytes', { size: number(bytes / (1024 * 1024), 1) })
  }

  /** A count (of characters, of rows) with the locale's digit grouping: 20,000 rather than 20000. */
  function count(value: number): string {
    return new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }).format(value)
  }

  return { calendarDate, dateTime, dayOf, fileSize, count }
}
