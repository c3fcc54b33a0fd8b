// @vitest-environment jsdom
// Audit log screens: behaviour that held up under review (a reviewing helper's checks), kept as
// regression tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { AuditEntry } from '../../main/api/contract'
import AdminAuditView from '../../renderer/src/views/AdminAuditView.vue'
import CaseHistoryTab from '../../renderer/src/components/cases/detail/CaseHistoryTab.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

const previousTz = process.env.TZ
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
  if (previousTz === undefined) delete process.env.TZ
  else process.env.TZ = previousTz
})

describe('audit screens', () => {
  it('shows each row’s time in the computer’s own time zone (22:30 UTC is the next morning in Auckland)', async () => {
    process.env.TZ = 'Pacific/Auckland'
    const entry: AuditEntry = {
      id: 1,
      at: '2026-03-01T22:30:00.000Z',
      actor: 'amara',
      action: 'session.unlocked',
      target: 'user:1',
      details: null,
    }
    install({ audit: { list: async () => ok([entry]) } })
    signIn('admin')
    const wrapper = mount(AdminAuditView, { global: { plugins: plugins() }, attachTo: document.body })
    await settle()
    const time = wrapper.get('tbody tr time')
    expect(time.attributes('datetime')).toBe(entry.at)
    expect(time.text()).toMatch(/Mar 2, 2026/)
    expect(time.text()).toMatch(/11:30:00/)
    wrapper.unmount()
  })

  it('case history hides “case opened” rows until asked, then shows them', async () => {
    signIn('supervisor')
    const rows: AuditEntry[] = [
      {
        id: 3,
        at: '2026-03-01T09:03:00.000Z',
        actor: 'bilal',
        action: 'case.read',
        target: 'case:4',
        details: null,
      },
      {
        id: 1,
        at: '2026-03-01T09:01:00.000Z',
        actor: 'bilal',
        action: 'case.created',
        target: 'case:4',
        details: null,
      },
    ]
    install({ audit: { list: async () => ok(rows) } })
    const wrapper = mount(CaseHistoryTab, {
      props: { caseId: 4, active: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.findAll('[data-testid="history-row"]')).toHaveLength(1)
    await wrapper.get('#history-show-reads').setValue(true)
    await settle()
    expect(wrapper.findAll('[data-testid="history-row"]')).toHaveLength(2)
    wrapper.unmount()
  })
})
