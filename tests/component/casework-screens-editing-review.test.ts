// @vitest-environment jsdom
// The casework screens (cases, referrals, perpetrators, routing by role), from a reviewing helper's
// hunt; each test failed before its fix (the two on stale versions before the CONFLICT wording of
// 31ec95b). This half: a stale version on closing a case or moving a referral on was told as a
// clash with an existing username, a typed follow-up outcome was wiped by an unrelated change, and
// a typed comment was lost on leaving without a question. Roles and lists are in
// casework-screens-reading-review.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CaseDetail, ReferralDetail } from '../../main/api/contract'
import CaseDetailView from '../../renderer/src/views/CaseDetailView.vue'
import CloseCaseDialog from '../../renderer/src/components/cases/detail/CloseCaseDialog.vue'
import TransitionDialog from '../../renderer/src/components/referrals/TransitionDialog.vue'
import FollowUpForm from '../../renderer/src/components/referrals/FollowUpForm.vue'
import { CASE, install, ok, plugins, referral, refused, settle, signIn } from './casework-screens-support'

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('stale-version conflicts say what happened', () => {
  // A caseworker closes a case that a colleague edited a minute ago (main: CONFLICT, "Someone else
  // saved this case after you opened it").
  // Happens: the dialog says "This clashes with something that already exists, for example a
  // username that is taken." — meaningless here; the person does not learn to reload.
  // Should: say someone else changed the case, and keep the typed reason.
  // Cause: CloseCaseDialog.vue:62 uses the generic errors.CONFLICT (i18n/en/shell.ts:156, written
  // for usernames); only case-edit-form.ts:106 treats a stale version specially.
  // Fix: a CONFLICT on a versioned record maps to a "someone else changed this" message.
  it('tells the person closing a case that someone else changed it', async () => {
    const close = vi.fn(async () =>
      refused<CaseDetail>('CONFLICT', 'Someone else saved this case after you opened it.'),
    )
    install({ cases: { close } })
    const wrapper = mount(CloseCaseDialog, {
      props: { detail: CASE, open: false },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="close-reason"]')!
    reason.value = 'Moved to a partner shelter'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="close-dialog"] form')!.requestSubmit()
    await settle()
    expect(close).toHaveBeenCalledTimes(1)
    const message = document.querySelector('[data-testid="close-error"]')!.textContent ?? ''
    expect(reason.value).toBe('Moved to a partner shelter')
    expect(message).not.toMatch(/username/i)
    expect(message).toMatch(/someone else|changed|saved/i)
    wrapper.unmount()
  })

  // A caseworker marks a referral "In progress" after a colleague already updated it.
  // Happens: "This clashes with something that already exists, for example a username that is taken."
  // Should: say that someone else changed this referral and it needs reloading.
  // Cause: TransitionDialog.vue:79 (generic errors.CONFLICT; main's message is in
  // main/core/referrals/referral-service.ts:32-36).
  it('tells the person moving a referral on that someone else changed it', async () => {
    const transition = vi.fn(async () =>
      refused<ReferralDetail>(
        'CONFLICT',
        'Someone else changed this referral after you opened it. Reload it and try again.',
      ),
    )
    install({ referrals: { transition } })
    const wrapper = mount(TransitionDialog, {
      props: { visible: false, referral: referral(), to: 'in_progress' },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="transition-dialog"] form')!.requestSubmit()
    await settle()
    expect(transition).toHaveBeenCalledTimes(1)
    const message = document.querySelector('[data-testid="transition-error"]')!.textContent ?? ''
    expect(message).not.toMatch(/username/i)
    expect(message).toMatch(/someone else|changed/i)
    wrapper.unmount()
  })
})

describe('typed work is not thrown away', () => {
  // On a referral, a caseworker types the outcome ("Accepted for legal aid, first appointment…")
  // in the Follow-up form, then records consent (or moves the referral on) before pressing Save.
  // Happens: main returns the updated referral, the form's watch on `referral` (any change) resets
  // the date and outcome to the saved values: the typed outcome vanishes without a word.
  // Should: what was typed and not saved stays in the form (only the referral's own follow-up
  // values changing, or a save of this form, may reset it).
  // Cause: renderer/src/components/referrals/FollowUpForm.vue:24-31 (watch on the whole referral).
  it('keeps an unsaved follow-up outcome when another part of the referral changes', async () => {
    install({ referrals: {} })
    const wrapper = mount(FollowUpForm, {
      props: { referral: referral() },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await wrapper.get('[data-testid="follow-up-outcome"]').setValue('Accepted for legal aid on 2 April')
    // A consent was recorded on the same referral: main sends the referral back with a new version.
    await wrapper.setProps({ referral: referral({ version: 6, updatedAt: '2026-03-21T09:00:00.000Z' }) })
    await flushPromises()
    expect((wrapper.get('[data-testid="follow-up-outcome"]').element as HTMLTextAreaElement).value).toBe(
      'Accepted for legal aid on 2 April',
    )
    wrapper.unmount()
  })

  // A caseworker writes a long comment on a case ("Called the embassy; passport appointment…"),
  // then clicks "Cases" (or a dashboard link) before pressing "Add comment".
  // Happens: the app leaves at once; the comment is gone.
  // Should: leaving a screen with typed, unsaved work asks first (as the edit form and the new-case
  // wizard do).
  // Cause: CaseDetailView.vue:98 guards only `edit.dirty`; CaseCommentsTab.vue:17 keeps the typed
  // comment in a local ref that no guard knows of. Same for FollowUpForm.vue on a referral.
  // Fix: let the comment box (and follow-up form) report dirtiness to the view's unsaved guard.
  it('asks before leaving a case with a typed but unposted comment', async () => {
    install({
      cases: { get: vi.fn(async () => ok(CASE)) },
      comments: { list: vi.fn(async () => ok([])), add: vi.fn() },
    })
    signIn('caseworker')
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/cases', name: 'cases', component: { template: '<div />' } },
        { path: '/cases/:id', name: 'case-detail', component: CaseDetailView },
      ],
    })
    await router.push('/cases/4')
    const stubs = Object.fromEntries(
      [
        'CaseSurvivorTab',
        'CaseExperienceTab',
        'CaseEventsTab',
        'CasePerpetratorsTab',
        'CaseAttachmentsTab',
        'CaseHistoryTab',
        'CaseScreeningTab',
        'CaseReferralsTab',
        'CaseSupportPlansTab',
      ].map((name) => [name, true]),
    )
    const wrapper = mount(
      { template: '<RouterView />' },
      { global: { plugins: [...plugins(), router], stubs }, attachTo: document.body },
    )
    await settle()
    await wrapper.get('[data-testid="case-tab-comments"]').trigger('click')
    await settle()
    await wrapper
      .get('[data-testid="comment-input"]')
      .setValue('Called the embassy; passport appointment on 2 April')
    void router.push('/cases')
    await settle()
    expect(router.currentRoute.value.name).toBe('case-detail')
    wrapper.unmount()
  })
})
