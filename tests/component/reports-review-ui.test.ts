// @vitest-environment jsdom
// Reports and aggregate statistics, on screen: defects found by a reviewing helper. Each test
// failed on the code before its fix (session 21).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { DashboardSummary, ReferralSummary } from '../../main/api/contract'
import { createAppI18n } from '../../renderer/src/i18n'
import DeidentificationSummary from '../../renderer/src/components/export/DeidentificationSummary.vue'
import DashboardView from '../../renderer/src/views/DashboardView.vue'
import { REPORT } from './export-view-support'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

describe('the report of an aggregate-tables export', () => {
  // WHAT GOES WRONG: DeidentificationSummary.vue:28-30, 40 and 70 pass the raw numbers to vue-i18n, which
  // prints them without digit grouping: "Cases counted: 104523. Table cells written: 1234." — on
  // the same result panel where ExportOutcome.vue:33 says "1,234 table cells." (Intl.NumberFormat)
  // and where the rest of the app groups digits (useFormat().count, ChangedYearsNotice). At the
  // 100k-case scale the app is built for, a six-digit count without grouping is easy to misread
  // when an analyst copies it into a funder's report, and two lines of one panel disagree in form.
  // FIX: format every count with useFormat().count before interpolating (records variant too).
  it('writes the counts with the locale’s digit grouping, as the line above it does', () => {
    const wrapper = mount(DeidentificationSummary, {
      props: {
        report: {
          ...REPORT,
          k: 5,
          inputRows: 104_523,
          outputRows: 1_234,
          suppressedRows: 1_500,
          suppressedTableCells: 0,
          publicRecordsLeftOut: 20_000,
        },
        tables: true,
      },
      global: { plugins: [createAppI18n()] },
    })
    const text = wrapper.text()
    expect(text).toContain('Cases counted: 104,523. Table cells written: 1,234.')
    expect(wrapper.get('[data-testid="report-cases-not-counted"]').text()).toContain('Cases not counted: 1,500.')
    expect(wrapper.get('[data-testid="report-public-left-out"]').text()).toContain(': 20,000.')
  })
})

function router() {
  const blank = defineComponent({ render: () => h('div') })
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      ...['dashboard', 'cases', 'case-detail', 'screening', 'referrals', 'referral-detail', 'backup'].map(
        (name) => ({ path: `/${name}/:id?`, name, component: blank }),
      ),
      { path: '/dashboard/:window(overdue|thisWeek)', name: 'follow-ups', component: blank },
    ],
  })
}

describe('the dashboard’s counts', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // WHAT GOES WRONG: DashboardCard.vue:14 prints `{{ total }}` and DashboardView.vue:77/94/124 pass
  // `{ total }` raw to "All {total} referrals awaiting an answer": a supervisor sees every sent
  // referral of the organisation that never got an answer (they accumulate over years), shown as
  // "1250" beside the rest of the app's "1,250".
  // FIX: format the totals with useFormat().count (card count and the "All …" links).
  it('writes a large total with the locale’s digit grouping', async () => {
    signIn('supervisor')
    const referral = { id: 1, caseId: 4, caseNumber: 'SHN-2026-00004', organisationName: 'Northern Law Centre', referralDate: '2026-01-05' } as unknown as ReferralSummary
    const view: DashboardSummary = {
      today: '2026-03-20',
      myOpenCases: { total: 0, items: [] },
      overdueFollowUps: { total: 0, items: [] },
      followUpsThisWeek: { total: 0, items: [] },
      awaitingAnswer: { total: 1250, items: [referral] },
      screeningsThisMonth: { total: 0, high: 0, medium: 0, low: 0, notLinked: 0 },
    }
    install({ dashboard: { summary: async () => ok(view) } })
    const wrapper = mount(DashboardView, { global: { plugins: [...plugins(), router()] } })
    await settle()
    expect(wrapper.get('[data-testid="dashboard-awaiting-all"]').text()).toBe(
      'All 1,250 referrals awaiting an answer',
    )
    expect(wrapper.get('[data-testid="dashboard-awaiting-total"]').text()).toBe('1,250')
    wrapper.unmount()
  })
})
