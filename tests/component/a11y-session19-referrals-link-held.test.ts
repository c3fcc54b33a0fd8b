// @vitest-environment jsdom
// Keyboard, screen-reader and wording checks of the screens changed in session 19 that HELD, kept
// by a reviewing helper as regression tests: the dashboard's link to the Referrals list filtered
// from the address. Defects found: a11y-session19-referrals-link.test.ts.
// Mounted as the existing component tests mount them: the whole app over a stubbed preload API
// (session-lock-work-screens.test.ts, session19-support.ts).
import { mountApp } from './app-session-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { en } from '../../renderer/src/i18n/en'
import { referralFiltersFrom } from '../../renderer/src/components/referrals/referral-filters-from-route'
import { settle } from './casework-screens-support'
import { stubSession19 as session } from './session19-support'

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('held: the awaiting-an-answer card’s link to the Referrals list', () => {
  it('lands on the Referrals heading, the filters shown as set (Outgoing, Sent), the count said', async () => {
    const { client } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/dashboard')
    const link = document.querySelector<HTMLAnchorElement>('[data-testid="dashboard-awaiting-all"]')!
    expect(link.textContent?.trim()).toBe('All 12 referrals awaiting an answer')
    link.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('referrals')
    const active = document.activeElement as HTMLElement
    expect(active.tagName).toBe('H1')
    expect(active.textContent?.trim()).toBe(en.referrals.title)
    const status = document.querySelector<HTMLSelectElement>('[data-testid="referral-filter-status"]')!
    const direction = document.querySelector<HTMLSelectElement>('[data-testid="referral-filter-direction"]')!
    expect(status.selectedOptions[0]!.textContent?.trim()).toBe(en.referrals.statuses.sent)
    expect(direction.selectedOptions[0]!.textContent?.trim()).toBe(en.referrals.directions.outgoing)
    // Labelled selects, each with "Any" to clear it by keyboard.
    for (const select of [status, direction]) {
      expect(document.querySelector(`label[for="${select.id}"]`)).not.toBeNull()
      expect(select.options[0]!.value).toBe('')
    }
    expect(client.referrals.list).toHaveBeenLastCalledWith({
      status: ['sent'],
      direction: 'outgoing',
      offset: 0,
      limit: 50,
    })
    const count = [...document.querySelectorAll('[role="status"]')].map((element) =>
      element.textContent?.trim(),
    )
    expect(count).toContain('12 referrals')
    wrapper.unmount()
  })

  it('the filters cleared by keyboard ("Any") ask for all referrals again', async () => {
    const { client } = session('caseworker')
    const { wrapper } = await mountApp('/app/referrals?direction=outgoing&status=sent')
    for (const testid of ['referral-filter-status', 'referral-filter-direction']) {
      const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`)!
      select.value = ''
      select.dispatchEvent(new Event('change'))
      await settle()
    }
    expect(client.referrals.list).toHaveBeenLastCalledWith({ offset: 0, limit: 50 })
    wrapper.unmount()
  })

  it('no link when the card lists every referral it counts', async () => {
    session('caseworker', { awaiting: 3 })
    const { wrapper } = await mountApp('/app/dashboard')
    expect(document.querySelector('[data-testid="dashboard-awaiting-all"]')).toBeNull()
    wrapper.unmount()
  })

  it('filters in the address that the list does not know are ignored, not passed on', () => {
    expect(
      referralFiltersFrom({ status: 'drop table', direction: ['outgoing', 'incoming'], due: 'later' }),
    ).toEqual({
      status: '',
      direction: '',
      due: '',
    })
    expect(referralFiltersFrom({ status: 'sent', direction: 'outgoing', due: 'overdue' })).toEqual({
      status: 'sent',
      direction: 'outgoing',
      due: 'overdue',
    })
  })
})
