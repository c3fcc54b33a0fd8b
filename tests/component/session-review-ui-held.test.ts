// @vitest-environment jsdom
// Checks of today's renderer changes (8119ace..HEAD) that hold, kept by a reviewing helper: the
// unsaved-changes guard of a new screening, a taken username cleared, filter dates typed then
// corrected or emptied, calendarDate, the organisation error of a referral, the delete dialog's
// "number differs". Defects are in session-review-ui.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import {
  templateDefinitionSchema,
  type CasePage,
  type ListCasesInput,
  type TemplateVersion,
} from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import { useFormat } from '../../renderer/src/i18n/format'
import CasesView from '../../renderer/src/views/CasesView.vue'
import ScreeningNewView from '../../renderer/src/views/ScreeningNewView.vue'
import AddUserDialog from '../../renderer/src/components/users/AddUserDialog.vue'
import DeleteCaseDialog from '../../renderer/src/components/cases/detail/DeleteCaseDialog.vue'
import ReferralFormDialog from '../../renderer/src/components/referrals/ReferralFormDialog.vue'
import { useCasesStore } from '../../renderer/src/stores/cases'
import shipped from '../../resources/screening/default-template.json'
import { CASE, install, ok, plugins, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const blank = { template: '<div />' }
const definition = templateDefinitionSchema.parse(shipped)
const TEMPLATE: TemplateVersion = {
  id: 1,
  key: definition.key,
  version: 1,
  name: definition.name,
  questionCount: 28,
  isLatest: true,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdByName: null,
  definition,
}

async function mountAt(path: string, routes: RouteRecordRaw[]) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [...plugins(), router], stubs: { transition: false } }, attachTo: document.body },
  )
  await settle()
  return { wrapper, router }
}

const SCREENING_ROUTES: RouteRecordRaw[] = [
  { path: '/screening', name: 'screening', component: blank },
  { path: '/screening/new', name: 'screening-new', component: ScreeningNewView },
  { path: '/screening/:id', name: 'screening-detail', component: blank },
  { path: '/cases/:id', name: 'case-detail', component: blank },
]

describe('held: a new screening’s unsaved-changes guard', () => {
  it('a saved screening leaves for its page without asking', async () => {
    const createAssessment = vi.fn(async () => ok({ id: 21 }))
    install({
      screening: {
        templates: vi.fn(async () => ok([{ ...TEMPLATE, definition: undefined }])),
        template: vi.fn(async () => ok(TEMPLATE)),
        createAssessment,
      },
    })
    signIn('caseworker')
    const { wrapper, router } = await mountAt('/screening/new', SCREENING_ROUTES)
    await wrapper.get('[data-testid="subject-alias"]').setValue('Caller 7')
    await wrapper.get('[data-testid="answer-householdDebt-risk"]').setValue(true)
    await settle()
    wrapper.get('[data-testid="screening-form"]').element.dispatchEvent(new Event('submit'))
    await settle()
    expect(createAssessment).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.name).toBe('screening-detail')
    expect(document.querySelector('[data-testid="unsaved-dialog"], [role="alertdialog"]')).toBeNull()
    wrapper.unmount()
  })

  it('with only the template and date set for them, Cancel leaves at once', async () => {
    install({
      screening: {
        templates: vi.fn(async () => ok([{ ...TEMPLATE, definition: undefined }])),
        template: vi.fn(async () => ok(TEMPLATE)),
        createAssessment: vi.fn(),
      },
    })
    signIn('caseworker')
    const { wrapper, router } = await mountAt('/screening/new', SCREENING_ROUTES)
    const cancel = wrapper.findAll('button').find((button) => button.text() === en.screening.form.cancel)!
    await cancel.trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('screening')
    wrapper.unmount()
  })
})

describe('held: add user, a taken username', () => {
  it('the “taken” message goes when the name is changed, and is not there on reopening', async () => {
    const create = vi.fn(async () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'taken', details: { field: 'username' } },
    }))
    install({ users: { create } })
    signIn('admin')
    const wrapper = mount(AddUserDialog, {
      props: { visible: false, 'onUpdate:visible': (open: boolean) => wrapper.setProps({ visible: open }) },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    const type = (selector: string, text: string) => {
      const input = document.querySelector<HTMLInputElement>(selector)!
      input.value = text
      input.dispatchEvent(new Event('input'))
    }
    type('[data-testid="user-username"]', 'kim')
    type('[data-testid="user-display-name"]', 'Kim Park')
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
      input.value = 'quiet walnut ferry orbit 1987'
      input.dispatchEvent(new Event('input'))
    }
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="add-user-dialog"] form')!.requestSubmit()
    await settle()
    const username = () => document.querySelector<HTMLInputElement>('[data-testid="user-username"]')!
    expect(username().getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(username())
    type('[data-testid="user-username"]', 'kim.park')
    await settle()
    expect(username().getAttribute('aria-invalid')).not.toBe('true')
    await wrapper.setProps({ visible: false })
    await settle()
    await wrapper.setProps({ visible: true })
    await settle()
    expect(username().value).toBe('')
    expect(username().getAttribute('aria-invalid')).not.toBe('true')
    wrapper.unmount()
  })
})

