// The backup, restore, export, import and first-run screens against a stubbed preload API (main's
// own behaviour is tested in tests/unit): a signed-in admin, refusals as main sends them, and the
// check and restore panels mounted and submitted. Shared by operation-screens-*-held and
// operation-screen-*-messages.
import { vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import PrimeVue from 'primevue/config'
import type { Plugin } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ApiResult, BackupCheck, ErrorCode, VaultStatus } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupVerifyPanel from '../../renderer/src/components/backup/BackupVerifyPanel.vue'
import BackupRestorePanel from '../../renderer/src/components/backup/BackupRestorePanel.vue'
import { installMatchMedia } from './support-jsdom'
import { ok } from './import-view-support'

installMatchMedia()
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export const admin: VaultStatus = {
  state: 'unlocked',
  user: { id: 1, username: 'amina.admin', displayName: 'Amina Okafor', role: 'admin' },
  settings: { autoLockMinutes: 10 },
  organisation: 'Safe Harbour Network',
}
export const refused = <T>(
  code: ErrorCode,
  message = 'refused',
  details?: Record<string, unknown>,
): ApiResult<T> => ({
  ok: false,
  error: { code, message, ...(details ? { details } : {}) },
})

export function installClient(client: Record<string, unknown>): void {
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
}

export function makeRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/backup', name: 'backup', component: { template: '<div />' } },
      { path: '/setup', name: 'setup', component: { template: '<div />' } },
      { path: '/unlock', name: 'unlock', component: { template: '<div />' } },
      { path: '/cases', name: 'cases', component: { template: '<div />' } },
    ],
  })
}
export const plugins = (): (Plugin | [Plugin, ...unknown[]])[] => [
  createAppI18n(),
  [PrimeVue, { unstyled: true }],
]
export const value = (wrapper: { get: (s: string) => { element: Element } }, testid: string) =>
  (wrapper.get(`[data-testid="${testid}"]`).element as HTMLInputElement).value

export async function mountVerify(answer: ApiResult<BackupCheck>) {
  const backup = { verify: vi.fn(async () => answer), cancel: vi.fn(async () => ok(true)) }
  installClient({ backup })
  useVaultStore().status = admin
  const wrapper = mount(BackupVerifyPanel, {
    global: { plugins: [...plugins()] },
    attachTo: document.body,
  })
  await wrapper.get('[data-testid="verify-passphrase"]').setValue('the backup passphrase')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return { wrapper, backup }
}

export async function mountRestore(
  restore: () => Promise<ApiResult<BackupCheck>>,
  cancel?: () => Promise<ApiResult<boolean>>,
) {
  const backup = {
    restore: vi.fn(restore),
    cancel: vi.fn(cancel ?? (async () => ok(true))),
  }
  const vault = { status: vi.fn(async () => ok(admin)) }
  installClient({ backup, vault })
  useVaultStore().status = admin
  const router = makeRouter()
  await router.push('/backup')
  const wrapper = mount(BackupRestorePanel, {
    global: { plugins: [...plugins(), router] },
    attachTo: document.body,
  })
  await wrapper.get('[data-testid="restore-confirm-word"]').setValue('RESTORE')
  await wrapper.get('[data-testid="restore-passphrase"]').setValue('the backup passphrase')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return { wrapper, backup, router }
}
