import { isRealIsoDate, type ExportScope } from '../../../../main/api/contract'

/** What the scope fields hold as typed: years for de-identified formats, dates for the others. */
export interface ScopeDraft {
  fromYear: string
  toYear: string
  fromDate: string | undefined
  toDate: string | undefined
}

export type ScopeProblem = 'year' | 'date' | 'order'
export type ScopeReading =
  { ok: true; scope: ExportScope } | { ok: false; field: 'from' | 'to'; problem: ScopeProblem }

export const emptyScopeDraft = (): ScopeDraft => ({
  fromYear: '',
  toYear: '',
  fromDate: undefined,
  toDate: undefined,
})

const YEAR = /^\d{4}$/

/**
 * The scope main is sent. De-identified formats take whole years only (1 January … 31 December):
 * main refuses any other bound, since two exports a day apart could be differenced down to the
 * cases of that day. Empty bounds mean "from the first case" / "to the last".
 */
export function readScope(deidentified: boolean, draft: ScopeDraft): ScopeReading {
  if (deidentified) {
    const from = draft.fromYear.trim()
    const to = draft.toYear.trim()
    if (from && !YEAR.test(from)) return { ok: false, field: 'from', problem: 'year' }
    if (to && !YEAR.test(to)) return { ok: false, field: 'to', problem: 'year' }
    if (from && to && Number(from) > Number(to)) return { ok: false, field: 'to', problem: 'order' }
    return {
      ok: true,
      scope: { ...(from ? { intakeFrom: `${from}-01-01` } : {}), ...(to ? { intakeTo: `${to}-12-31` } : {}) },
    }
  }
  const from = draft.fromDate?.trim() ?? ''
  const to = draft.toDate?.trim() ?? ''
  if (from && !isRealIsoDate(from)) return { ok: false, field: 'from', problem: 'date' }
  if (to && !isRealIsoDate(to)) return { ok: false, field: 'to', problem: 'date' }
  // yyyy-mm-dd strings compare in calendar order.
  if (from && to && from > to) return { ok: false, field: 'to', problem: 'order' }
  return { ok: true, scope: { ...(from ? { intakeFrom: from } : {}), ...(to ? { intakeTo: to } : {}) } }
}
