// @vitest-environment jsdom
// Referral screen defects found by a reviewing helper (referrals hunt). Each test failed on the code
// before its fix; the comment above it says what goes wrong and why it matters to a user.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ReferralConsent } from '../../main/api/contract'
import ConsentPanel from '../../renderer/src/components/referrals/ConsentPanel.vue'
import TransitionDialog from '../../renderer/src/components/referrals/TransitionDialog.vue'
import { install, plugins, referral, settle } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const CONSENT: ReferralConsent = {
  id: 3,
  givenBy: 'survivor',
  givenByName: null,
  givenOn: '2026-03-25',
  purpose: 'Legal advice',
  categories: ['identity', 'contactDetails'],
  recordedByName: 'Sam Lee',
  recordedAt: '2026-03-25T10:00:00.000Z',
  withdrawnOn: null,
}

describe('withdrawing consent', () => {
  // The referral to the law centre is completed. A month later the survivor tells her caseworker
  // she no longer wants the centre to have her name and phone number. Happens: the consent panel
  // of a finished referral shows the consent in force but no "Withdraw consent" button, so the
  // withdrawal cannot be recorded, and every later print of the referral form keeps releasing her
  // identity and contact details. Main accepts the withdrawal of a finished referral's consent
  // (referral-service.ts withdrawConsent has no isFinal check; casework-api-access-held.test.ts
  // 'finished referrals' relies on it) — only the screen refuses.
  // Cause: renderer/src/components/referrals/ConsentPanel.vue:86 (`v-if="!finished"` wraps the
  // Withdraw button as well as Record). Fix: hide only "Record consent" when finished.
  it('can be recorded on a finished referral whose consent is still in force', async () => {
    install({ referrals: { withdrawConsent: vi.fn() } })
    const finished = referral({
      status: 'completed',
      nextStatuses: [],
      consentInForce: CONSENT,
      consents: [CONSENT],
      sharedCategories: ['identity', 'contactDetails'],
    })
    const wrapper = mount(ConsentPanel, {
      props: { referral: finished, finished: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.find('[data-testid="consent-in-force"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="consent-withdraw"]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('sending on a day before the consent was given', () => {
  // The survivor's consent is recorded as given on 25 March (shown "in force" on the page); the
  // caseworker records the sending backdated to 21 March, the day the e-mail really went. Main
  // refuses (right), but with CONSENT_REQUIRED and no detail (consent-to-send.ts:17-21), and the
  // dialog shows errors.CONSENT_REQUIRED: "The survivor’s consent to share this information has
  // not been recorded … Record the consent first." That is false — the consent is recorded, right
  // there on the page — and the date field, the actual problem, is not marked: the caseworker
  // records the consent a second time (refused: one in force) or gives up.
  // Cause: main/core/referrals/consent-to-send.ts:17 (a date problem reported as a missing
  // consent) and renderer/src/components/referrals/TransitionDialog.vue:75-83 (only path "on"
  // VALIDATION issues reach the date field). Fix: refuse with invalidField('on', 'before the
  // consent was given', 'before_consent_given') so the dialog marks the date and says why.
  it('does not say that no consent is recorded, and marks the date', async () => {
    // Exactly what main answers today for this send (consent-to-send.ts:18-21; checked on a real vault).
    const transition = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'CONSENT_REQUIRED' as const,
        message: 'Record the survivor’s consent before sending this referral.',
      },
    }))
    install({ referrals: { transition } })
    const draft = referral({
      status: 'draft',
      nextStatuses: ['sent'],
      consentInForce: CONSENT,
      consents: [CONSENT],
    })
    const wrapper = mount(TransitionDialog as never, {
      props: { visible: false, referral: draft, to: 'sent' } as never,
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true } as never)
    await settle()
    const on = document.querySelector<HTMLInputElement>('[data-testid="transition-on"]')!
    on.value = '2026-03-21'
    on.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="transition-dialog"] form')!.requestSubmit()
    await settle()
    expect(transition).toHaveBeenCalledTimes(1)
    const shown = document.querySelector('[data-testid="transition-dialog"]')!.textContent ?? ''
    expect(shown).not.toMatch(/has not been recorded|Record the consent first/)
    expect(on.getAttribute('aria-invalid')).toBe('true')
    wrapper.unmount()
  })
})
