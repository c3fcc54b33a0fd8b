// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { VaultSettings } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import AdminSettingsView from '../../renderer/src/views/AdminSettingsView.vue'

function install(current: VaultSettings) {
  const vault = {
    getSettings: vi.fn(async () => ({ ok: true as const, value: current })),
    updateSettings: vi.fn(async (next: VaultSettings) => ({ ok: true as const, value: next })),
  }
  Object.defineProperty(window, 'casevault', {
    value: { vault } as unknown as CaseVaultClient,
    configurable: true,
  })
  return vault
}

function mountView() {
  return mount(AdminSettingsView, {
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] },
    attachTo: document.body,
  })
}

async function submitWith(wrapper: ReturnType<typeof mountView>, text: string): Promise<void> {
  await wrapper.get('[data-testid="settings-autolock"]').setValue(text)
  await wrapper.get('form').trigger('submit')
  // vee-validate validates over several ticks: wait until the submit has finished.
  await vi.waitFor(() =>
    expect(wrapper.get('[data-testid="settings-save"]').attributes('disabled')).toBeUndefined(),
  )
  await flushPromises()
}

describe('the settings screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the saved auto-lock minutes and saves a new value', async () => {
    const vault = install({ autoLockMinutes: 10 })
    const wrapper = mountView()
    await flushPromises()
    const input = wrapper.get<HTMLInputElement>('[data-testid="settings-autolock"]')
    expect(input.element.value).toBe('10')

    await submitWith(wrapper, '5')
    expect(vault.updateSettings).toHaveBeenCalledWith({ autoLockMinutes: 5 })
    expect(wrapper.get('[data-testid="settings-saved"]').text()).toContain('5 minutes')
    wrapper.unmount()
  })

  it.each([
    ['', 'This field is required.'],
    ['0', 'Enter 1 or more.'],
    ['241', 'Enter 240 or less.'],
    ['2.5', 'Enter a whole number, without decimals.'],
  ])('refuses %j with a message from the contract’s limits, and saves nothing', async (text, message) => {
    const vault = install({ autoLockMinutes: 10 })
    const wrapper = mountView()
    await flushPromises()
    await submitWith(wrapper, text)
    expect(vault.updateSettings).not.toHaveBeenCalled()
    expect(wrapper.get('[role="alert"]').text()).toBe(message)
    expect(wrapper.get('[data-testid="settings-autolock"]').attributes('aria-invalid')).toBe('true')
    wrapper.unmount()
  })
})
