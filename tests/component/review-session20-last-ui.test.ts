// @vitest-environment jsdom
// Review of the last screen fixes (c878034..HEAD). Each test states the expected behaviour and failed
// on the code before its fix; the comment says what goes wrong and who it hurts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ReferralConsent } from '../../main/api/contract'
import ConsentPanel from '../../renderer/src/components/referrals/ConsentPanel.vue'
import { install, plugins, referral, settle } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const WITHDRAWN: ReferralConsent = {
  id: 3,
  givenBy: 'survivor',
  givenByName: null,
  givenOn: '2026-03-19',
  purpose: 'Legal advice',
  categories: ['identity', 'contactDetails'],
  recordedByName: 'Sam Lee',
  recordedAt: '2026-03-19T10:00:00.000Z',
  withdrawnOn: '2026-04-20',
}

describe('a referral already sent whose consent was then withdrawn', () => {
  // WHAT: the last fix changed the "no consent" warning only for FINISHED referrals (`finished`:
  // no next status). A referral that was SENT (or accepted, in progress: still open) and whose
  // consent the survivor then withdrew shows the draft's warning: "No consent is recorded. The
  // referral cannot be sent until it is." — under "Earlier consents" listing the one withdrawn, on
  // a referral that went out weeks ago. That is the very misreading the fix's own comment names
  // ("read as if it had gone out without consent"): a supervisor checking the file believes the
  // referral left without consent, and the caseworker is told to record one before "sending" what
  // was already sent. (An incoming, 'received' referral, never sent by us, reads the same.)
  // CAUSE: renderer/src/components/referrals/ConsentPanel.vue:84 (chooses by `finished`, not by
  // whether the referral is still a draft). FIX: say referrals.consent.none only for a draft
  // (status === 'draft'); otherwise noneInForce (plus "record a new one" where allowed).
  it('does not say a sent referral "cannot be sent until" a consent is recorded', async () => {
    install({ referrals: { withdrawConsent: vi.fn() } })
    const sent = referral({
      status: 'sent',
      nextStatuses: ['accepted', 'declined', 'closed_unsuccessful'],
      consentInForce: null,
      consents: [WITHDRAWN],
      sharedCategories: ['identity', 'contactDetails'],
      history: [],
    })
    const wrapper = mount(ConsentPanel, {
      props: { referral: sent, finished: false },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.find('[data-testid="consent-none"]').exists()).toBe(true)
    // Today: "No consent is recorded. The referral cannot be sent until it is."
    expect(wrapper.get('[data-testid="consent-none"]').text()).not.toMatch(/cannot be sent until/)
    wrapper.unmount()
  })
})
