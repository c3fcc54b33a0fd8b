// The whole app over a stubbed preload API, for the tests of locks and typed work
// (session-lock-work*, review-session19-ui*): who is signed in, typing, unlocking again.
import { flushPromises } from '@vue/test-utils'
import type { Role, VaultStatus } from '../../main/api/contract'
import { settle } from './casework-screens-support'

export function statusOf(role: Role | null): VaultStatus {
  return role
    ? {
        state: 'unlocked',
        user: { id: 3, username: 'sam', displayName: 'Sam Lee', role },
        settings: { autoLockMinutes: 10 },
        organisation: 'Safe Harbour Network',
      }
    : { state: 'locked', user: null, settings: null, organisation: 'Safe Harbour Network' }
}

export function type(selector: string, text: string): void {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input'))
}

export async function unlockAgain(): Promise<void> {
  type('[data-testid="unlock-username"]', 'sam')
  type('[data-testid="unlock-passphrase"]', 'lantern orchard river 42')
  await settle()
  document.querySelector<HTMLFormElement>('form')!.requestSubmit()
  await settle()
  await flushPromises()
}

export function lockNotice(): string {
  return document.querySelector('[data-testid="lock-notice"]')?.textContent ?? ''
}
