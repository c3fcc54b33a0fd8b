// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import type { DirectoryOrganisation, DirectoryService, Role, VaultStatus } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import DirectoryView from '../../renderer/src/views/DirectoryView.vue'
import { installMatchMedia } from './support-jsdom'

installMatchMedia()
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const place = {
  phone: '0161 496 0000',
  email: null,
  website: null,
  address: null,
  city: 'Manchester',
  region: null,
  postalCode: null,
  country: 'GB',
  latitude: null,
  longitude: null,
}
const ORGANISATION: DirectoryOrganisation = {
  id: 1,
  hsdsId: '6f1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11',
  name: 'Northern Law Centre',
  orgType: 'LegalService',
  description: null,
  ...place,
  active: true,
  serviceCount: 1,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}
const SERVICE: DirectoryService = {
  id: 7,
  hsdsId: '0d8f6a7e-2b1c-4c3d-8e9f-a0b1c2d3e4f5',
  organisationId: 1,
  organisationName: 'Northern Law Centre',
  organisationType: 'LegalService',
  organisationActive: true,
  name: 'Immigration legal advice',
  description: null,
  serviceTypes: ['Legal'],
  ...place,
  languages: ['en'],
  eligibilityNotes: 'Adults',
  openingHours: null,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

function install() {
  const api = {
    listServices: vi.fn(async () => ({ ok: true as const, value: [SERVICE] })),
    listOrganisations: vi.fn(async () => ({ ok: true as const, value: [ORGANISATION] })),
    setServiceActive: vi.fn(async () => ({ ok: true as const, value: { ...SERVICE, active: false } })),
  }
  Object.defineProperty(window, 'casevault', {
    value: { directory: api } as unknown as CaseVaultClient,
    configurable: true,
  })
  return api
}

async function mountAs(role: Role) {
  const status: VaultStatus = {
    state: 'unlocked',
    user: { id: 1, username: 'sam', displayName: 'Sam Lee', role },
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Network',
  }
  useVaultStore().status = status
  const wrapper = mount(DirectoryView, {
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }], ToastService] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

describe('the service directory screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a caseworker the services read-only, without edit, import or export', async () => {
    install()
    const wrapper = await mountAs('caseworker')
    expect(wrapper.get('[data-testid="directory-service-name"]').text()).toBe('Immigration legal advice')
    expect(wrapper.find('[data-testid="directory-read-only"]').exists()).toBe(true)
    for (const testid of ['directory-add-organisation', 'directory-import', 'directory-service-edit'])
      expect(wrapper.find(`[data-testid="${testid}"]`).exists(), testid).toBe(false)
  })

  it('lets a supervisor deactivate a service and filter by type', async () => {
    const api = install()
    const wrapper = await mountAs('supervisor')
    expect(wrapper.find('[data-testid="directory-add-service"]').exists()).toBe(true)
    await wrapper.get('[data-testid="directory-service-toggle"]').trigger('click')
    await flushPromises()
    expect(api.setServiceActive).toHaveBeenCalledWith({ id: 7, active: false })

    vi.useFakeTimers()
    await wrapper.get('[data-testid="directory-search"]').setValue('legal')
    vi.advanceTimersByTime(300)
    vi.useRealTimers()
    await flushPromises()
    expect(api.listServices).toHaveBeenLastCalledWith({ activeOnly: false, query: 'legal' })
  })
})
