// @vitest-environment jsdom
// Defects in getting in (setup, recovery key), found by a reviewing helper. The whole app is
// mounted as renderer/src/main.ts mounts it, and window.casevault is built exactly as preload does
// (buildCaseVaultClient) over a real API host on a real encrypted vault: main's answers and its
// lock events are main's own. Each test failed on the code before its fix (session 21).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, getActivePinia, setActivePinia } from 'pinia'
import App from '../../renderer/src/App.vue'
import { createAppRouter } from '../../renderer/src/router'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { buildCaseVaultClient } from '../../preload/build-api'
import { channels } from '../../main/api/contract/channels'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, tempDir, testHost } from '../unit/support/temp-vault'
import { survivorCase } from '../unit/support/case-fixtures'
import { flipByte } from '../unit/support/flip-byte'
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
    () =>
      expect(
        document.querySelector('[data-testid="recovery-error"], [data-testid="unlock-username"]'),
      ).not.toBeNull(),
    { timeout: 10_000 },
  )
  await settle()
}

describe('unlocking with the recovery key', () => {
  // Amara forgot her passphrase and types the recovery key from paper, correctly, with a new
  // passphrase that is 12+ characters but easy to guess ("Safe Harbour Shelter 1", the name on
  // the screen). Main opens the vault, writes "unlocked with the recovery key" to the audit log,
  // then refuses the passphrase (WEAK_PASSPHRASE) and LOCKS the vault it opened (vault.ts
  // unlockWithRecoveryKey: `this.lock('user')`), which fires the lock event. The window reacts to
  // that as to any lock: it leaves the recovery screen for the unlock screen, which says "The vault
  // is locked." The 68-character key she typed from paper is gone, and she never learns why.
  it('stays on the recovery screen with the key kept and says the new passphrase is too easy', async () => {
    const { host } = testHost()
    const { recoveryKey } = await call<CreatedVault>(host, 'vault:create', ADMIN)
    await call(host, 'vault:lock')
    const { router, wrapper } = await mountApp(host, '/unlock/recovery')
    expect(router.currentRoute.value.name).toBe('unlock-recovery')

    await submitRecovery(recoveryKey, ADMIN.username, 'Safe Harbour Shelter 1')

    expect(router.currentRoute.value.name).toBe('unlock-recovery')
    expect(document.querySelector<HTMLInputElement>('[data-testid="recovery-key-input"]')?.value).toBe(
      recoveryKey,
    )
    expect(document.body.textContent).toMatch(/too easy to guess/)
    wrapper.unmount()
  })

  // The key typed is well formed and its last group (the checksum) matches: it has no typo. It is
  // the key of ANOTHER vault (the training vault's sheet, the one of the vault a restore replaced).
  // Main says BAD_RECOVERY_KEY with no detail (vault.ts unlockWithRecoveryKey), the same code as a
  // typo, and the screen says "The recovery key is not correct. Check each group of 4 characters:
  // the last group catches typing mistakes." The person rechecks all 68 characters, again and
  // again, for a typo that is not there, instead of looking for the right sheet.
  it('says a correctly typed key belongs to another vault instead of asking to look for typos', async () => {
    const { host } = testHost()
    await call(host, 'vault:create', ADMIN)
    await call(host, 'vault:lock')
    const other = testHost()
    const { recoveryKey: otherKey } = await call<CreatedVault>(other.host, 'vault:create', {
      ...ADMIN,
      organisation: 'Training vault',
    })
    await call(other.host, 'vault:lock')
    const { wrapper } = await mountApp(host, '/unlock/recovery')

    await submitRecovery(otherKey, ADMIN.username, 'granite harbour sparrow 42 tulip')

    const said = text('[data-testid="recovery-error"]')
    expect(said).not.toBe('')
    expect(said).not.toMatch(/typing mistakes|Check each group/i)
    wrapper.unmount()
  })
})

