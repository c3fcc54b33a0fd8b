// @vitest-environment jsdom
// Reviewing helper (finding cases): checks of the case list screen that held, over the real API host.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import CasesView from '../../renderer/src/views/CasesView.vue'
import { createCase, signInAs, staffedHost, survivorCase } from '../unit/support/case-fixtures'
import { settle } from './casework-screens-support'
import { BILAL, mountOnHost } from './screening-link-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const blank = { template: '<div />' }
const routes = [
  { path: '/cases', name: 'cases', component: CasesView },
  { path: '/cases/new', name: 'case-new', component: blank },
  { path: '/cases/:id', name: 'case-detail', component: blank },
]

describe('the case list for a caseworker (held)', () => {
  it('shows a caseworker only the cases assigned to her, with no "Assigned to" filter', async () => {
    const { host } = await staffedHost('dana')
    const hers = await createCase(host, survivorCase({ assignedUserId: 2 }))
    const other = await createCase(host, survivorCase({ assignedUserId: 3 }))
    await signInAs(host, 'bilal')
    const wrapper = await mountOnHost(
      (channel, input) => host.dispatch(channel, input),
      BILAL,
      routes,
      '/cases',
    )
    await settle()
    expect(wrapper.find(`[data-testid="case-row-${hers.caseNumber}"]`).exists()).toBe(true)
    expect(wrapper.find(`[data-testid="case-row-${other.caseNumber}"]`).exists()).toBe(false)
    expect(wrapper.find('[data-testid="filter-assignee"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
