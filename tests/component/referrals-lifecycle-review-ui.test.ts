// @vitest-environment jsdom
// The referral screen after a refusal of "someone else changed it" (reviewing helper, referrals
// lifecycle hunt 2). Each test failed on the code before its fix (session 21); the defect is above it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ApiResult, ReferralConsent, ReferralDetail } from '../../main/api/contract'
import ReferralDetailView from '../../renderer/src/views/ReferralDetailView.vue'
import { install, ok, plugins, referral, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const blank = { template: '<div />' }
// As main answers a change made on an old version (referral-service.ts: stale()).
const stale = <T>(): ApiResult<T> => ({
  ok: false,
  error: {
    code: 'CONFLICT',
    message: 'Someone else changed this referral after you opened it. Reload it and try again.',
    details: { stale: true },
  },
})

async function openReferral() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/referrals', name: 'referrals', component: blank },
      { path: '/referrals/:id', name: 'referral-detail', component: ReferralDetailView },
      { path: '/referrals/:id/print', name: 'referral-print', component: blank },
      { path: '/cases/:id', name: 'case-detail', component: blank },
    ],
  })
  await router.push('/referrals/12')
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [...plugins(), router], stubs: { transition: false } }, attachTo: document.body },
  )
  await settle()
  return wrapper
}

describe('after a colleague changed the referral', () => {
  // A caseworker opens an accepted referral (version 5); a colleague records a follow-up on it
  // (version 6). She presses "Mark as in progress" and confirms: main refuses as stale and the
  // dialog says "reload to see their changes". But nothing reads the referral again (only
  // withdrawConsent does, stores/referrals.ts:79-95) and the screen has no reload control: every
  // further Confirm sends version 5 again and is refused again, until she leaves the page and comes
  // back. Should: the store reads the referral again on a stale refusal, so a second try succeeds.
  it('reads the referral again after a stale refusal of a step, so the second try succeeds', async () => {
    const get = vi
      .fn()
      .mockResolvedValueOnce(ok(referral({ version: 5 })))
      .mockResolvedValue(ok(referral({ version: 6, followUpDate: '2026-04-01' })))
    const transition = vi
      .fn()
      .mockImplementation(async (input: { version: number }) =>
        input.version === 6
          ? ok(referral({ version: 7, status: 'in_progress', nextStatuses: ['completed'] }))
          : stale<ReferralDetail>(),
      )
    install({ referrals: { get, transition } })
    signIn('caseworker')
    const wrapper = await openReferral()
    document.querySelector<HTMLElement>('[data-testid="referral-step-in_progress"]')!.click()
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="transition-dialog"] form')!.requestSubmit()
    await settle()
    expect(document.querySelector('[data-testid="transition-error"]')).not.toBeNull()
    // Second try, from the same dialog.
    document.querySelector<HTMLFormElement>('[data-testid="transition-dialog"] form')!.requestSubmit()
    await settle()
    expect(transition).toHaveBeenCalledTimes(2)
    expect(transition.mock.calls[1]![0]).toMatchObject({ version: 6 })
    wrapper.unmount()
  })

  // The same for the Follow-up form: she types the outcome ("First appointment on 2 April"),
  // presses Save after a colleague moved the referral on. Refused as stale; the typed outcome
  // stays, but the form keeps sending version 5 (FollowUpForm.vue:54 reads props.referral.version,
  // never reloaded): the outcome can never be saved from this screen without leaving it.
  it('keeps a typed outcome after a stale refusal and saves it on the second try', async () => {
    const get = vi
      .fn()
      .mockResolvedValueOnce(ok(referral({ version: 5 })))
      .mockResolvedValue(
        ok(
          referral({ version: 6, status: 'in_progress', nextStatuses: ['completed', 'closed_unsuccessful'] }),
        ),
      )
    const setFollowUp = vi
      .fn()
      .mockImplementation(async (input: { version: number; outcome: string | null }) =>
        input.version === 6
          ? ok(referral({ version: 7, status: 'in_progress', outcome: input.outcome }))
          : stale<ReferralDetail>(),
      )
    install({ referrals: { get, setFollowUp } })
    signIn('caseworker')
    const wrapper = await openReferral()
    const outcome = document.querySelector<HTMLTextAreaElement>('[data-testid="follow-up-outcome"]')!
    outcome.value = 'First appointment on 2 April'
    outcome.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLElement>('[data-testid="follow-up-save"]')!.click()
    await settle()
    expect(setFollowUp).toHaveBeenCalledTimes(1)
    expect(outcome.value).toBe('First appointment on 2 April')
    document.querySelector<HTMLElement>('[data-testid="follow-up-save"]')!.click()
    await settle()
    expect(setFollowUp).toHaveBeenCalledTimes(2)
    expect(setFollowUp.mock.calls[1]![0]).toMatchObject({
      version: 6,
      outcome: 'First appointment on 2 April',
    })
    wrapper.unmount()
  })

  // On another computer (same data folder), a colleague recorded the survivor's consent. Here the
  // panel still says "No consent in force" with "Record consent". She records it: main refuses
  // with CONFLICT "A consent is already in force. Withdraw it before recording a new one."
  // (referral-service.ts:275-280, no stale flag, and recordConsent takes no version) and the dialog
  // shows the generic "clashes with something… Reload". Nothing reloads: the panel goes on showing
  // no consent and no Withdraw button, and every retry is refused the same way. Should: the screen
  // reads the referral again, so the consent now in force (and its Withdraw button) is shown.
  it('shows the consent now in force after recording one is refused because another was recorded', async () => {
    const inForce: ReferralConsent = {
      id: 8,
      givenBy: 'survivor',
      givenByName: null,
      givenOn: '2026-03-19',
      purpose: 'Legal advice',
      categories: ['contactDetails'],
      recordedByName: 'Chen Wei',
      recordedAt: '2026-03-21T10:00:00.000Z',
      withdrawnOn: null,
    }
    const draft = { status: 'draft' as const, nextStatuses: ['sent' as const] }
    const get = vi
      .fn()
      .mockResolvedValueOnce(ok(referral({ ...draft, version: 5 })))
      .mockResolvedValue(ok(referral({ ...draft, version: 6, consentInForce: inForce, consents: [inForce] })))
    const recordConsent = vi.fn(async (): Promise<ApiResult<ReferralDetail>> => ({
      ok: false,
      // main's refusal as it now is (referral-service.ts recordConsent): marked stale.
      error: {
        code: 'CONFLICT',
        message: 'A consent is already in force. Withdraw it before recording a new one.',
        details: { stale: true },
      },
    }))
    install({ referrals: { get, recordConsent, activeServices: vi.fn() } })
    signIn('caseworker')
    const wrapper = await openReferral()
    document.querySelector<HTMLElement>('[data-testid="consent-record"]')!.click()
    await settle()
    const purpose = document.querySelector<HTMLTextAreaElement>('[data-testid="consent-purpose"]')!
    purpose.value = 'Legal advice'
    purpose.dispatchEvent(new Event('input'))
    document
      .querySelector<HTMLInputElement>('#consent-category-contactDetails, input[value="contactDetails"]')!
      .click()
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="consent-dialog"] form')!.requestSubmit()
    await settle()
    expect(recordConsent).toHaveBeenCalledTimes(1)
    await vi.waitFor(
      () => expect(document.querySelector('[data-testid="consent-withdraw"]')).not.toBeNull(),
      { timeout: 500 },
    )
    wrapper.unmount()
  })
})
