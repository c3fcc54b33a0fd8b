// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { en } from '../../renderer/src/i18n/en'
import {
  consentCategories,
  consentGivers,
  referralDirections,
  referralStatuses,
  referralUrgencies,
  supportPlanStatuses,
} from '../../main/api/contract'

const lists: [string, readonly string[]][] = [
  ['referrals.statuses', referralStatuses],
  ['referrals.actions', referralStatuses.filter((status) => status !== 'draft' && status !== 'received')],
  ['referrals.directions', referralDirections],
  ['referrals.urgencies', referralUrgencies],
  ['referrals.categories', consentCategories],
  ['referrals.givers', consentGivers],
  ['referrals.followUpStates', ['overdue', 'dueThisWeek']],
  ['supportPlans.statuses', supportPlanStatuses],
]

function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en)
}

describe('referral labels', () => {
  it.each(lists)('has a message for every code of %s', (prefix, codes) => {
    for (const code of codes) expect(typeof lookup(`${prefix}.${code}`), `${prefix}.${code}`).toBe('string')
  })
})