describe('the recovery key shown once after setup', () => {
  // Amara sets up the vault; the recovery key appears, "shown only this once". She fetches paper
  // and a pen, or goes to the printer, and the screen locks (the OS's 5-minute screen lock) or the
  // laptop sleeps. Main locks the vault, the window goes to the unlock screen, and the key she had
  // not yet written down (the last-group check was never passed) is gone for good: nothing shows it
  // again, and the organisation now has a vault with no recovery key anyone knows.
  it('is not lost to a lock before it was confirmed', async () => {
    const { host } = testHost()
    const { router, wrapper } = await mountApp(host, '/setup')
    expect(router.currentRoute.value.name).toBe('setup')
    type('[data-testid="setup-organisation"]', ADMIN.organisation)
    type('[data-testid="setup-username"]', ADMIN.username)
    type('[data-testid="setup-display-name"]', ADMIN.displayName)
    type('[data-testid="setup-passphrase"]', ADMIN.passphrase)
    type('[data-testid="setup-passphrase-confirm"]', ADMIN.passphrase)
    await settle()
    document.querySelector<HTMLFormElement>('form')!.requestSubmit()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="recovery-key"]')).not.toBeNull(), {
      timeout: 10_000,
    })
    const shown = text('[data-testid="recovery-key"]')
    expect(shown).toMatch(/^([0-9a-f]{4}-){16}[0-9a-f]{4}$/)

    host.lock('screen-lock')
    await settle()
    await flushPromises()

    if (!document.body.textContent?.includes(shown)) {
      // Not kept on screen: is it shown again once she unlocks?
      type('[data-testid="unlock-username"]', ADMIN.username)
      type('[data-testid="unlock-passphrase"]', ADMIN.passphrase)
      await settle()
      document.querySelector<HTMLFormElement>('form')!.requestSubmit()
      await vi.waitFor(() => expect(useVaultStore().state).toBe('unlocked'), { timeout: 10_000 })
      await settle()
    }
    expect(document.body.textContent).toContain(shown)
    wrapper.unmount()
  })
})

describe('a vault whose database cannot be read', () => {
  // Unlocking said "restore the latest backup", and the app offered no way to (the removed test of
  // a helper's hunt, now restore-damaged-vault.test.ts in main). The unlock screen offers it now.
  it('offers, right after the passphrase, to restore the latest backup over it', async () => {
    // (Making a real backup needs Node's own Uint8Array, which this jsdom page does not share: the
    // restore itself runs against a real backup in tests/unit/restore-damaged-vault.test.ts.)
    const { host, dataDir } = testHost(join(tempDir(), 'data'))
    await call(host, 'vault:create', ADMIN)
    await call(host, 'cases:create', survivorCase())
    await call(host, 'vault:lock')
    const dbFile = join(dataDir, 'casevault.db')
    flipByte(dbFile, 4096 * (statSync(dbFile).size / 4096 - 2) + 100)
    const { wrapper } = await mountApp(host, '/unlock')
    // A wrong passphrase proves nothing: no offer.
    type('[data-testid="unlock-username"]', ADMIN.username)
    type('[data-testid="unlock-passphrase"]', 'not the passphrase at all')
    await settle()
    document.querySelector<HTMLFormElement>('form')!.requestSubmit()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="unlock-error"]')).not.toBeNull())
    expect(document.querySelector('[data-testid="damaged-restore-open"]')).toBeNull()

    type('[data-testid="unlock-passphrase"]', ADMIN.passphrase)
    await settle()
    document.querySelector<HTMLFormElement>('form')!.requestSubmit()
    await vi.waitFor(
      () => expect(document.querySelector('[data-testid="damaged-restore-open"]')).not.toBeNull(),
      { timeout: 10_000 },
    )
    document.querySelector<HTMLButtonElement>('[data-testid="damaged-restore-open"]')!.click()
    await settle()
    expect(document.activeElement?.id).toBe('damaged-restore-heading')
    expect(document.querySelector('[data-testid="damaged-restore-passphrase"]')).not.toBeNull()
    expect(document.body.textContent).toContain('rollback copy')
    document.querySelector<HTMLButtonElement>('[data-testid="damaged-restore-back"]')!.click()
    await settle()
    expect(document.querySelector('[data-testid="unlock-username"]')).not.toBeNull()
    wrapper.unmount()
  })
})
