// @vitest-environment jsdom
// A reviewing helper's hunt for what the screens do when someone else changed the same thing.
// Each test failed on the code before its fix (session 21); the comment says what goes wrong for a user.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CaseDetail, SupportPlan } from '../../main/api/contract'
import CaseSupportPlansTab from '../../renderer/src/components/support-plans/CaseSupportPlansTab.vue'
import CaseDetailView from '../../renderer/src/views/CaseDetailView.vue'
import { CASE, install, ok, plugins, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

function plan(overrides: Partial<SupportPlan> = {}): SupportPlan {
  return {
    id: 7,
    caseId: 4,
    referralId: null,
    type: 'Health',
    objectives: 'Dental treatment',
    actionPlan: null,
    startDate: '2026-03-01',
    plannedEndDate: null,
    actualEndDate: null,
    followUpDate: null,
    status: 'active',
    outcome: null,
    version: 1,
    createdByName: 'Bilal Haddad',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  }
}

describe('a support plan edited by someone else meanwhile', () => {
  // Chen records on the survivor's health plan that the dentist appointment is booked, while
  // Bilal has the same plan's Edit dialog open. Bilal saves: main answers CONFLICT (stale) and the
  // dialog says "reload to see their changes, then make yours again". But nothing on the case
  // reloads: the tab loads the plans once, on mount, and the store replaces a plan only after a
  // successful save (renderer/src/stores/support-plans.ts:25-29). Closing the dialog shows Chen's
  // old text still; reopening Edit starts from the old version again, and every new attempt is
  // refused as stale, until Bilal leaves the case and comes back. (The same was fixed for
  // perpetrators: stores/case-parts.ts:96-102.) Should: on a stale CONFLICT the plans are read
  // again, so the list shows what Chen saved and the next Edit starts from it.
  it('after a stale refusal, the plan list shows the other caseworker’s saved version', async () => {
    const chens = plan({
      objectives: 'Dental treatment — appointment booked for 2 April',
      version: 2,
      updatedAt: '2026-03-21T10:00:00.000Z',
    })
    let current = plan()
    const supportPlans = vi.fn(async () => ok([current]))
    const updateSupportPlan = vi.fn(async () => {
      current = chens // Chen saved first
      return {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Someone else changed this support plan after you opened it.',
          details: { stale: true },
        },
      }
    })
    install({ referrals: { supportPlans, updateSupportPlan, forCase: vi.fn(async () => ok([])) } })
    signIn('caseworker')
    const wrapper = mount(CaseSupportPlansTab, {
      props: { caseId: 4 },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await settle()
    await wrapper.get('[data-testid="support-plan-edit-7"]').trigger('click')
    await settle()
    const dialog = () => document.querySelector('[data-testid="support-plan-dialog"]')
    dialog()!.querySelector('form')!.requestSubmit()
    await settle()
    expect(updateSupportPlan).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-testid="plan-error"]')?.textContent).toContain('reload')
    // He closes the dialog to see what changed.
    dialog()!.querySelector<HTMLButtonElement>('.dialog-actions button')!.click()
    await settle()
    document.querySelector<HTMLElement>('[data-testid="discard-confirm"]')?.click()
    await settle()
    await vi.waitFor(() => expect(dialog()).toBeNull())
    expect(wrapper.get('[data-testid="support-plan-7"]').text()).toContain('appointment booked for 2 April')
    wrapper.unmount()
    await flushPromises()
  })
})

describe('closing a case that someone else saved meanwhile', () => {
  // Chen corrects the survivor's name on the case (Amina → Aminata) a minute before Bilal, who has
  // had the case open all morning, closes it. Main refuses Bilal's close as stale (CONFLICT), and
  // the dialog tells him "reload to see their changes, then make yours again". There is nothing
  // to reload with: the case screen keeps the version it loaded (CaseDetailView.vue: the case is
  // read only when the route's id changes), so pressing "Close case" again, or cancelling and
  // opening the dialog again, sends the same old version and is refused again, as long as he
  // stays on the case. (The same holds for Reopen.) Should: on a stale refusal the screen reads
  // the case again, so it shows what Chen saved and the next attempt starts from it.
  // Cause: renderer/src/components/cases/detail/CloseCaseDialog.vue:63-65 (only shows the message)
  // and CaseDetailView.vue:105-120 (no reload but on a route change).
  it('after a stale refusal, the case screen shows the version the colleague saved', async () => {
    const chens: CaseDetail = {
      ...CASE,
      version: 4,
      survivor: { ...CASE.survivor, record: { prs_FirstName: 'Aminata' } },
      updatedAt: '2026-03-21T10:00:00.000Z',
    }
    let current = CASE
    const get = vi.fn(async () => ok(current))
    const close = vi.fn(async () => {
      current = chens // Chen saved first
      return {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Someone else saved this case after you opened it.',
          details: { stale: true },
        },
      }
    })
    install({
      cases: { get, close },
      users: { assignable: vi.fn(async () => ok([])) },
      comments: { list: vi.fn(async () => ok([])) },
      attachments: { list: vi.fn(async () => ok([])) },
      perpetrators: { list: vi.fn(async () => ok([])) },
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
    const wrapper = mount(
      { template: '<RouterView />' },
      {
        global: {
          plugins: [...plugins(), router],
          stubs: {
            CaseEventsTab: true,
            CasePerpetratorsTab: true,
            CaseCommentsTab: true,
            CaseAttachmentsTab: true,
            CaseHistoryTab: true,
            CaseScreeningTab: true,
            CaseReferralsTab: true,
            CaseSupportPlansTab: true,
            CaseExperienceTab: true,
          },
        },
        attachTo: document.body,
      },
    )
    await settle()
    expect(wrapper.get('[data-testid="case-survivor-name"]').text()).toContain('Amina')
    await wrapper.get('[data-testid="case-close"]').trigger('click')
    await settle()
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="close-reason"]')!
    reason.value = 'Moved to a partner shelter'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="close-dialog"] form')!.requestSubmit()
    await settle()
    expect(close).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-testid="close-error"]')?.textContent).toContain('reload')
    // What he typed is still there (he may copy it), and the case behind shows Chen's save.
    expect(reason.value).toBe('Moved to a partner shelter')
    expect(wrapper.get('[data-testid="case-survivor-name"]').text()).toContain('Aminata')
    wrapper.unmount()
    await flushPromises()
  })
})
