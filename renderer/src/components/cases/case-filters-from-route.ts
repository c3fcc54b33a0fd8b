import type { LocationQuery } from 'vue-router'
import { caseStatuses, type CaseStatus } from '../../../../main/api/contract'
import { emptyCaseFilters, type CaseListFilters } from '../../stores/cases'

/** The filters a link can open the case list on. */
export type CaseFiltersInLink = Pick<CaseListFilters, 'status' | 'assignedUserId'> &
  Partial<Pick<CaseListFilters, 'caseworkOnly'>>

/**
 * The case list's filters from the address, so that a link can open it filtered: the dashboard's
 * "My open cases" card counts the Active and FollowUp cases assigned to me, and its link had
 * opened every case of the organisation (or whatever filter was left from earlier). Null when the
 * address names none: the list then keeps the filters it had, as the side menu's Cases and a
 * case's Back link carry none. A value the list does not know is ignored, not passed on.
 */
export function caseFiltersFrom(query: LocationQuery): CaseListFilters | null {
  const values = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).filter((one): one is string => typeof one === 'string')
  const status = values(query.status).filter((one): one is CaseStatus =>
    (caseStatuses as readonly string[]).includes(one),
  )
  const assignee = values(query.assignee)[0] ?? ''
  const assignedUserId = /^[1-9][0-9]{0,8}$/.test(assignee) ? Number(assignee) : null
  // The card leaves CTDC's public rows out; without this its link listed them beside the count.
  const caseworkOnly = values(query.casework)[0] === '1'
  if (status.length === 0 && assignedUserId === null && !caseworkOnly) return null
  return { ...emptyCaseFilters(), status: [...new Set(status)], assignedUserId, caseworkOnly }
}

/** The address's query for a link to the list on these filters: the empty ones left out. */
export function caseFiltersQuery(filters: CaseFiltersInLink): Record<string, string | string[]> {
  return {
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(filters.assignedUserId !== null ? { assignee: String(filters.assignedUserId) } : {}),
    ...(filters.caseworkOnly ? { casework: '1' } : {}),
  }
}
