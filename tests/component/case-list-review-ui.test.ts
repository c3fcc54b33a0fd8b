// @vitest-environment jsdom
// Reviewing helper: defects of the case list and instant search screens, each test failed on the
// code before its fix. Main is stubbed here and answers as main's listCases does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CasePage, CaseSearchHit, CaseSummary, ListCasesInput } from '../../main/api/contract'
import type { DashboardSummary } from '../../main/api/contract'
import CasesView from '../../renderer/src/views/CasesView.vue'
import DashboardView from '../../renderer/src/views/DashboardView.vue'
import CaseSearchBox from '../../renderer/src/components/cases/CaseSearchBox.vue'
import { useCasesStore } from '../../renderer/src/stores/cases'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'
import { wait } from './support-jsdom'

function summary(id: number): CaseSummary {
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

function testRouter() {
  const Blank = { template: '<div />' }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases', name: 'cases', component: CasesView },
      { path: '/cases/new', name: 'case-new', component: Blank },
      { path: '/cases/:id', name: 'case-detail', component: Blank },
      { path: '/dashboard', name: 'dashboard', component: DashboardView },
      { path: '/dashboard/:window', name: 'follow-ups', component: Blank },
      { path: '/referrals', name: 'referrals', component: Blank },
      { path: '/screening', name: 'screening', component: Blank },
      { path: '/backup', name: 'backup', component: Blank },
    ],
  })
}

