// The whole app over a stubbed preload API, for the tests of locks and typed work
// (session-lock-work*, review-session19-ui*, session19-support.ts): who is signed in, main's
// answers to the vault's calls and its lock event, typing, unlocking again.
import { vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { getActivePinia } from 'pinia'
import type { ApiResult, Role, VaultLockedReason, VaultStatus } from '../../main/api/contract'
import App from '../../renderer/src/App.vue'
import { createAppRouter } from '../../renderer/src/router'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { CASE, install, ok, plugins, settle } from './casework-screens-support'

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

export interface MainOptions {
  /** main's answer to Lock (unless told: it locks at once and tells the window, reason "user"). */
  lock?: () => Promise<ApiResult<VaultStatus>>
  /** Who signs in at the next unlock (another person at the same computer); the same user unless told. */
  unlockAs?: Role
  /** The auto-lock setting in the signed-in status (statusOf's 10 minutes unless told). */
  autoLockMinutes?: number
}

/**
 * main as the window sees it, installed as the preload API: one signed-in user, the vault's calls,
 * the lock event, and `calls` (the other calls the screens make). `fire` is main locking on its own
 * (idle, suspend…) and telling the window.
 */
export function stubMain<Calls extends object>(role: Role, options: MainOptions, calls: Calls) {
  const signedIn = (as: Role): VaultStatus => {
    const status = statusOf(as)
    return status.settings && options.autoLockMinutes
      ? { ...status, settings: { ...status.settings, autoLockMinutes: options.autoLockMinutes } }
      : status
  }
  let current = signedIn(role)
  let onLocked: ((reason: VaultLockedReason) => void) | null = null
  const client = {
    vault: {
      status: vi.fn(async () => ok(current)),
      unlock: vi.fn(async () => ok((current = signedIn(options.unlockAs ?? role)))),
      lock: vi.fn(
        options.lock ??
          (async () => {
            current = statusOf(null)
            onLocked?.('user')
            return ok(current)
          }),
      ),
    },
    ...calls,
    onLocked: (listener: (reason: VaultLockedReason) => void) => {
      onLocked = listener
      return () => (onLocked = null)
    },
    onProgress: () => () => undefined,
  }
  install(client)
  return {
    client,
    /** main locks (idle, suspend…) and tells the window. */
    fire(reason: VaultLockedReason) {
      current = statusOf(null)
      onLocked?.(reason)
    },
  }
}

/** The calls a case's screen makes, answered with CASE and empty lists (comments.add a bare mock). */
export function caseCalls() {
  return {
    cases: {
      get: vi.fn(async () => ok(CASE)),
      list: vi.fn(async () => ok({ rows: [], total: 0, page: 0, pageSize: 25 })),
      search: vi.fn(async () => ok([])),
    },
    comments: { list: vi.fn(async () => ok([])), add: vi.fn() },
    users: { assignable: vi.fn(async () => ok([])) },
  }
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
