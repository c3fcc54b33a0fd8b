import { isRealIsoDate } from '../../../../main/api/contract/dates'
import {
  sectionById,
  type HtcdsField,
  type HtcdsRecord,
  type HtcdsSectionId,
  type HtcdsValue,
} from '../../../../main/api/contract/htcds'

/**
 * The fields a form may offer for a section: the named ones in that order, or every field of the
 * section. Deprecated fields are never offered (main refuses them in new records), and lookup
 * fields wait for the organisation and person pickers.
 */
export function formFields(sectionId: HtcdsSectionId, names?: readonly string[]): HtcdsField[] {
  const section = sectionById(sectionId)
  if (!section) return []
  const offered = (field: HtcdsField) => field.status !== 'deprecated' && field.type !== 'lookup'
  if (!names) return section.fields.filter(offered)
  return names.flatMap((name) => {
    const field = section.fields.find((candidate) => candidate.name === name)
    return field && offered(field) ? [field] : []
  })
}

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'number') return Number.isNaN(value)
  return false
}

/** The record as main expects it: only filled fields, text trimmed; a cleared field is simply absent. */
export function compactRecord(record: Record<string, unknown> | undefined): HtcdsRecord {
  const compact: HtcdsRecord = {}
  for (const [name, value] of Object.entries(record ?? {})) {
    if (isEmptyValue(value)) continue
    compact[name] = (typeof value === 'string' ? value.trim() : value) as HtcdsValue
  }
  return compact
}

/** Today as yyyy-mm-dd in the computer's own time zone (an intake happens on a local day). */
export function todayIso(now: Date = new Date()): string {
  return isoFromLocalDate(now)
}

export function isoFromLocalDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** yyyy-mm-dd → a Date at local midnight (not UTC, which would show the day before west of Greenwich). */
export function localDateFromIso(value: unknown): Date | null {
  if (typeof value !== 'string' || !isRealIsoDate(value)) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}