describe('held: case list filter dates', () => {
  async function mountList() {
    const list = vi.fn(async (input: ListCasesInput) => {
      void input
      return ok({ rows: [], total: 0, page: 0, pageSize: 25 } as unknown as CasePage)
    })
    install({ cases: { list, search: vi.fn() } })
    signIn('caseworker')
    const { wrapper } = await mountAt('/cases', [
      { path: '/cases', name: 'cases', component: CasesView },
      { path: '/cases/new', name: 'case-new', component: blank },
      { path: '/cases/:id', name: 'case-detail', component: blank },
    ])
    return { wrapper, list, from: wrapper.get('[data-testid="filter-intake-from"]') }
  }

  it('a date typed wrong then corrected: the error goes, the corrected day is applied and shown', async () => {
    const { wrapper, list, from } = await mountList()
    await from.setValue('2026-03-41')
    await from.trigger('blur')
    await settle()
    expect(from.attributes('aria-invalid')).toBe('true')
    expect(list.mock.calls.some(([input]) => input.intakeFrom === '2026-03-41')).toBe(false)
    await from.setValue('2026-03-14')
    await from.trigger('blur')
    await settle()
    expect(from.attributes('aria-invalid')).toBeUndefined()
    expect(document.getElementById('filter-from-error')).toBeNull()
    expect(useCasesStore().filters.intakeFrom).toBe('2026-03-14')
    expect(list.mock.calls.at(-1)![0].intakeFrom).toBe('2026-03-14')
    expect(wrapper.get('.filter-chips').text()).toContain('2026')
    wrapper.unmount()
  })

  it('a date emptied is no filter any more: its chip goes, nothing is marked', async () => {
    const { wrapper, from } = await mountList()
    await from.setValue('2026-03-14')
    await from.trigger('blur')
    await settle()
    expect(wrapper.find('.filter-chips').exists()).toBe(true)
    await from.setValue('')
    await from.trigger('blur')
    await settle()
    expect(useCasesStore().filters.intakeFrom).toBeNull()
    expect(wrapper.find('.filter-chips').exists()).toBe(false)
    expect(from.attributes('aria-invalid')).toBeUndefined()
    wrapper.unmount()
  })
})

describe('held: calendarDate', () => {
  it('formats a real day in the locale and shows a day that does not exist as typed', () => {
    let format: ReturnType<typeof useFormat> | null = null
    const probe = defineComponent({
      setup() {
        format = useFormat()
        return () => h('div')
      },
    })
    mount(probe, { global: { plugins: plugins() } })
    expect(format!.calendarDate('2026-03-14')).toMatch(/Mar.*14.*2026/)
    expect(format!.calendarDate('2026-13-45')).toBe('2026-13-45')
    expect(format!.calendarDate('2026-02-29')).toBe('2026-02-29')
    expect(format!.calendarDate('2024-02-29')).toMatch(/Feb.*29.*2024/)
  })
})

describe('held: the referral form’s organisation', () => {
  it('“choose a service or type the organisation” waits for a submit and goes once a name is typed', async () => {
    const create = vi.fn()
    install({ referrals: { create }, directory: { listServices: vi.fn(async () => ok([])) } })
    const wrapper = mount(ReferralFormDialog, {
      props: { visible: false, caseId: 4, direction: 'outgoing' } as never,
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true } as never)
    await settle()
    const organisation = () =>
      document.querySelector<HTMLInputElement>('[data-testid="referral-organisation"]')!
    expect(organisation().getAttribute('aria-invalid')).not.toBe('true')
    document.querySelector<HTMLFormElement>('[data-testid="referral-form-dialog"] form')!.requestSubmit()
    await settle()
    expect(create).not.toHaveBeenCalled()
    expect(organisation().getAttribute('aria-invalid')).toBe('true')
    organisation().value = 'Northern Law Centre'
    organisation().dispatchEvent(new Event('input'))
    organisation().dispatchEvent(new Event('blur'))
    await settle()
    expect(organisation().getAttribute('aria-invalid')).not.toBe('true')
    wrapper.unmount()
  })
})

describe('held: delete case, the number not as written', () => {
  it('with a reason chosen and the number mistyped, Enter says so and puts the cursor in the number', async () => {
    const remove = vi.fn()
    install({ cases: { delete: remove } })
    signIn('admin')
    const wrapper = mount(DeleteCaseDialog, {
      props: { detail: CASE, open: false },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    document.querySelector<HTMLInputElement>('#delete-reason-duplicate')!.click()
    const number = document.querySelector<HTMLInputElement>('[data-testid="delete-confirm-number"]')!
    number.value = 'SHN-2026-0004'
    number.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="delete-dialog"] form')!.requestSubmit()
    await settle()
    expect(remove).not.toHaveBeenCalled()
    expect(document.querySelector('[data-testid="delete-missing"]')?.textContent).toContain(CASE.caseNumber)
    expect(document.activeElement).toBe(number)
    number.value = CASE.caseNumber
    number.dispatchEvent(new Event('input'))
    await settle()
    expect(document.querySelector('[data-testid="delete-missing"]')).toBeNull()
    wrapper.unmount()
  })
})