describe('the case list when it has shrunk under the page on screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the cases that exist, not "There are no cases yet", when the page kept is past the end', async () => {
    // DEFECT: the list's page (cases store pageIndex) is kept while the person opens a case. A
    // supervisor on page 2 of the 26 "Active" cases opens the 26th and closes it (or an admin
    // deletes it); back on the list, main answers page 2 of 25 cases: no rows, total 25.
    // CasesView.vue's empty slot then says "There are no cases yet. Register the first survivor"
    // (filtering is only `total === 0`), and CaseTable hides the paginator (total <= 25), so there
    // is no way back to the 25 cases short of changing a filter. A shelter manager is told the
    // vault is empty and invited to register survivors again.
    signIn('supervisor')
    const all = Array.from({ length: 25 }, (_, index) => summary(index + 1))
    const list = vi.fn(
      async (input: ListCasesInput): Promise<{ ok: true; value: CasePage }> =>
        ok({
          rows: all.slice((input.page ?? 0) * 25, ((input.page ?? 0) + 1) * 25),
          total: all.length,
          page: input.page ?? 0,
          pageSize: 25,
        }) as { ok: true; value: CasePage },
    )
    install({
      cases: { list, search: vi.fn(async () => ok([])) },
      users: { assignable: vi.fn(async () => ok([])) },
    })
    const cases = useCasesStore()
    cases.filters = { ...cases.filters, status: ['Active'] }
    cases.pageIndex = 1 // where the supervisor was before opening the case
    const router = testRouter()
    await router.push('/cases')
    await router.isReady()
    const wrapper = mount(
      { template: '<RouterView />' },
      { global: { plugins: [...plugins(), router] }, attachTo: document.body },
    )
    await settle()
    await settle()

    expect(list).toHaveBeenCalledWith(expect.objectContaining({ page: 1, status: ['Active'] }))
    expect(wrapper.find('[data-testid="cases-empty"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="case-row-SHN-2026-00001"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('does not say "There are no cases yet" under the error when the list could not be read', async () => {
    // DEFECT: when cases:list fails (here CORRUPT; any refusal or INTERNAL alike), CasesView.vue
    // shows the error AND, in the table, the empty state "There are no cases yet. Register the
    // first survivor with New case" (cases.page stays null, so total reads 0 and no filter is
    // set). A caseworker whose 300 cases could not be read is told the vault is empty and invited
    // to register survivors again. The empty state should appear only for a list that was read.
    signIn('caseworker')
    install({
      cases: {
        list: vi.fn(async () => ({
          ok: false,
          error: { code: 'CORRUPT', message: 'The vault file is damaged.' },
        })),
        search: vi.fn(async () => ok([])),
      },
    })
    const router = testRouter()
    await router.push('/cases')
    await router.isReady()
    const wrapper = mount(
      { template: '<RouterView />' },
      { global: { plugins: [...plugins(), router] }, attachTo: document.body },
    )
    await settle()
    await settle()

    expect(wrapper.find('[data-testid="cases-error"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="cases-empty"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('instant case search', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('does not announce "10 cases found" when the search stopped at its limit of 10', async () => {
    // DEFECT: CaseSearchBox asks main for 10 hits (stores/cases.ts search: limit 10) and announces
    // hits.length as the number found ("10 cases found."), with nothing on screen saying more
    // matched. Searching a common name ("Maria") in a shelter with 30 Marias, the caseworker is
    // told there are 10, does not find the 11th, and may register her a second time. The status
    // should say the list is the first 10 (more match: type more of the name or the case number).
    signIn('caseworker')
    const hits: CaseSearchHit[] = Array.from({ length: 10 }, (_, index) => ({
      id: index + 1,
      caseNumber: `SHN-2026-${String(index + 1).padStart(5, '0')}`,
      survivorName: `Maria ${index + 1}`,
      status: 'Active',
      snippet: `[[Maria]] ${index + 1}`,
    }))
    const search = vi.fn(async () => ok(hits))
    install({ cases: { search } })
    const wrapper = mount(CaseSearchBox, { global: { plugins: plugins() }, attachTo: document.body })
    const input = wrapper.get('[data-testid="case-search"]')
    await input.trigger('focus')
    await input.setValue('Maria')
    await wait(250)
    await settle()
    expect(search).toHaveBeenCalledWith({ query: 'Maria', limit: 10 })
    expect(wrapper.findAll('[data-testid="case-search-result"]')).toHaveLength(10)
    const status = wrapper.get('[role="status"]').text()
    expect(status).not.toBe('10 cases found.')
    wrapper.unmount()
  })
})

describe('the dashboard card "My open cases" and the list it links to', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('opens the case list on my open cases, the ones the card counts', async () => {
    // DEFECT: DashboardView.vue:137 links the card (total 12: cases assigned to me, Active or
    // FollowUp; main/core/dashboard/dashboard-service.ts:44-46) to `{ name: 'cases' }` with no
    // filter, and CasesView.vue reads none from the route: a supervisor who clicks through to see
    // the 4 of their 12 cases the card did not list lands on every case of the organisation,
    // closed ones included (or on whatever filter was left in the store, e.g. "Closed"). The card
    // is the only "see the rest" link of the dashboard whose list disagrees with its count.
    // Fix: link with status Active+FollowUp and assignee = me, and have CasesView apply them.
    signIn('supervisor')
    const summary: DashboardSummary = {
      today: '2026-04-01',
      myOpenCases: {
        total: 12,
        items: Array.from({ length: 8 }, (_, index) => ({
          id: index + 1,
          caseNumber: `SHN-2026-${String(index + 1).padStart(5, '0')}`,
          status: 'Active',
          intakeDate: '2026-03-14',
          updatedAt: '2026-03-14T10:00:00.000Z',
        })),
      },
      overdueFollowUps: { total: 0, items: [] },
      followUpsThisWeek: { total: 0, items: [] },
      awaitingAnswer: { total: 0, items: [] },
      screeningsThisMonth: { total: 0, high: 0, medium: 0, low: 0, notLinked: 0 },
    }
    const list = vi.fn(async (input: ListCasesInput) =>
      ok({ rows: [summary_row(1)], total: 400, page: input.page ?? 0, pageSize: 25 }),
    )
    install({
      dashboard: { summary: vi.fn(async () => ok(summary)) },
      cases: { list, search: vi.fn(async () => ok([])) },
      users: { assignable: vi.fn(async () => ok([{ id: 3, displayName: 'Sam Lee', role: 'supervisor' }])) },
      backup: { status: vi.fn(async () => ok(null)) },
    })
    // A filter left from earlier work on the list.
    useCasesStore().filters = { ...useCasesStore().filters, status: ['Closed'] }
    const router = testRouter()
    await router.push('/dashboard')
    await router.isReady()
    const wrapper = mount(
      { template: '<RouterView />' },
      { global: { plugins: [...plugins(), router] }, attachTo: document.body },
    )
    await settle()
    expect(wrapper.get('[data-testid="dashboard-cases-total"]').text()).toBe('12')
    const link = wrapper.findAll(
      '#dashboard-cases-heading ~ a, section[aria-labelledby="dashboard-cases-heading"] a.more',
    )
    expect(link.length).toBeGreaterThan(0)
    await link.at(-1)!.trigger('click')
    await settle()
    await settle()
    expect(router.currentRoute.value.name).toBe('cases')
    expect(list).toHaveBeenCalled()
    const asked = list.mock.calls.at(-1)![0]
    expect([...(asked.status ?? [])].sort()).toEqual(['Active', 'FollowUp'])
    expect(asked.assignedUserId).toBe(3)
    wrapper.unmount()
  })
})

function summary_row(id: number): CaseSummary {
  return summary(id)
}
