// @vitest-environment jsdom
// Checks of today's later renderer changes (c813da2^..HEAD) that held up under a reviewing
// helper's probing (review 19c): kept as regression tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ReferralsView from '../../renderer/src/views/ReferralsView.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

function router() {
  const blank = defineComponent({ render: () => h('div') })
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/referrals', name: 'referrals', component: blank },
      { path: '/referrals/:id', name: 'referral-detail', component: blank },
      { path: '/cases/:id', name: 'case-detail', component: blank },
    ],
  })
}

async function openedAt(address: string) {
  const list = vi.fn(async (input: unknown) => ok({ total: 0, items: [], asked: input }))
  install({ referrals: { list } })
  const routes = router()
  await routes.push(address)
  const wrapper = mount(ReferralsView, { global: { plugins: [...plugins(), routes] } })
  await settle()
  const select = (name: string) =>
    (wrapper.get(`[data-testid="referral-filter-${name}"]`).element as HTMLSelectElement).value
  return { wrapper, list, shown: { status: select('status'), direction: select('direction') } }
}

describe('held: the Referrals list takes its filters from the address', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    signIn('caseworker')
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('the awaiting card’s address asks main for sent outgoing referrals, and the filters show it', async () => {
    const { wrapper, list, shown } = await openedAt('/referrals?direction=outgoing&status=sent')
    expect(list).toHaveBeenCalledTimes(1)
    expect(list.mock.calls[0]).toEqual([{ status: ['sent'], direction: 'outgoing', offset: 0, limit: 50 }])
    expect(shown).toEqual({ status: 'sent', direction: 'outgoing' })
    wrapper.unmount()
  })

  it('hostile values (arrays, prototype names, SQL, unknown words) are dropped, not sent', async () => {
    const { wrapper, list, shown } = await openedAt(
      "/referrals?status=__proto__&status=sent&direction=constructor&due=overdue'%20OR%201=1--",
    )
    expect(list.mock.calls[0]).toEqual([{ offset: 0, limit: 50 }])
    expect(shown).toEqual({ status: '', direction: '' })
    wrapper.unmount()
  })
})
