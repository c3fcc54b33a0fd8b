// @vitest-environment jsdom
// Checks on the casework screens that the code holds up to: kept as regression tests. This half,
// editing: refusals that keep what was typed, Escape over a dialog, a stale-version CONFLICT that
// keeps the person's edits. Search, lists, dates and roles are in casework-screens-reading-held.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CaseDetail } from '../../main/api/contract'
import CloseCaseDialog from '../../renderer/src/components/cases/detail/CloseCaseDialog.vue'
import CaseDetailView from '../../renderer/src/views/CaseDetailView.vue'
import { CASE, install, ok, plugins, refused, settle, signIn } from './casework-screens-support'

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('closing a case', () => {
  async function openDialog(close: ReturnType<typeof vi.fn>) {
    install({ cases: { close } })
    const wrapper = mount(CloseCaseDialog, {
      props: { detail: CASE, open: false },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    return wrapper
  }

  it('keeps the typed reason and says what went wrong when main refuses', async () => {
    const close = vi.fn(async () => refused<CaseDetail>('INTERNAL', 'disk I/O error'))
    const wrapper = await openDialog(close)
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="close-reason"]')!
    reason.value = 'Returned home safely'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="close-dialog"] form')!.requestSubmit()
    await settle()
    expect(close).toHaveBeenCalledTimes(1)
    expect(reason.value).toBe('Returned home safely')
    const message = document.querySelector('[data-testid="close-error"]')!.textContent ?? ''
    expect(message).not.toContain('disk I/O')
    expect(message).not.toContain('INTERNAL')
    expect(wrapper.emitted('close')).toBeUndefined()
    wrapper.unmount()
  })

  it('asks for a reason before calling main', async () => {
    const close = vi.fn()
    const wrapper = await openDialog(close)
    document.querySelector<HTMLFormElement>('[data-testid="close-dialog"] form')!.requestSubmit()
    await settle()
    expect(close).not.toHaveBeenCalled()
    expect(document.getElementById('close-reason-error')?.textContent).toBeTruthy()
    wrapper.unmount()
  })

  it('asks before Escape throws a typed reason away', async () => {
    const wrapper = await openDialog(vi.fn())
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="close-reason"]')!
    reason.value = 'Half a reason'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    reason.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(
      document.querySelector('[data-testid="discard-dialog"], [data-testid="discard-keep"]'),
    ).not.toBeNull()
    wrapper.unmount()
  })

  it('closes at once on Escape when nothing was typed', async () => {
    const wrapper = await openDialog(vi.fn())
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('editing a case that someone else saved meanwhile', () => {
  it('keeps the edits on screen, says someone else saved, and saves nothing twice', async () => {
    const update = vi.fn(async () =>
      refused<CaseDetail>('CONFLICT', 'Someone else saved this case after you opened it.'),
    )
    const get = vi.fn(async () => ok(CASE))
    install({
      cases: { get, update },
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
    await wrapper.get('[data-testid="case-edit"]').trigger('click')
    await settle()
    const first = wrapper.get('[data-testid="field-prs_FirstName"]')
    await first.setValue('Aminata')
    await settle()
    const save = wrapper.get('[data-testid="case-save"]')
    await save.trigger('click')
    await save.trigger('click')
    await settle()
    expect(update).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="conflict-message"]').text()).toMatch(/someone else/i)
    expect((wrapper.get('[data-testid="field-prs_FirstName"]').element as HTMLInputElement).value).toBe(
      'Aminata',
    )
    // Leaving now asks first: the edits are not saved.
    void router.push('/cases')
    await settle()
    expect(router.currentRoute.value.name).toBe('case-detail')
    expect(document.querySelector('[data-testid="unsaved-dialog"]')).not.toBeNull()
    wrapper.unmount()
  })
})
