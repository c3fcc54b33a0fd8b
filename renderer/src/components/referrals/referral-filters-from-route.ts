import type { LocationQuery } from 'vue-router'
import { referralDirections, referralStatuses } from '../../../../main/api/contract'
import type { ReferralFilterValues } from './ReferralListFilters.vue'

const DUE = ['overdue', 'thisWeek'] as const

/**
 * The Referrals list's filters from the address, so that a link can open it filtered: the
 * dashboard's "awaiting an answer" card leads to all of them (outgoing, sent) as the follow-up
 * cards lead to theirs; it had shown "12" and listed 8, with no way to the other 4. A value the
 * list does not know is ignored, not passed on.
 */
export function referralFiltersFrom(query: LocationQuery): ReferralFilterValues {
  const one = <T extends string>(value: unknown, allowed: readonly T[]): T | '' =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : ''
  return {
    status: one(query.status, referralStatuses),
    direction: one(query.direction, referralDirections),
    due: one(query.due, DUE),
  }
}

/** The address's query for the filters: the empty ones left out. */
export function referralFiltersQuery(filters: ReferralFilterValues): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''))
}
