// @vitest-environment jsdom
// Review of the last screen fixes: checks that HOLD on the current code (kept as specifications).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CaseSearchHit, CaseSummary, ListCasesInput } from '../../main/api/contract'
import CasesView from '../../renderer/src/views/CasesView.vue'
import CaseSearchBox from '../../renderer/src/components/cases/CaseSearchBox.vue'
import {
  caseFiltersFrom,
  caseFiltersQuery,
} from '../../renderer/src/components/cases/case-filters-from-route'
import { useCasesStore } from '../../renderer/src/stores/cases'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'
import { wait } from './support-jsdom'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('filters read from a hostile or stale address', () => {
  it('ignores unknown statuses and a non-numeric, zero, negative or huge assignee', () => {
    expect(caseFiltersFrom({ status: 'Bogus', assignee: 'abc' })).toBeNull()
    expect(caseFiltersFrom({ assignee: ['0', '-3', '1e3', '9999999999'] })).toBeNull()
    expect(caseFiltersFrom({ status: ['Active', 'Active', 'Bogus', null] })?.status).toEqual(['Active'])
    expect(caseFiltersFrom({ status: '__proto__', assignee: '3' })).toMatchObject({
      status: [],
      assignedUserId: 3,
    })
    expect(
      caseFiltersFrom(caseFiltersQuery({ status: ['Active', 'FollowUp'], assignedUserId: 7 })),
    ).toMatchObject({
      status: ['Active', 'FollowUp'],
      assignedUserId: 7,
    })
  })
})

function row(id: number): CaseSummary {
  return {
    id,
    caseNumber: `SHN-2026-${String(id).padStart(5, '0')}`,
    status: 'Active',
    intakeDate: '2026-03-14',
    survivorName: `Survivor ${id}`,
    gender: null,
    ageBand: 'unknown',
    citizenship: null,
    assignedUserId: 3,
    assignedUserName: 'Sam Lee',
    exploitationTypes: [],
    isTraining: false,
    updatedAt: '2026-03-14T10:00:00.000Z',
  }
}

describe('the case list opened from a link, then Back and the side menu', () => {
  it('loads once on the link, clears the address, and keeps the filters on a plain /cases', async () => {
    signIn('caseworker')
    const list = vi.fn(async (input: ListCasesInput) =>
      ok({ rows: [row(1)], total: 1, page: input.page ?? 0, pageSize: 25 }),
    )
    install({ cases: { list, search: vi.fn(async () => ok([])) } })
    const Blank = { template: '<div />' }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/cases', name: 'cases', component: CasesView },
        { path: '/cases/:id', name: 'case-detail', component: Blank },
        { path: '/dashboard', name: 'dashboard', component: Blank },
      ],
    })
    await router.push('/dashboard')
    await router.isReady()
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [...plugins(), router] } })
    useCasesStore().pageIndex = 4
    await router.push({ name: 'cases', query: { status: ['Active', 'FollowUp'], assignee: '2' } })
    await settle()
    await settle()
    expect(list).toHaveBeenCalledTimes(1)
    expect(list.mock.calls[0]![0]).toMatchObject({
      page: 0,
      status: ['Active', 'FollowUp'],
      assignedUserId: 2,
    })
    expect(router.currentRoute.value.fullPath).toBe('/cases')
    router.back()
    await settle()
    expect(router.currentRoute.value.name).toBe('dashboard')
    await router.push({ name: 'cases' })
    await settle()
    expect(list.mock.calls.at(-1)![0]).toMatchObject({ status: ['Active', 'FollowUp'], assignedUserId: 2 })
    wrapper.unmount()
  })
})

describe('instant search at and under its limit', () => {
  async function searchWith(count: number) {
    signIn('caseworker')
    const hits: CaseSearchHit[] = Array.from({ length: count }, (_, index) => ({
      id: index + 1,
      caseNumber: `SHN-2026-${String(index + 1).padStart(5, '0')}`,
      survivorName: `Maria ${index + 1}`,
      status: 'Active',
      snippet: `[[Maria]] ${index + 1}`,
    }))
    install({ cases: { search: vi.fn(async () => ok(hits)) } })
    const wrapper = mount(CaseSearchBox, { global: { plugins: plugins() }, attachTo: document.body })
    const input = wrapper.get('[data-testid="case-search"]')
    await input.trigger('focus')
    await input.setValue('Maria')
    await wait(250)
    await settle()
    return wrapper
  }

  it('says "more may match" at exactly 10 hits, and the count under 10', async () => {
    const ten = await searchWith(10)
    expect(ten.get('[role="status"]').text()).toMatch(/more may match/)
    expect(ten.find('[data-testid="case-search-more"]').exists()).toBe(true)
    ten.unmount()
    const nine = await searchWith(9)
    expect(nine.get('[role="status"]').text()).toBe('9 cases found.')
    expect(nine.find('[data-testid="case-search-more"]').exists()).toBe(false)
    nine.unmount()
  })
})
