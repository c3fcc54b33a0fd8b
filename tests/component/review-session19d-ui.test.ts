// @vitest-environment jsdom
// Fourth review of session 19's renderer fixes (aa72db1, 80581a0, the renderer part of 2952c34),
// by a reviewing helper: each test here failed on the code as found, before its fix, and showed one defect for a
// keyboard or screen-reader user. The checks that held are in review-session19d-ui-held.test.ts.
// Mounted as a11y-session19*.test.ts mount them: the whole app over a stubbed preload API
// (session19-support.ts), the export screen on its own (export-view-support.ts).
import { mountApp as mountWholeApp } from './app-session-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Role } from '../../main/api/contract'
import { ok, settle } from './casework-screens-support'
import { install as installExport, mountView as mountExportView, REPORT } from './export-view-support'
import { stubSession19 } from './session19-support'

// The case's own tabs, not stubs (as these tests were written).
const mountApp = (path: string) => mountWholeApp(path, { realTabs: true })

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

/**
 * main as the window sees it (as in a11y-session19-lock.test.ts), with the dashboard and referrals
 * (and backup:status): the 12 sent for any ask of status Sent, 40 of 40 for any other.
 */
const session = (role: Role) => stubSession19(role, { backupStatus: true, sentWhen: 'sent' })

/** A keyboard user picks an option of a native select (its change event). */
function pick(testid: string, value: string): void {
  const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`)!
  select.value = value
  select.dispatchEvent(new Event('change'))
}

describe('the Referrals list and the side menu', () => {
  // What a user does: a caseworker opens Referrals from the side menu, picks Status "Sent" with
  // the keyboard, looks at the list, then chooses "Referrals" in the side menu again to see all
  // their referrals (as the side menu's Referrals does after the dashboard's filtered link, since
  // aa72db1).
  // What happens: nothing: the address never changed (/app/referrals), so the menu link is the
  // page already shown, no navigation, and the list stays filtered to "Sent" with the select still
  // on "Sent". The same menu item clears filters that came from a link but not filters the user
  // picked, so "Referrals" shows all referrals or a filtered list depending on how the filter was
  // set; and a filter picked on the dashboard's filtered list is lost on Back or after a lock
  // (the address, which still says outgoing/sent, wins).
  // What should happen: the filters the user picks are in the address (router.replace), so the
  // menu's plain /app/referrals is a new address and shows all referrals, filters on "Any".
  // Cause: renderer/src/views/ReferralsView.vue:47-55 (the filters follow route.query, but a
  // filter picked in ReferralListFilters.vue:22-24 only changes the ref, never the query).
  // Fix: in ReferralsView, on a filter the user picks, router.replace({ query: <the filters,
  // empty ones left out> }) and let the route.query watch do the load (one load, offset 0).
  it('the side menu’s Referrals after the user picked a filter shows all referrals again', async () => {
    const { client } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/referrals')
    pick('referral-filter-status', 'sent')
    await settle()
    expect(client.referrals.list.mock.calls.at(-1)![0]).toEqual({ status: ['sent'], offset: 0, limit: 50 })
    document.querySelector<HTMLAnchorElement>('[data-testid="nav-referrals"]')!.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('referrals')
    const shown = {
      status: document.querySelector<HTMLSelectElement>('[data-testid="referral-filter-status"]')!.value,
      lastAsked: client.referrals.list.mock.calls.at(-1)![0],
    }
    expect(shown).toEqual({ status: '', lastAsked: { offset: 0, limit: 50 } })
    wrapper.unmount()
  })
})

describe('the export screen’s notice that a year is not over', () => {
  const thisYear = new Date().getFullYear()

  // What a user does: an analyst using a screen reader types 2023 in "To the year (included)",
  // then changes it to this year, to export the year so far.
  // What happens: the warning "This export includes <this year>, a year that is not over… Share
  // finished years where you can" appears under the fields as a plain paragraph, outside the
  // live region aa72db1 added for the years-changed notice and not named by the year fields'
  // aria-describedby: nothing is read, while the sister warning (a finished year changed since its
  // export) is read out and described. The analyst exports a mid-year file without hearing it.
  // What should happen: both warnings about comparable exports are said the same way: the
  // unfinished-year notice inside a live region present before it appears, and named by the year
  // fields' aria-describedby.
  // Cause: renderer/src/components/export/ExportScopeFields.vue:136-138 (the <p v-if> sits outside
  // ChangedYearsNotice's role="status" region) and :86/:102 (aria-describedby names only
  // CHANGED_YEARS_NOTICE_ID).
  // Fix: put the unfinished-year paragraph in a live container always rendered (or in the same
  // one as the changed years) with an id, and add that id to both year inputs' aria-describedby.
  it('is announced when it appears and tied to the year fields, as the years-changed notice is', async () => {
    installExport(() => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }))
    const wrapper = await mountExportView('analyst')
    const toYear = wrapper.get('[data-testid="export-scope-to-year"]')
    await toYear.setValue('2023')
    await flushPromises()
    expect(wrapper.find('[data-testid="export-scope-unfinished-year"]').exists()).toBe(false)
    const fieldset = toYear.element.closest('fieldset')!
    const regionsBefore = [
      ...fieldset.querySelectorAll(
        '[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]',
      ),
    ]
    await toYear.setValue(String(thisYear))
    await flushPromises()
    const notice = wrapper.get('[data-testid="export-scope-unfinished-year"]').element
    const region = notice.closest(
      '[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]',
    )
    const described = (toYear.attributes('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id))
      .some((element) => element !== null && (element === notice || element.contains(notice)))
    expect({ announced: region !== null && regionsBefore.includes(region), described }).toEqual({
      announced: true,
      described: true,
    })
    wrapper.unmount()
  })
})
