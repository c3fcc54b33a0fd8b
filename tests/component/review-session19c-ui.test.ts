// @vitest-environment jsdom
// Defects in today's later renderer changes (c813da2^..HEAD), found by a reviewing helper (review
// 19c). Each test failed on the code as found, before its fix.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { DashboardSummary, FollowUpItem, ReferralSummary } from '../../main/api/contract'
import DashboardView from '../../renderer/src/views/DashboardView.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

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

const sent = (id: number): ReferralSummary => ({
  id,
  direction: 'outgoing',
  status: 'sent',
  caseId: 4,
  caseNumber: 'SHN-2026-00004',
  assessmentId: null,
  organisationName: `Law Centre ${id}`,
  serviceName: null,
  urgency: 'routine',
  referralDate: `2026-03-0${id}`,
  followUpDate: null,
  followUpState: null,
  servicesRequested: ['Legal'],
})

const overdue = (id: number): FollowUpItem => ({
  kind: 'referral',
  id: 100 + id,
  caseId: 4,
  caseNumber: 'SHN-2026-00004',
  followUpDate: '2026-03-10',
  status: 'sent',
  label: `Clinic ${id}`,
  overdue: true,
})

describe('dashboard: the new "all" link of the awaiting card', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // WHAT A USER DOES: a caseworker who uses a screen reader opens Today and lists the page's links
  // (NVDA's Elements list, VoiceOver's rotor) to go to all her referrals awaiting an answer.
  // WHAT HAPPENS: the new footer link of the "Referrals awaiting an answer" card is labelled with
  // the follow-up cards' text, 'dashboard.allFollowUps' = "All {total}": with 12 overdue
  // follow-ups and 12 referrals awaiting an answer, the list reads "All 12", "All 12" — two links
  // with the same name that lead to different screens (the Follow-ups screen; Referrals filtered
  // on sent). Every other "all" link on the page says what it lists ("All cases", "All
  // screenings"); the key's own name says "follow-ups", which these referrals are not.
  // WHAT SHOULD HAPPEN: the link's name says what it leads to ("All 12 referrals awaiting an
  // answer"), distinct from the overdue card's.
  // CAUSE: renderer/src/views/DashboardView.vue:109-116 (t('dashboard.allFollowUps') reused for
  // the awaiting card), renderer/src/i18n/en/dashboard.ts:19.
  // FIX: a key of its own, e.g. dashboard.allAwaiting: 'All {total} referrals awaiting an answer'
  // (and name the follow-up cards' links likewise, or aria-describedby their card heading).
  it('names the awaiting card’s "all" link apart from the overdue card’s, saying it lists referrals', async () => {
    signIn('caseworker')
    const summary: DashboardSummary = {
      today: '2026-03-20',
      myOpenCases: { total: 0, items: [] },
      overdueFollowUps: { total: 12, items: Array.from({ length: 8 }, (_, i) => overdue(i + 1)) },
      followUpsThisWeek: { total: 0, items: [] },
      awaitingAnswer: { total: 12, items: Array.from({ length: 8 }, (_, i) => sent(i + 1)) },
      screeningsThisMonth: { total: 0, high: 0, medium: 0, low: 0, notLinked: 0 },
    }
    install({ dashboard: { summary: async () => ok(summary) } })
    const wrapper = mount(DashboardView, {
      global: { plugins: [...plugins(), router()] },
      attachTo: document.body,
    })
    await settle()
    const name = (testid: string) => {
      const link = wrapper.get(`[data-testid="${testid}"]`).element
      return (link.getAttribute('aria-label') ?? link.textContent ?? '').trim()
    }
    const awaiting = name('dashboard-awaiting-all')
    const overdueAll = name('dashboard-overdue-all')
    expect(awaiting).toContain('12') // the setup: both links are there
    expect(awaiting).not.toBe(overdueAll)
    expect(awaiting).toMatch(/referral/i)
    wrapper.unmount()
  })
})
