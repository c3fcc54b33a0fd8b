// @vitest-environment jsdom
// Reviewing helper (user and role administration), screens: each test failed before its fix.
// The screen is mounted as in the other component tests, but its preload calls go to a real API
// host over a real encrypted vault, so what main answers is main's own answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ChangePassphraseView from '../../renderer/src/views/ChangePassphraseView.vue'
import AddUserDialog from '../../renderer/src/components/users/AddUserDialog.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { ADMIN, call, testHost } from '../unit/support/temp-vault'
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

/** A real vault, its first admin signed in; the screen's preload calls go to its host. */
async function signedInAdmin() {
  const { host } = testHost()
  await call(host, 'vault:create', ADMIN)
  install({
    vault: {
      changePassphrase: (input: unknown) => host.dispatch('vault:changePassphrase', input),
    },
    users: { create: (input: unknown) => host.dispatch('users:create', input) },
  })
  useVaultStore().status = await call<VaultStatus>(host, 'vault:status')
  return host
}

describe('the strength meter under a new passphrase', () => {
  // Amara, admin of "Safe Harbour Shelter", picks "Safe Harbour Shelter 1" on Change passphrase
  // (the organisation's name is printed on the unlock screen itself). The meter says "Strong",
  // then main refuses it: "This passphrase is too easy to guess." Cause: PassphraseStrength.vue:18
  // rates with judge(passphrase, []) while main (vault.ts:173) counts the user name and the
  // organisation as easy guesses, so the meter praises exactly the passphrases main refuses.
  // Same meter on the recovery and setup screens. Should: rate with the same words main uses.
  it('does not call a passphrase made of the organisation’s name strong when main refuses it', async () => {
    const host = await signedInAdmin()
    const wrapper = mount(ChangePassphraseView, { global: { plugins: plugins() }, attachTo: document.body })
    const chosen = 'Safe Harbour Shelter 1'
    type('[data-testid="current-passphrase"]', ADMIN.passphrase)
    type('[data-testid="new-passphrase"]', chosen)
    type('[data-testid="new-passphrase-confirm"]', chosen)
    await vi.waitFor(() => expect(document.querySelector('.strength')).not.toBeNull(), { timeout: 10_000 })
    await vi.waitFor(() =>
      expect(document.querySelector('.strength')!.getAttribute('data-level')).not.toBe('tooShort'),
    )
    await settle()
    const meter = document.querySelector('.strength')!.getAttribute('data-level')

    wrapper.get('form').element.requestSubmit()
    await settle()
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="change-passphrase-error"]')).not.toBeNull(),
    )
    const refused = await host.dispatch('vault:changePassphrase', {
      currentPassphrase: ADMIN.passphrase,
      newPassphrase: chosen,
    })
    expect(refused.ok ? 'OK' : refused.error.code).toBe('WEAK_PASSPHRASE')
    // What the screen said on that click: main's refusal, under a meter saying "Strong".
    expect(document.querySelector('[data-testid="change-passphrase-error"]')!.textContent).toMatch(/too easy/)
    expect(meter).toMatch(/^(weak|tooShort)$/)
    wrapper.unmount()
  })
})

describe('a new user’s passphrase refused by main as too easy to guess', () => {
  // An admin adds "kim" with the initial passphrase "password1234" (12 characters: the form lets it
  // through) and presses Enter. Main refuses WEAK_PASSPHRASE. Today the sentence appears at the
  // bottom of the dialog, but the passphrase field is not marked invalid, nothing ties the message
  // to it, and the focus stays on the Add button: a keyboard or screen-reader user must hunt back
  // two fields to retype both passphrases. A taken username is already said at its field and
  // focused (AddUserDialog.vue:69-73); the passphrase refusal is not (same in ResetPassphraseDialog,
  // ChangePassphraseView and RecoveryUnlockView). Should: mark the passphrase field, tie the
  // message to it, put the cursor there.
  it('says the refusal at the passphrase field and puts the cursor there', async () => {
    const host = await signedInAdmin()
    const wrapper = mount(AddUserDialog, {
      props: { visible: false, 'onUpdate:visible': (open: boolean) => wrapper.setProps({ visible: open }) },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    type('[data-testid="user-username"]', 'kim')
    type('[data-testid="user-display-name"]', 'Kim Park')
    type('[data-testid="user-passphrase"]', 'password1234')
    type('[data-testid="user-passphrase-confirm"]', 'password1234')
    await settle()
    ;(document.querySelector('[data-testid="user-submit"]') as HTMLElement).focus()
    document.querySelector<HTMLFormElement>('[data-testid="add-user-dialog"] form')!.requestSubmit()
    await settle()
    expect(await call(host, 'users:list')).toHaveLength(1) // main refused: only the admin
    expect(document.querySelector('[data-testid="user-form-error"]')?.textContent).toMatch(/too easy/)
    const field = document.querySelector<HTMLInputElement>('[data-testid="user-passphrase"]')!
    const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    const said = describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
    expect({
      focused: document.activeElement?.id,
      invalid: field.getAttribute('aria-invalid'),
      said,
    }).toEqual({
      focused: 'user-passphrase',
      invalid: 'true',
      said: expect.stringMatching(/too easy/),
    })
    wrapper.unmount()
  })
})
