import { describe, expect, it } from 'vitest'
import {
  assertTransition,
  initialStatus,
  isEditable,
  nextStatuses,
} from '../../main/core/referrals/referral-workflow'
import { CaseVaultError } from '../../main/core/errors'
import { codesOf } from '../../main/api/contract/htcds'
import {
  referralReasons,
  referralStatuses,
  supportPlanTypes,
  type ReferralStatus,
} from '../../main/api/contract'
import { followUpState } from '../../main/core/referrals/referral-mappers'
import { addDays } from '../../main/core/referrals/local-date'

const LEGAL: [ReferralStatus, ReferralStatus][] = [
  ['draft', 'sent'],
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['sent', 'closed_unsuccessful'],
  ['received', 'accepted'],
  ['received', 'declined'],
  ['accepted', 'in_progress'],
  ['accepted', 'closed_unsuccessful'],
  ['in_progress', 'completed'],
  ['in_progress', 'closed_unsuccessful'],
]

describe('the referral workflow table', () => {
  it('allows exactly the documented steps and refuses every other pair with INVALID_TRANSITION', () => {
    for (const from of referralStatuses) {
      for (const to of referralStatuses) {
        const legal = LEGAL.some(([a, b]) => a === from && b === to)
        if (legal) {
          expect(() => assertTransition(from, to)).not.toThrow()
          continue
        }
        try {
          assertTransition(from, to)
          expect.fail(`${from} → ${to} should be refused`)
        } catch (error) {
          expect(error).toBeInstanceOf(CaseVaultError)
          expect(error).toMatchObject({ code: 'INVALID_TRANSITION', details: { from, to } })
        }
      }
    }
  })

  it('starts outgoing referrals as drafts and incoming ones as received; final statuses lead nowhere', () => {
    expect(initialStatus('outgoing')).toBe('draft')
    expect(initialStatus('incoming')).toBe('received')
    for (const final of ['declined', 'completed', 'closed_unsuccessful'] as const)
      expect(nextStatuses(final)).toEqual([])
    expect(referralStatuses.filter(isEditable)).toEqual(['draft', 'received'])
  })

  it('uses the HTCDS code lists for reasons and services requested', () => {
    for (const list of ['cas_ReasonForOutgoingReferral', 'cas_ReasonForIncomingReferral'])
      expect(codesOf(list).map((code) => code.code)).toEqual([...referralReasons])
    expect(codesOf('spl_Type').map((code) => code.code)).toEqual([...supportPlanTypes])
  })

  it('calls an open referral overdue after its follow-up day and due this week up to 7 days ahead', () => {
    const today = '2026-03-30'
    expect(followUpState('sent', '2026-03-29', today)).toBe('overdue')
    expect(followUpState('sent', today, today)).toBe('dueThisWeek')
    expect(followUpState('accepted', addDays(today, 7), today)).toBe('dueThisWeek')
    expect(followUpState('accepted', addDays(today, 8), today)).toBeNull()
    expect(followUpState('completed', '2026-03-01', today)).toBeNull()
    expect(followUpState('sent', null, today)).toBeNull()
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
  })
})
