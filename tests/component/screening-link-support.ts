// Shared by the screen tests of linking a screening to a case and of a new screening on a real
// vault: the case search's hits and keys, the link dialog, and the screens wired to a real API host.
import { expect, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import type { CaseSearchHit, Role } from '../../main/api/contract'
import { channels } from '../../main/api/contract/channels'
import { buildCaseVaultClient } from '../../preload/build-api'
import LinkCaseDialog from '../../renderer/src/components/screening/LinkCaseDialog.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'
import { wait } from './support-jsdom'

export const hit = (id: number, name: string): CaseSearchHit => ({
  id,
  caseNumber: `SHN-2026-0000${id}`,
  survivorName: name,
  status: 'Active',
  snippet: `[[${name.split(' ')[0]}]]`,
})
export const OLENA_K = hit(1, 'Olena Kovalenko')
export const OLENA_H = hit(2, 'Olena Hlib')
export const HITS = [OLENA_K, OLENA_H]

export function typeInto(selector: string, text: string): void {
  const input = document.querySelector<HTMLInputElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input'))
}

/** Types into the case search and waits for its hits (after the box's debounce and main's search). */
export async function search(text: string): Promise<HTMLInputElement> {
  const input = document.querySelector<HTMLInputElement>('#case-search-input')!
  input.focus()
  input.dispatchEvent(new Event('focus'))
  typeInto('#case-search-input', text)
  await wait(300)
  // Waited for, not timed: a busy machine took longer than 300 ms.
  await vi.waitFor(() => expect(document.querySelector('[role="option"]')).not.toBeNull(), { timeout: 5000 })
  // Focused again: on a busy machine the dialog's own opening focus landed after the test's, and
  // the box, no longer focused, took no keys.
  input.focus()
  input.dispatchEvent(new Event('focus'))
  await settle()
  return input
}

export const press = async (input: HTMLElement, key: string) => {
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
  await settle()
}

/** The link dialog, open, over a stubbed search that finds the two Olenas by name. */
export async function linkDialog(working = false) {
  install({
    cases: {
      search: async ({ query }: { query: string }) =>
        ok([OLENA_K, OLENA_H].filter((h) => h.survivorName.toLowerCase().includes(query.toLowerCase()))),
    },
  })
  signIn('caseworker')
  const wrapper = mount(LinkCaseDialog, {
    props: { open: false, working, failure: null },
    global: { plugins: plugins(), stubs: { transition: false } },
    attachTo: document.body,
  })
  await wrapper.setProps({ open: true })
  await settle()
  return wrapper
}

type Dispatch = Parameters<typeof buildCaseVaultClient>[1]

/**
 * The app's screens at `path`, their preload calls going to `dispatch` (a real API host's, or one
 * that answers some channels itself), signed in as `user`.
 */
export async function mountOnHost(
  dispatch: Dispatch,
  user: { id: number; username: string; displayName: string; role: Role },
  routes: RouteRecordRaw[],
  path: string,
) {
  Object.defineProperty(window, 'casevault', {
    value: buildCaseVaultClient(channels, dispatch, () => () => {}),
    configurable: true,
  })
  useVaultStore().status = {
    state: 'unlocked',
    user,
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Network',
  }
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [...plugins(), router], stubs: { transition: false } }, attachTo: document.body },
  )
  await settle()
  return wrapper
}

export const DANA = { id: 4, username: 'dana', displayName: 'Dana Petrova', role: 'supervisor' as const }
export const BILAL = { id: 2, username: 'bilal', displayName: 'Bilal Haddad', role: 'caseworker' as const }
