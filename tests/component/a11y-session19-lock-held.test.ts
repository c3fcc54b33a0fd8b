// @vitest-environment jsdom
// Keyboard, screen-reader and wording checks of the screens changed in session 19 that HELD, kept
// by a reviewing helper as regression tests: the lock, the unlock screen, the way back to the
// interrupted case. Defects found: a11y-session19-lock.test.ts (and the other a11y-session19-*).
// Mounted as the existing component tests mount them: the whole app over a stubbed preload API
// (session-lock-work-screens.test.ts, session19-support.ts).
import { statusOf, unlockAgain, mountApp } from './app-session-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import {
  casesContract,
  referralsContract,
  screeningContract,
  type ApiResult,
  type Role,
  type VaultStatus,
} from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import { createAppI18n } from '../../renderer/src/i18n'
import LockNotice from '../../renderer/src/components/LockNotice.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { CASE, deferred, ok, refused, settle } from './casework-screens-support'
import { LIVE, RAW, stubSession19 as session } from './session19-support'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  document.body.innerHTML = ''
})

const NOTE = 'Called the embassy: passport appointment for Amina on 2 April'

describe('held: the locking cover', () => {
  it('its status text is the catalog’s "Locking the vault…", in a role="status" element outside the hidden frame', async () => {
    const answer = deferred<ApiResult<VaultStatus>>()
    session('caseworker', { lock: () => answer.promise })
    const { wrapper } = await mountApp('/app/cases/4')
    document.querySelector<HTMLElement>('[data-testid="lock-button"]')!.click()
    await settle()
    const cover = document.querySelector<HTMLElement>('[data-testid="locking-screen"]')!
    expect(cover.getAttribute('role')).toBe('status')
    expect(cover.textContent?.trim()).toBe(en.locked.locking)
    expect(cover.closest('[data-testid="app-frame"]')).toBeNull()
    expect(cover.style.display).not.toBe('none')
    // One status only says it (not read twice).
    const saying = [...document.querySelectorAll(LIVE)].filter((element) =>
      element.textContent?.includes(en.locked.locking),
    )
    expect(saying).toHaveLength(1)
    answer.resolve(ok(statusOf(null)))
    await settle()
    wrapper.unmount()
  })

  it('a refused lock: the cover goes, the frame is shown again, the refusal is a translated sentence', async () => {
    session('caseworker', { lock: async () => refused<VaultStatus>('INTERNAL', 'SQLITE_BUSY at /var/x') })
    const { wrapper, router } = await mountApp('/app/cases/4')
    document.querySelector<HTMLElement>('[data-testid="lock-button"]')!.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('case-detail')
    expect(document.querySelector('[data-testid="locking-screen"]')).toBeNull()
    const frame = document.querySelector<HTMLElement>('[data-testid="app-frame"]')!
    expect(frame.style.display).not.toBe('none')
    // jsdom has no inert property: Vue leaves inert="false" there (Chromium gets the property).
    expect(['false', null]).toContain(frame.getAttribute('inert'))
    expect(document.body.textContent).toContain(en.errors.INTERNAL)
    expect(document.body.textContent).not.toContain('SQLITE_BUSY')
    expect((document.querySelector('[data-testid="lock-button"]') as HTMLButtonElement).disabled).toBe(false)
    wrapper.unmount()
  })
})

describe('held: the unlock screen’s note of lost typed work', () => {
  it('one polite live region says the reason and the lost-work sentence, once, from the catalog', async () => {
    const { fire } = session('caseworker')
    const { wrapper } = await mountApp('/app/cases/4')
    await wrapper.get('[data-testid="case-tab-comments"]').trigger('click')
    await settle()
    await wrapper.get('[data-testid="comment-input"]').setValue(NOTE)
    fire('idle')
    await settle()
    const notice = document.querySelector<HTMLElement>('[data-testid="lock-notice"]')!
    expect(notice.getAttribute('role')).toBe('status')
    expect(notice.getAttribute('aria-live')).toBe('polite')
    expect(notice.textContent?.trim()).toBe(
      `${en.locked.idle.replace('{minutes}', '10')} ${en.locked.unsavedWorkLost}`,
    )
    const saying = [...document.querySelectorAll(LIVE)].filter(
      (element) =>
        element.textContent?.includes(en.locked.unsavedWorkLost) &&
        ![...element.querySelectorAll(LIVE)].some((inner) =>
          inner.textContent?.includes(en.locked.unsavedWorkLost),
        ),
    )
    expect(saying).toHaveLength(1)
    expect(notice.textContent).not.toMatch(RAW)
    wrapper.unmount()
  })

  it('a restore refused UPGRADE_FAILED reads the catalog’s sentence on the unlock screen, no raw code', async () => {
    const { fire } = session('admin')
    const vault = useVaultStore()
    await vault.refresh()
    fire('user') // main locks to swap the vault
    await vault.afterRestore({ kind: 'failed', code: 'UPGRADE_FAILED' })
    const wrapper = mount(LockNotice, { global: { plugins: [pinia, createAppI18n()] } })
    const text = wrapper.get('[data-testid="restore-notice"]').text()
    expect(text).toBe(`${en.locked.restoreFailed} ${en.errors.UPGRADE_FAILED}`)
    expect(text).not.toContain('UPGRADE_FAILED')
    expect(wrapper.get('[data-testid="restore-notice"]').attributes('role')).toBe('status')
    wrapper.unmount()
  })
})

describe('held: back to the interrupted case after unlock', () => {
  it('the case opened from a plan reminder comes back on Support plans, focus on its heading', async () => {
    const { fire } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/cases/4?tab=supportPlans')
    const tab = () => document.querySelector('[data-testid="case-tab-supportPlans"]')!
    expect(tab().getAttribute('aria-selected')).toBe('true')
    expect(document.querySelector('[data-testid="case-tab-survivor"]')!.getAttribute('aria-selected')).toBe(
      'false',
    )
    fire('idle')
    await settle()
    await unlockAgain()
    expect(router.currentRoute.value.fullPath).toBe('/app/cases/4?tab=supportPlans')
    const active = document.activeElement as HTMLElement
    expect(active.tagName).toBe('H1')
    expect(active.textContent).toContain(CASE.caseNumber)
    expect(tab().getAttribute('aria-selected')).toBe('true')
    wrapper.unmount()
  })

  it('a ?tab naming no linkable tab (or nonsense) opens the case on Survivor', async () => {
    for (const asked of ['history', 'constructor', '%3Cscript%3E']) {
      session('caseworker')
      const { wrapper } = await mountApp(`/app/cases/4?tab=${asked}`)
      expect(document.querySelector('[data-testid="case-tab-survivor"]')!.getAttribute('aria-selected')).toBe(
        'true',
      )
      wrapper.unmount()
      document.body.innerHTML = ''
      setActivePinia((pinia = createPinia()))
    }
  })

  it('every role that may open a case may read each tab ?tab can open (screening, referrals, support plans)', () => {
    const caseRoles = casesContract.get.access as readonly Role[]
    for (const access of [
      screeningContract.caseAssessments.access,
      referralsContract.forCase.access,
      referralsContract.supportPlans.access,
    ] as (readonly Role[])[]) {
      for (const role of caseRoles) expect(access).toContain(role)
    }
  })
})
