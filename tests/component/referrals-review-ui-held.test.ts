// @vitest-environment jsdom
// Referral screen behaviour a reviewing helper (referrals hunt) checked and found holding.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ReferralForm } from '../../main/api/contract'
import ReferralPrintView from '../../renderer/src/views/ReferralPrintView.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const FORM: ReferralForm = {
  referralId: 12,
  direction: 'outgoing',
  referralDate: '2026-03-20',
  ourOrganisation: 'Safe Harbour Network',
  counterpartOrganisation: 'Northern Law Centre',
  serviceName: null,
  servicesRequested: ['Legal'],
  urgency: 'routine',
  consent: { givenBy: 'survivor', givenOn: '2026-03-19', purpose: 'Legal advice' },
  categories: ['identity', 'healthInformation'],
  sections: [{ category: 'identity', fields: [{ field: 'prs_FirstName', value: 'Amina' }] }],
  generatedOn: '2026-03-21',
}

describe('the printed referral form', () => {
  it('names the survivor only inside the released section, never in its heading', async () => {
    install({ referrals: { printForm: vi.fn(async () => ok(FORM)) } })
    signIn('caseworker')
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/referrals/:id', name: 'referral-detail', component: { template: '<div />' } },
        { path: '/referrals/:id/print', name: 'referral-print', component: ReferralPrintView },
      ],
    })
    await router.push('/referrals/12/print')
    const wrapper = mount(ReferralPrintView, {
      global: { plugins: [...plugins(), router] },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.get('h1').text()).not.toContain('Amina')
    expect(wrapper.get('[data-testid="print-section-identity"]').text()).toContain('Amina')
    // A consented category with nothing recorded says so rather than vanishing.
    expect(wrapper.text()).toContain('Health')
    expect(wrapper.findAll('h3').map((h) => h.text())).toHaveLength(2)
    wrapper.unmount()
  })
})
