// @vitest-environment jsdom
// Review of the last hour's screen fixes. Each test states the expected behaviour and failed on the
// code before its fix; the comment says what goes wrong and who it hurts.
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

describe('a finished referral after its consent is withdrawn', () => {
  // WHAT: the fix lets a caseworker withdraw the consent of a completed referral (right). The
  // panel then shows, for that referral, the warning meant for drafts: "No consent is recorded.
  // The referral cannot be sent until it is." — under a list of "Earlier consents" that shows the
  // one just withdrawn, on a referral that was sent weeks ago, with no button to record one (a
  // finished referral takes none). The caseworker who just honoured the survivor's withdrawal is
  // told the referral is blocked and the consent missing; a supervisor reading the page later
  // believes the referral went out without consent.
  // CAUSE: renderer/src/components/referrals/ConsentPanel.vue:82-84 (`consent-none` says
  // referrals.consent.none whatever `finished`). FIX: on a finished referral say that no consent
  // is in force now (e.g. "No consent in force: it was withdrawn. The referral form shows no
  // survivor information.").
  it('does not say the referral cannot be sent until a consent is recorded', async () => {
    install({ referrals: { withdrawConsent: vi.fn() } })
    const completed = referral({
      status: 'completed',
      nextStatuses: [],
      consentInForce: null,
      consents: [WITHDRAWN],
      sharedCategories: ['identity', 'contactDetails'],
    })
    const wrapper = mount(ConsentPanel, {
      props: { referral: completed, finished: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.find('[data-testid="consent-record"]').exists()).toBe(false)
    // Today: "No consent is recorded. The referral cannot be sent until it is."
    expect(wrapper.text()).not.toMatch(/cannot be sent until/)
    wrapper.unmount()
  })
})
