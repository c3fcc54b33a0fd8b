// @vitest-environment jsdom
// Checks of getting in that held when a reviewing helper tried them (kept as regression tests). The whole app is
// mounted as renderer/src/main.ts mounts it, and window.casevault is built exactly as preload does
// (buildCaseVaultClient) over a real API host on a real encrypted vault: main's answers and its
// lock events are main's own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, getActivePinia, setActivePinia } from 'pinia'
import App from '../../renderer/src/App.vue'
import { createAppRouter } from '../../renderer/src/router'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { buildCaseVaultClient } from '../../preload/build-api'
import { channels } from '../../main/api/contract/channels'
import { ADMIN, call, testHost } from '../unit/support/temp-vault'
import type { CreatedVault } from '../../main/api/contract'
import { install, plugins, settle } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

type Host = ReturnType<typeof testHost>['host']

/** window.casevault as preload builds it, its calls and events going to `host`. */
function installRealClient(host: Host): void {
  install(
    buildCaseVaultClient(
      channels,
      (channel, input) => host.dispatch(channel, input),
      (event, listener) =>
        event === 'locked'
          ? host.onLocked(listener as Parameters<Host['onLocked']>[0])
          : host.onProgress(listener as Parameters<Host['onProgress']>[0]),
    ) as unknown as Record<string, unknown>,
  )
}

async function mountApp(host: Host, path: string) {
  installRealClient(host)
  const router = createAppRouter()
  useVaultStore().listenForLocks(() => void router.replace({ name: 'unlock' }))
  await router.push(path)
  const wrapper = mount(App, {
    global: { plugins: [getActivePinia()!, ...plugins(), router], stubs: { transition: false } },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, router }
}

function type(selector: string, text: string): void {
  const input = document.querySelector<HTMLInputElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input'))
}

function text(selector: string): string {
  return document.querySelector(selector)?.textContent ?? ''
}

async function submitRecovery(key: string, username: string, passphrase: string): Promise<void> {
  type('[data-testid="recovery-key-input"]', key)
  type('[data-testid="recovery-username"]', username)
  type('[data-testid="recovery-new-passphrase"]', passphrase)
  type('[data-testid="recovery-new-passphrase-confirm"]', passphrase)
  await settle()
  document.querySelector<HTMLFormElement>('form')!.requestSubmit()
  await vi.waitFor(
    () => expect(document.querySelector('[data-testid="recovery-error"], [data-testid="unlock-username"]')).not.toBeNull(),
    { timeout: 10_000 },
  )
  await settle()
}

describe('the recovery screen, with main’s own answers', () => {
  it('keeps a key with a missing group as typed, says it is not correct and puts the cursor back in it', async () => {
    const { host } = testHost()
    const { recoveryKey } = await call<CreatedVault>(host, 'vault:create', ADMIN)
    await call(host, 'vault:lock')
    const { router, wrapper } = await mountApp(host, '/unlock/recovery')
    const missingGroup = recoveryKey.split('-').slice(0, 16).join('-')

    await submitRecovery(missingGroup, ADMIN.username, 'granite harbour sparrow 42 tulip')

    expect(router.currentRoute.value.name).toBe('unlock-recovery')
    expect(text('[data-testid="recovery-error"]')).toMatch(/recovery key is not correct/)
    expect(document.querySelector<HTMLInputElement>('[data-testid="recovery-key-input"]')?.value).toBe(
      missingGroup,
    )
    expect(document.activeElement?.id).toBe('recovery-key-input')
    expect(useVaultStore().state).toBe('locked')
    wrapper.unmount()
  })

  it('unlocks with a key typed in capitals with spaces and goes to the app', async () => {
    const { host } = testHost()
    const { recoveryKey } = await call<CreatedVault>(host, 'vault:create', ADMIN)
    await call(host, 'vault:lock')
    const { router, wrapper } = await mountApp(host, '/unlock/recovery')
    type('[data-testid="recovery-key-input"]', recoveryKey.toUpperCase().replaceAll('-', ' '))
    type('[data-testid="recovery-username"]', ADMIN.username)
    type('[data-testid="recovery-new-passphrase"]', 'granite harbour sparrow 42 tulip')
    type('[data-testid="recovery-new-passphrase-confirm"]', 'granite harbour sparrow 42 tulip')
    await settle()
    document.querySelector<HTMLFormElement>('form')!.requestSubmit()
    await vi.waitFor(() => expect(useVaultStore().state).toBe('unlocked'), { timeout: 10_000 })
    await settle()
    expect(router.currentRoute.value.name).not.toBe('unlock-recovery')
    wrapper.unmount()
  })
})
