// @vitest-environment jsdom
// Reviewing helper (user and role administration), screens: checks the code passes, kept as
// regression tests. The preload calls go to a real API host over a real encrypted vault.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ChangePassphraseView from '../../renderer/src/views/ChangePassphraseView.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { ADMIN, call, errorCode, testHost } from '../unit/support/temp-vault'
import type { VaultStatus } from '../../main/api/contract'
import { install, plugins, settle } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

function type(selector: string, text: string): void {
  const input = document.querySelector<HTMLInputElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input'))
}

describe('held: Change passphrase against a real vault', () => {
  it('a strong new passphrase is taken, the fields are emptied, and only the new one unlocks', async () => {
    const { host } = testHost()
    await call(host, 'vault:create', ADMIN)
    install({
      vault: { changePassphrase: (input: unknown) => host.dispatch('vault:changePassphrase', input) },
    })
    useVaultStore().status = await call<VaultStatus>(host, 'vault:status')
    const wrapper = mount(ChangePassphraseView, { global: { plugins: plugins() }, attachTo: document.body })
    const chosen = 'copper meadow lantern drift 7'
    type('[data-testid="current-passphrase"]', ADMIN.passphrase)
    type('[data-testid="new-passphrase"]', chosen)
    type('[data-testid="new-passphrase-confirm"]', chosen)
    await settle()
    wrapper.get('form').element.requestSubmit()
    await settle()
    await vi.waitFor(() =>
      expect(
        document.querySelector(
          '[data-testid="change-passphrase-done"], [data-testid="change-passphrase-error"]',
        ),
      ).not.toBeNull(),
    )
    expect(document.querySelector('[data-testid="change-passphrase-error"]')?.textContent ?? null).toBeNull()
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="password"]'))
      expect(input.value).toBe('')
    await call(host, 'vault:lock')
    expect(
      await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
    ).toBe('WRONG_PASSPHRASE')
    expect(await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: chosen })).toBe('OK')
    wrapper.unmount()
  })
})
