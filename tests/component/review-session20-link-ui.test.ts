// @vitest-environment jsdom
// Reviewing helper (screen changes of the day: linking a screening to a case, switching template): defects found as a caseworker, a shelter manager
// and a keyboard / screen-reader user would meet them. Each test failed on the code before its fix;
// the comment above it says what goes wrong, who it hurts, and where.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import ScreeningDetailView from '../../renderer/src/views/ScreeningDetailView.vue'
import { createCase, staffedHost, survivorCase } from '../unit/support/case-fixtures'
import { walkInScreening } from '../unit/support/screening-fixtures'
import { refused, settle } from './casework-screens-support'
import { BILAL, linkDialog, mountOnHost, OLENA_K, press, search } from './screening-link-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('linking a walk-in screening to a case', () => {
  // What goes wrong: inside "Link to a case" the search box still says, under the field and in
  // its aria-describedby, "Use the arrow keys to choose a result and Enter to open it."
  // (cases.search.hint, CaseSearchBox.vue:118). In this dialog Enter opens nothing: it only
  // chooses the case, and the link waits for the "Link to case …" button. A screen-reader user,
  // told Enter opens the case, presses Enter, hears nothing open and does not know a second step
  // (Tab to the button) is needed; or fears Enter leaves the screening. Who: caseworkers linking
  // walk-ins with a screen reader. Fix: a prop/slot on CaseSearchBox for the hint, and in
  // LinkCaseDialog a hint saying Enter chooses the case, then "Link to case …" links it.
  it('tells the screen-reader user in the link dialog that Enter chooses the case, not opens it', async () => {
    const wrapper = await linkDialog()
    const input = document.querySelector<HTMLInputElement>('#case-search-input')!
    const hint = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
    expect(hint).not.toMatch(/Enter to open/i)
    wrapper.unmount()
  })

  // What goes wrong: Bilal types "Olena", presses Enter: "Chosen case: SHN-2026-00001, Olena
  // Kovalenko" — the wrong Olena. He types "Hlib" to narrow the search and Tabs on to the button:
  // it still reads "Link to case SHN-2026-00001" and links Kovalenko's case, final and without
  // undo. The chosen case is kept while the query that found it is gone (LinkCaseDialog.vue:50,
  // `chosen` only ever set by @chosen, cleared only when the dialog opens or closes). Who: a
  // caseworker correcting a first pick; the walk-in's answers land on another survivor's file.
  // Fix: clear the chosen case when the query changes (CaseSearchBox emits e.g. `typed`, or the
  // dialog watches the query), so the button only links a case picked from the current hits.
  it('forgets the chosen case when the search is typed again', async () => {
    const wrapper = await linkDialog()
    const input = await search('Olena')
    await press(input, 'Enter')
    expect(document.querySelector('[data-testid="link-case-chosen"]')!.textContent).toContain(
      OLENA_K.survivorName,
    )
    await search('Hlib')
    expect(document.querySelector('[data-testid="link-case-confirm"]')).toBeNull()
    expect(document.querySelector('[data-testid="link-case-chosen"]')!.textContent).not.toContain(
      OLENA_K.survivorName,
    )
    wrapper.unmount()
  })

  // What goes wrong: main refuses the link (here: the case was closed by a supervisor meanwhile,
  // or is no longer Bilal's). The dialog shows the refusal; Bilal chooses another case — the old
  // refusal stays under "Chosen case: <the new one>", as if the new case were refused too, and
  // stays there while the new link runs. actionFailure is cleared only when the dialog opens
  // (ScreeningDetailView.vue:61-64), never on a new choice or a new attempt (link(), :66-84).
  // Who: caseworkers, who give up on a case that was never refused. Fix: clear actionFailure at
  // the start of link() and when another case is chosen (LinkCaseDialog emits the choice).
  it('drops main’s refusal of one case when another case is chosen', async () => {
    const { host } = await staffedHost('bilal')
    await createCase(
      host,
      survivorCase({ survivor: { prs_FirstName: 'Olena', prs_SecondName: 'Kovalenko' } }),
    )
    await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Olena', prs_SecondName: 'Hlib' } }))
    const walkIn = await walkInScreening(host, { subject: { firstName: 'Olena', lastName: 'Hlib' } })
    const blank = { template: '<div />' }
    const wrapper = await mountOnHost(
      (channel, input) =>
        channel === 'screening:linkToCase'
          ? Promise.resolve(refused('NOT_FOUND', 'That case is not there.'))
          : host.dispatch(channel, input),
      BILAL,
      [
        { path: '/screening', name: 'screening', component: blank },
        { path: '/screening/:id', name: 'screening-detail', component: ScreeningDetailView },
        { path: '/screening/:id/print', name: 'screening-print', component: blank },
        { path: '/cases/:id', name: 'case-detail', component: blank },
        { path: '/referrals/:id', name: 'referral-detail', component: blank },
      ],
      `/screening/${walkIn.id}`,
    )
    document.querySelector<HTMLElement>('[data-testid="screening-link"]')!.click()
    await settle()
    const input = await search('Olena')
    await press(input, 'Enter')
    document.querySelector<HTMLElement>('[data-testid="link-case-confirm"]')!.click()
    await settle()
    expect(document.querySelector('[data-testid="link-case-error"]')).not.toBeNull()
    // Another case: ArrowDown twice (the second hit), Enter.
    await press(input, 'ArrowDown')
    await press(input, 'ArrowDown')
    await press(input, 'Enter')
    const chosen = document.querySelector('[data-testid="link-case-chosen"]')!.textContent ?? ''
    expect(chosen).toContain('Olena')
    expect(document.querySelector('[data-testid="link-case-error"]')).toBeNull()
    wrapper.unmount()
    host.dispose()
  })
})
