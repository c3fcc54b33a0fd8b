// The whole app over a stubbed preload API, for the tests of locks and typed work
// (session-lock-work*, review-session19-ui*): who is signed in, typing, unlocking again.
import { flushPromises, mount } from '@vue/test-utils'
import { getActivePinia } from 'pinia'
import type { Role, VaultStatus } from '../../main/api/contract'
import App from '../../renderer/src/App.vue'
import { createAppRouter } from '../../renderer/src/router'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { plugins, settle } from './casework-screens-support'

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

// The case's other tabs are not what most of these tests are about (each asks main for more).
export const TAB_STUBS = Object.fromEntries(
  [
    'CaseSurvivorTab',
    'CaseExperienceTab',
    'CaseEventsTab',
    'CasePerpetratorsTab',
    'CaseAttachmentsTab',
    'CaseHistoryTab',
    'CaseScreeningTab',
    'CaseReferralsTab',
    'CaseSupportPlansTab',
  ].map((name) => [name, true]),
)

/**
 * The app as renderer/src/main.ts mounts it, on the active Pinia (each test sets its own), the
 * case's tabs stubbed unless `realTabs`.
 */
export async function mountApp(path: string, { realTabs = false }: { realTabs?: boolean } = {}) {
  const router = createAppRouter()
  useVaultStore().listenForLocks(() => void router.replace({ name: 'unlock' }))
  await router.push(path)
  const wrapper = mount(App, {
    global: {
      plugins: [getActivePinia()!, ...plugins(), router],
      stubs: { ...(realTabs ? {} : TAB_STUBS), transition: false },
    },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, router }
}
