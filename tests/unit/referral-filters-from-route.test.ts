// The Referrals list opens filtered from its address (the dashboard's "awaiting an answer" card
// links to all of them); a value it does not know is dropped, never passed on to main.
import { describe, expect, it } from 'vitest'
import {
  referralFiltersFrom,
  referralFiltersQuery,
} from '../../renderer/src/components/referrals/referral-filters-from-route'

describe('the Referrals list filters from the address', () => {
  it('takes the known values and drops the rest', () => {
    expect(referralFiltersFrom({ direction: 'outgoing', status: 'sent' })).toEqual({
      status: 'sent',
      direction: 'outgoing',
      due: '',
    })
    expect(referralFiltersFrom({ due: 'overdue', status: ['sent', 'draft'], direction: 'sideways' })).toEqual(
      {
        status: '',
        direction: '',
        due: 'overdue',
      },
    )
    expect(referralFiltersFrom({})).toEqual({ status: '', direction: '', due: '' })
  })
  it('writes the filters picked into the address, the empty ones left out', () => {
    expect(referralFiltersQuery({ status: 'sent', direction: '', due: 'overdue' })).toEqual({
      status: 'sent',
      due: 'overdue',
    })
    expect(referralFiltersQuery({ status: '', direction: '', due: '' })).toEqual({})
  })
})
