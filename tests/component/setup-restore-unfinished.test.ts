// @vitest-environment jsdom
// The first-run screen while a restore cut short by a power cut waits to be finished: it says so
// instead of offering to create a vault or restore another (main refuses both meanwhile), and
// "Try again" asks main again and goes on to the unlock screen once the vault is in place.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { VaultStatus } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import SetupView from '../../renderer/src/views/SetupView.vue'

const absent: VaultStatus = { state: 'absent', user: null, settings: null, organisation: null }
const unfinished: VaultStatus = { ...absent, restoreUnfinished: true }
const locked: VaultStatus = { ...absent, state: 'locked', organisation: 'Safe Harbour Network' }

function answerStatus(...answers: VaultStatus[]) {
  const status = vi.fn()
  for (const answer of answers) status.mockResolvedValueOnce({ ok: true, value: answer })
  Object.defineProperty(window, 'casevault', {
    value: { vault: { status } } as unknown as CaseVaultClient,
    configurable: true,
  })
  return status
}

async function mountSetup(initial: VaultStatus) {
  useVaultStore().status = initial
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/setup', name: 'setup', component: { template: '<div />' } },
      { path: '/unlock', name: 'unlock', component: { template: '<div />' } },
      { path: '/cases', name: 'cases', component: { template: '<div />' } },
    ],
  })
  await router.push('/setup')
  const wrapper = mount(SetupView, {
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }], router] },
    attachTo: document.body,
  })
  return { wrapper, router }
}

describe('the first-run screen after a restore cut short', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('says so, offers neither a new vault nor a restore, and goes to unlock once it is finished', async () => {
    const status = answerStatus(unfinished, locked)
    const { wrapper, router } = await mountSetup(unfinished)
    const notice = wrapper.get('[data-testid="restore-unfinished"]')
    expect(notice.attributes('role')).toBe('alert')
    expect(wrapper.get('h1').text()).toBe('A restore was cut short')
    expect(notice.text()).toContain('Nothing is lost')
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.find('[data-testid="first-restore-open"]').exists()).toBe(false)

    await wrapper.get('[data-testid="restore-unfinished-retry"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('setup') // still waiting
    expect(wrapper.find('[data-testid="restore-unfinished"]').exists()).toBe(true)

    await wrapper.get('[data-testid="restore-unfinished-retry"]').trigger('click')
    await flushPromises()
    expect(status).toHaveBeenCalledTimes(2)
    expect(router.currentRoute.value.name).toBe('unlock')
    wrapper.unmount()
  })

  it('offers the usual choices when nothing is waiting', async () => {
    answerStatus()
    const { wrapper } = await mountSetup(absent)
    expect(wrapper.find('[data-testid="restore-unfinished"]').exists()).toBe(false)
    expect(wrapper.find('form').exists()).toBe(true)
    expect(wrapper.find('[data-testid="first-restore-open"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
