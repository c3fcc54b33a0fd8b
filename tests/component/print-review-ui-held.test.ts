// @vitest-environment jsdom
// Print views hunt (reviewing helper): print-view behaviour checked on a real API host over a real
// encrypted vault and found holding.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ReferralDetail } from '../../main/api/contract'
import { channels } from '../../main/api/contract/channels'
import { buildCaseVaultClient } from '../../preload/build-api'
import ReferralPrintView from '../../renderer/src/views/ReferralPrintView.vue'
import ScreeningPrintView from '../../renderer/src/views/ScreeningPrintView.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { en } from '../../renderer/src/i18n/en'
import { call } from '../unit/support/temp-vault'
import { signInAs, staffedHost } from '../unit/support/case-fixtures'
import { walkInScreening } from '../unit/support/screening-fixtures'
import { caseWithReferral, survivorConsent } from '../unit/support/referral-fixtures'
import { plugins, settle } from './casework-screens-support'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const CHEN = { id: 3, username: 'chen', displayName: 'Chen Wei', role: 'caseworker' } as const
const BILAL = { id: 2, username: 'bilal', displayName: 'Bilal Haddad', role: 'caseworker' } as const
const blank = { template: '<div />' }

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

function onHost(host: Host, user: typeof CHEN | typeof BILAL): void {
  Object.defineProperty(window, 'casevault', {
    value: buildCaseVaultClient(
      channels,
      (channel, input) => host.dispatch(channel, input),
      () => () => {},
    ),
    configurable: true,
  })
  useVaultStore().status = {
    state: 'unlocked',
    user,
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Shelter',
  }
}

async function routed(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/referrals/:id', name: 'referral-detail', component: blank },
      { path: '/referrals/:id/print', name: 'referral-print', component: ReferralPrintView },
      { path: '/screening/:id', name: 'screening-detail', component: blank },
      { path: '/screening/:id/print', name: 'screening-print', component: ScreeningPrintView },
    ],
  })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [...plugins(), router], stubs: { transition: false } }, attachTo: document.body },
  )
  await settle()
  return { wrapper, router }
}

describe('the referral print view (held)', () => {
  it('shows main’s refusal, no survivor data and a disabled Print to a caseworker without the case', async () => {
    const { host, referral } = await caseWithReferral()
    await call(host, 'referrals:recordConsent', survivorConsent(referral.id))
    await signInAs(host, 'chen')
    onHost(host, CHEN)
    const { wrapper } = await routed(`/referrals/${referral.id}/print`)
    expect(wrapper.text()).not.toMatch(/Olena|Kovalenko|labour court/)
    expect(wrapper.find('[data-testid="referral-printout"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="referral-print-button"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).not.toContain('Something went wrong')
    wrapper.unmount()
    host.dispose()
  })

  it('after the consent is withdrawn, prints the no-consent line and none of her details', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity'] }),
    )
    await call<ReferralDetail>(host, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: consented.consentInForce!.id,
      withdrawnOn: '2026-03-21',
    })
    onHost(host, BILAL)
    const { wrapper } = await routed(`/referrals/${referral.id}/print`)
    expect(wrapper.get('[data-testid="print-no-consent"]').text()).toBe(en.referrals.print.noConsent)
    expect(wrapper.text()).not.toMatch(/Olena|Kovalenko|Lena/)
    wrapper.unmount()
    host.dispose()
  })

  it('leads back to the referral by a real link, and prints words for coded header values', async () => {
    const { host, referral } = await caseWithReferral()
    await call(host, 'referrals:recordConsent', survivorConsent(referral.id, { categories: ['nationality'] }))
    onHost(host, BILAL)
    const { wrapper } = await routed(`/referrals/${referral.id}/print`)
    const back = wrapper.get('a')
    expect(back.text()).toBe(en.referrals.print.back)
    expect(back.attributes('href')).toBe(`/referrals/${referral.id}`)
    const text = wrapper.text()
    expect(text).toContain('Priority')
    expect(wrapper.get('[data-testid="print-field-prs_Citizenship"]').text()).toBe('Ukraine')
    wrapper.unmount()
    host.dispose()
  })
})

describe('the screening print view (held)', () => {
  it('prints the channel, next step and answers as words, with the confidentiality line', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    onHost(host, BILAL)
    const { wrapper } = await routed(`/screening/${screening.id}/print`)
    const text = wrapper.text()
    expect(text).toContain(en.screening.print.confidential)
    expect(text).toContain(en.screening.channels.walkIn)
    expect(wrapper.get('[data-testid="screening-next-step"]').text()).toBe(en.screening.nextSteps.openCase)
    expect(wrapper.get('[data-testid="answered-historyOfAbuse"] dd').text()).toBe(en.screening.answers.risk)
    expect(text).not.toMatch(/\bwalkIn\b|\bopenCase\b/)
    wrapper.unmount()
    host.dispose()
  })

  it('shows main’s refusal and no walk-in details to a caseworker who did not screen her', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    await signInAs(host, 'chen')
    onHost(host, CHEN)
    const { wrapper } = await routed(`/screening/${screening.id}/print`)
    expect(wrapper.text()).not.toMatch(/Maryna|Hlib/)
    expect(wrapper.find('[data-testid="screening-facts"]').exists()).toBe(false)
    wrapper.unmount()
    host.dispose()
  })
})
