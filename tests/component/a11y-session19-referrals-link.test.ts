// @vitest-environment jsdom
// Keyboard, screen-reader and wording review of the screens changed in session 19: the Referrals
// list filtered from the address, by a reviewing helper. Each test here failed on the code as
// found, before its defect was fixed. The checks that held are in
// a11y-session19-referrals-link-held.test.ts.
//
// Mounted as the existing component tests mount them: the whole app over a stubbed preload API
// (session-lock-work-screens.test.ts, review-session19-ui-held.test.ts, session19-support.ts).
import { mountApp } from './app-session-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Role } from '../../main/api/contract'
import { settle } from './casework-screens-support'
import { stubSession19, type Session19Options } from './session19-support'

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

/** main as the window sees it, with the dashboard and referrals (and backup:status). */
const session = (role: Role, options: Session19Options = {}) =>
  stubSession19(role, { ...options, backupStatus: true })

describe('the Referrals list filtered from the address', () => {
  // What a user does: from Today, a caseworker follows "All 12" under "Referrals awaiting an
  // answer": the Referrals list opens filtered (Outgoing, Sent). Then they choose "Referrals" in
  // the side menu to see all their referrals.
  // What happens: the address becomes /app/referrals (no filter), the focus goes to the heading
  // as after any navigation, but the list stays filtered to the 12 sent ones (the same view is
  // reused and read its filters from the address only once, when it was created). The menu item
  // that always meant "all referrals" now shows a filtered list; after a lock and unlock the
  // address decides again, so the same screen shows different lists depending on how it was
  // reached.
  // What should happen: the list follows the address: the menu's "Referrals" shows all referrals
  // with the filters back on "Any".
  // Cause: renderer/src/views/ReferralsView.vue:20 (filters = referralFiltersFrom(route.query),
  // read once at setup; no watch on route.query).
  // Fix: watch(() => route.query, (query) => (filters.value = referralFiltersFrom(query))), and
  // (best) write the filters the user picks into the address with router.replace.
  it('the side menu’s Referrals, from the filtered list, shows all referrals unfiltered', async () => {
    const { client } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/dashboard')
    document.querySelector<HTMLAnchorElement>('[data-testid="dashboard-awaiting-all"]')!.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('referrals')
    expect(document.querySelector<HTMLSelectElement>('[data-testid="referral-filter-status"]')!.value).toBe(
      'sent',
    )
    document.querySelector<HTMLAnchorElement>('[data-testid="nav-referrals"]')!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/app/referrals')
    const shown = {
      status: document.querySelector<HTMLSelectElement>('[data-testid="referral-filter-status"]')!.value,
      direction: document.querySelector<HTMLSelectElement>('[data-testid="referral-filter-direction"]')!
        .value,
      lastAsked: client.referrals.list.mock.calls.at(-1)![0],
    }
    expect(shown).toEqual({ status: '', direction: '', lastAsked: { offset: 0, limit: 50 } })
    wrapper.unmount()
  })
})
