// @vitest-environment jsdom
// The Reports hub: behaviour that held up under a reviewing helper's hunt (regression tests).
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Role } from '../../main/api/contract'
import { createAppRouter } from '../../renderer/src/router'
import ReportsView from '../../renderer/src/views/ReportsView.vue'
import { plugins, settle, signIn } from './casework-screens-support'

async function hubFor(role: Role) {
  signIn(role)
  const router = createAppRouter()
  const wrapper = mount(ReportsView, { global: { plugins: [...plugins(), router] } })
  await settle()
  return wrapper
}

describe('the Reports hub', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it.each([
    ['analyst', ['reports-export']],
    ['supervisor', ['reports-export', 'reports-import']],
    ['admin', ['reports-export', 'reports-import']],
  ] as const)('offers a %s only the cards of its role, each a keyboard-reachable link', async (role, cards) => {
    const wrapper = await hubFor(role)
    const links = wrapper.findAll('a')
    expect(links.map((link) => link.attributes('data-testid'))).toEqual(cards)
    for (const link of links) expect(link.attributes('href')).toMatch(/^#?\/app\/reports\/(export|import)$/)
    expect(wrapper.find('[data-testid="reports-none"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('tells a caseworker in words who makes exports and imports, with no dead link', async () => {
    const wrapper = await hubFor('caseworker')
    expect(wrapper.findAll('a')).toHaveLength(0)
    expect(wrapper.get('[data-testid="reports-none"]').text()).toMatch(/supervisors, administrators and analysts/)
    expect(wrapper.get('h1').attributes('tabindex')).toBe('-1')
    wrapper.unmount()
  })
})
