// @vitest-environment jsdom
// Audit screen and dashboard in the renderer: behaviour that held up under review.
// Test stand-ins (a blank route, a probe that calls a composable) are components of their own.
/* eslint-disable vue/one-component-per-file */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { AuditEntry, DashboardSummary, FollowUpItem } from '../../main/api/contract'
import { useAuditActionLabel } from '../../renderer/src/i18n/audit-action-label'
import AdminAuditView from '../../renderer/src/views/AdminAuditView.vue'
import DashboardView from '../../renderer/src/views/DashboardView.vue'
import { install, ok, plugins, refused, settle, signIn } from './casework-screens-support'

const MAIN = resolve(import.meta.dirname, '../../main')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Every audit action main can write, read from its source (literal actions in audit calls). */
function actionsMainWrites(): string[] {
  const found = new Set<string>()
  const patterns = [
    /action:\s*'([a-z_]+\.[a-z_]+)'/g,
    /audit\(\s*'([a-z_]+\.[a-z_]+)'/g,
    /action = '([a-z_]+\.[a-z_]+)'/g,
    /openWithKey\([^)]*'([a-z_]+\.[a-z_]+)'\)/g,
    /\? '(directory\.[a-z_]+)' : '(directory\.[a-z_]+)'/g,
  ]
  for (const file of sources(MAIN)) {
    const text = readFileSync(file, 'utf8')
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) for (const action of match.slice(1)) found.add(action)
  }
  return [...found].sort()
}

function router() {
  const blank = defineComponent({ render: () => h('div') })
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'dashboard', component: blank },
      { path: '/cases', name: 'cases', component: blank },
      { path: '/cases/:id', name: 'case-detail', component: blank },
      { path: '/screening', name: 'screening', component: blank },
      { path: '/referrals', name: 'referrals', component: blank },
      { path: '/referrals/:id', name: 'referral-detail', component: blank },
      { path: '/backup', name: 'backup', component: blank },
    ],
  })
}

const item = (id: number, date: string): FollowUpItem => ({
  kind: 'referral',
  id,
  caseId: 4,
  caseNumber: 'SHN-2026-00004',
  followUpDate: date,
  status: 'sent',
  label: 'Northern Law Centre',
  overdue: true,
})

function dashboard(overdue: FollowUpItem[]): DashboardSummary {
  return {
    today: '2026-03-20',
    myOpenCases: { total: 0, items: [] },
    overdueFollowUps: { total: overdue.length, items: overdue },
    followUpsThisWeek: { total: 0, items: [] },
    awaitingAnswer: { total: 0, items: [] },
    screeningsThisMonth: { total: 0, high: 0, medium: 0, low: 0, notLinked: 0 },
  }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('audit log screen', () => {
  it('has a label in words for every action main writes (no raw `case.bulk_created` keys)', () => {
    const actions = actionsMainWrites()
    expect(actions.length).toBeGreaterThan(60) // the scan found the actions, not nothing
    expect(actions).toContain('case.bulk_created')
    const Probe = defineComponent({
      setup() {
        const label = useAuditActionLabel()
        return () =>
          h(
            'ul',
            actions.map((action) => h('li', { 'data-action': action }, label(action))),
          )
      },
    })
    const wrapper = mount(Probe, { global: { plugins: plugins() } })
    const raw = actions.filter((action) => wrapper.get(`[data-action="${action}"]`).text() === action)
    expect(raw).toEqual([])
  })

  it('says a refusal in words, and a broken chain as an alert naming the row', async () => {
    signIn('admin')
    const rows: AuditEntry[] = [
      {
        id: 2,
        at: '2026-03-20T09:00:00.000Z',
        actor: null,
        action: 'case.bulk_created',
        target: null,
        details: { count: 3 },
      },
    ]
    let listAnswer = refused<AuditEntry[]>('FORBIDDEN', 'Your role does not allow this.')
    install({
      audit: {
        list: async () => listAnswer,
        verify: async () => ok({ ok: false, checkedRows: 41, firstBrokenId: 42 }),
      },
    })
    const wrapper = mount(AdminAuditView, { global: { plugins: plugins() }, attachTo: document.body })
    await settle()
    expect(wrapper.get('[data-testid="audit-error"]').text()).toBe('Your role does not allow this action.')
    listAnswer = ok(rows)
    await wrapper.get('[data-testid="audit-verify"]').trigger('click')
    await settle()
    const alert = wrapper.get('[data-testid="audit-verify-result"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('Broken at row 42')
    expect(wrapper.get('[data-action="case.bulk_created"]').text()).toBe(
      'Cases created together (training data or import)',
    )
    expect(wrapper.find('time').text()).not.toContain('2026-03-20T') // a date for people, not ISO
    wrapper.unmount()
  })
})

describe('dashboard screen', () => {
  it('shows a failure in words, not a code', async () => {
    signIn('caseworker')
    install({ dashboard: { summary: async () => refused('INTERNAL', 'x') } })
    const wrapper = mount(DashboardView, { global: { plugins: [...plugins(), router()] } })
    await settle()
    const error = wrapper.get('[data-testid="dashboard-error"]').text()
    expect(error).toContain('The dashboard could not be read.')
    expect(error).not.toMatch(/INTERNAL|\bx\b/)
    wrapper.unmount()
  })

  it('lists follow-ups by case number and a readable date, each a keyboard-reachable link', async () => {
    signIn('caseworker')
    install({ dashboard: { summary: async () => ok(dashboard([item(7, '2026-03-18')])) } })
    const wrapper = mount(DashboardView, { global: { plugins: [...plugins(), router()] } })
    await settle()
    const card = wrapper.get('#dashboard-overdue-heading').element.closest('section')!
    expect(card.textContent).toContain('SHN-2026-00004')
    expect(card.textContent).not.toContain('2026-03-18') // shown as a date, not an ISO string
    const link = wrapper.get('[data-testid="dashboard-overdue-referral-7"]')
    expect(link.element.tagName).toBe('A')
    expect(link.attributes('href')).toBe('/referrals/7')
    wrapper.unmount()
  })
})
