// @vitest-environment jsdom
// The dashboard's follow-up cards and the Follow-ups screen, against a stubbed API: checks a
// reviewing helper tried that the code passes. Kept as regression tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ApiResult, DashboardSummary, FollowUpItem } from '../../main/api/contract'
import DashboardView from '../../renderer/src/views/DashboardView.vue'
import FollowUpsView from '../../renderer/src/views/FollowUpsView.vue'
import { deferred, install, ok, plugins, refused, settle, signIn } from './casework-screens-support'

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

function item(overrides: Partial<FollowUpItem>): FollowUpItem {
  return {
    kind: 'referral',
    id: 1,
    caseId: 4,
    caseNumber: 'SHN-2026-00004',
    followUpDate: '2026-03-18',
    status: 'sent',
    label: 'Northern Law Centre',
    overdue: true,
    ...overrides,
  }
}

async function followUpsAt(path: string) {
  const routes = router()
  await routes.push(path)
  const wrapper = mount(FollowUpsView, {
    global: { plugins: [...plugins(), routes] },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, routes }
}

describe('the Follow-ups screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists each item as a link (Tab and Enter reach it), labelled in words', async () => {
    signIn('caseworker')
    install({
      referrals: {
        followUps: async () =>
          ok([
            item({ id: 7 }),
            item({ kind: 'supportPlan', id: 3, label: 'SocialCare', status: 'active' }),
            item({ id: 9, caseId: null, caseNumber: null, label: 'Hope Shelter' }),
          ]),
      },
    })
    const { wrapper } = await followUpsAt('/dashboard/overdue')
    expect(wrapper.get('h1').text()).toBe('Overdue follow-ups')
    const rows = wrapper.findAll('li')
    expect(rows).toHaveLength(3)
    const referral = wrapper.get('[data-testid="follow-ups-referral-7"]')
    expect(referral.element.tagName).toBe('A')
    expect(referral.attributes('href')).toBe('/referral-detail/7')
    expect(referral.text()).toBe('Referral to Northern Law Centre')
    const plan = wrapper.get('[data-testid="follow-ups-supportPlan-3"]')
    expect(plan.attributes('href')).toContain('/case-detail/4')
    expect(plan.text()).toMatch(/^Support plan: /)
    expect(plan.text()).not.toContain('SocialCare') // the code is shown as its label
    // A screening-only referral still opens on its own screen, and says it has no case yet.
    expect(wrapper.get('[data-testid="follow-ups-referral-9"]').attributes('href')).toBe('/referral-detail/9')
    expect(rows[2]!.text()).toContain('Screening, no case yet')
    expect(wrapper.text()).not.toMatch(/undefined|null|dashboard\.|followUps\./)
    wrapper.unmount()
  })

  it('says in words that nothing is due, for each window', async () => {
    signIn('supervisor')
    install({ referrals: { followUps: async () => ok([]) } })
    const overdue = await followUpsAt('/dashboard/overdue')
    expect(overdue.wrapper.get('[data-testid="follow-ups-empty"]').text()).toBe('No follow-up is overdue.')
    overdue.wrapper.unmount()
    const week = await followUpsAt('/dashboard/thisWeek')
    expect(week.wrapper.get('h1').text()).toBe('Follow-ups due this week')
    expect(week.wrapper.get('[data-testid="follow-ups-empty"]').text()).toBe(
      'No follow-up is due in the next 7 days.',
    )
    week.wrapper.unmount()
  })

  it('shows a refusal as a translated sentence, not main’s English message', async () => {
    signIn('caseworker')
    install({
      referrals: {
        followUps: async () => refused('FORBIDDEN', 'Analysts see aggregate reports, not case records.'),
      },
    })
    const { wrapper } = await followUpsAt('/dashboard/overdue')
    const error = wrapper.get('[data-testid="follow-ups-error"]').text()
    expect(error).toContain('The follow-ups could not be read.')
    expect(error).toContain('Your role does not allow this action.')
    expect(error).not.toContain('Analysts see aggregate reports')
    wrapper.unmount()
  })

  it('does not show a slow answer for the other window after the address changed', async () => {
    signIn('caseworker')
    const slowOverdue = deferred<ApiResult<FollowUpItem[]>>()
    install({
      referrals: {
        followUps: ({ window }: { window: string }) =>
          window === 'overdue' ? slowOverdue.promise : Promise.resolve(ok([item({ id: 2, overdue: false })])),
      },
    })
    const { wrapper, routes } = await followUpsAt('/dashboard/overdue')
    await routes.push('/dashboard/thisWeek')
    await settle()
    slowOverdue.resolve(ok([item({ id: 1 }), item({ id: 5 })]))
    await settle()
    expect(wrapper.get('h1').text()).toBe('Follow-ups due this week')
    expect(wrapper.findAll('li')).toHaveLength(1)
    expect(wrapper.find('[data-testid="follow-ups-referral-2"]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('the dashboard’s follow-up cards', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  function view(week: FollowUpItem[], weekTotal: number): DashboardSummary {
    return {
      today: '2026-03-20',
      myOpenCases: { total: 0, items: [] },
      overdueFollowUps: { total: 0, items: [] },
      followUpsThisWeek: { total: weekTotal, items: week },
      awaitingAnswer: { total: 0, items: [] },
      screeningsThisMonth: { total: 0, high: 0, medium: 0, low: 0, notLinked: 0 },
    }
  }

  it('links "This week" to all of its items when it lists fewer than its total, and not otherwise', async () => {
    signIn('caseworker')
    const week = Array.from({ length: 8 }, (_, index) =>
      item({ id: index + 1, followUpDate: '2026-03-21', overdue: false }),
    )
    install({ dashboard: { summary: async () => ok(view(week, 9)) } })
    const wrapper = mount(DashboardView, { global: { plugins: [...plugins(), router()] } })
    await settle()
    const all = wrapper.get('[data-testid="dashboard-week-all"]')
    expect(all.attributes('href')).toBe('/dashboard/thisWeek')
    expect(all.text()).toBe('All 9')
    expect(wrapper.find('[data-testid="dashboard-overdue-all"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="dashboard-overdue-empty"]').text()).toBe('No follow-up is overdue.')
    wrapper.unmount()

    setActivePinia(createPinia())
    install({ dashboard: { summary: async () => ok(view(week.slice(0, 3), 3)) } })
    const exact = mount(DashboardView, { global: { plugins: [...plugins(), router()] } })
    await settle()
    expect(exact.find('[data-testid="dashboard-week-all"]').exists()).toBe(false)
    expect(exact.get('section[aria-labelledby="dashboard-week-heading"]').findAll('li')).toHaveLength(3)
    exact.unmount()
  })
})
