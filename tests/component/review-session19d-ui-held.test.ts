// @vitest-environment jsdom
// Fourth review of session 19's renderer fixes (aa72db1, 80581a0, the renderer part of 2952c34):
// the checks that HELD, kept by a reviewing helper as regression tests. Defects found:
// review-session19d-ui.test.ts. Mounted as a11y-session19*.test.ts mount them (session19-support.ts).
import { mountApp as mountWholeApp } from './app-session-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiResult, Role, VaultStatus, YearChangedSinceExport } from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { useExportStore } from '../../renderer/src/stores/export'
import { forgetSessionStores } from '../../renderer/src/stores/forget-session'
import { deferred, ok, refused, settle } from './casework-screens-support'
import {
  install as installExport,
  mountView as mountExportView,
  REPORT,
  useKeys,
} from './export-view-support'
import { stubSession19, type Session19Options } from './session19-support'

// The case's own tabs, not stubs (as these tests were written).
const mountApp = (path: string) => mountWholeApp(path, { realTabs: true })

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

/**
 * main as the window sees it, with the dashboard and referrals (and backup:status): the 12 sent
 * for any ask of status Sent, 50 rows of 120 for any other.
 */
const session = (role: Role, options: Session19Options = {}) =>
  stubSession19(role, { ...options, backupStatus: true, sentWhen: 'sent', all: { total: 120, rows: 50 } })

const lockButton = () => document.querySelector<HTMLButtonElement>('[data-testid="lock-button"]')!

describe('held: the Referrals list follows the address', () => {
  it('one load per change of address (no duplicate from the two watches), offset back to 0', async () => {
    const { client } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/referrals')
    expect(client.referrals.list).toHaveBeenCalledTimes(1)
    // Page 2 of the unfiltered list.
    const next = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent?.includes('Next'),
    )!
    next.click()
    await settle()
    expect(client.referrals.list.mock.calls.at(-1)![0]).toEqual({ offset: 50, limit: 50 })
    await router.push('/app/referrals?direction=outgoing&status=sent')
    await settle()
    expect(client.referrals.list).toHaveBeenCalledTimes(3)
    expect(client.referrals.list.mock.calls.at(-1)![0]).toEqual({
      status: ['sent'],
      direction: 'outgoing',
      offset: 0,
      limit: 50,
    })
    wrapper.unmount()
  })

  it('leaving the filtered list asks main for no list on the way out', async () => {
    const { client } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/referrals?direction=outgoing&status=sent')
    await router.push('/app/dashboard')
    await settle()
    expect(client.referrals.list).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })
})

describe('held: the focus around a lock', () => {
  it('a refused lock puts the focus back on the same Lock button, enabled and reachable', async () => {
    const answer = deferred<ApiResult<VaultStatus>>()
    session('caseworker', { lock: () => answer.promise })
    const { wrapper } = await mountApp('/app/cases/4')
    const button = lockButton()
    button.focus()
    button.click()
    await settle()
    expect(document.activeElement?.getAttribute('data-testid')).toBe('locking-screen')
    answer.resolve(refused<VaultStatus>('INTERNAL', 'Lock failed.'))
    await settle()
    expect(document.activeElement).toBe(button)
    expect(button.isConnected && !button.disabled).toBe(true)
    expect(document.querySelector('[data-testid="app-frame"]')!.hasAttribute('inert')).toBe(false)
    expect(document.querySelector('[data-testid="locking-screen"]')).toBeNull()
    wrapper.unmount()
  })

  it('a lock that succeeds leaves no cover; the focus is in the unlock form', async () => {
    session('caseworker')
    const { wrapper, router } = await mountApp('/app/cases/4')
    lockButton().focus()
    lockButton().click()
    await settle()
    expect(router.currentRoute.value.name).toBe('unlock')
    expect(document.querySelector('[data-testid="locking-screen"]')).toBeNull()
    expect(document.activeElement?.getAttribute('data-testid')).toBe('unlock-username')
    wrapper.unmount()
  })

  it('an idle lock after 2 minutes still says "2 minutes"', async () => {
    const { fire } = session('caseworker', { autoLockMinutes: 2 })
    const { wrapper } = await mountApp('/app/cases/4')
    fire('idle')
    await settle()
    expect(document.querySelector('[data-testid="lock-notice"]')?.textContent).toContain(
      'Locked after 2 minutes without activity.',
    )
    wrapper.unmount()
  })
})

describe('held: the dashboard’s awaiting link', () => {
  it('reads "All 12 referrals awaiting an answer"', async () => {
    session('caseworker')
    const { wrapper } = await mountApp('/app/dashboard')
    expect(document.querySelector('[data-testid="dashboard-awaiting-all"]')?.textContent?.trim()).toBe(
      'All 12 referrals awaiting an answer',
    )
    wrapper.unmount()
  })
})

describe('held: the years-changed notice', () => {
  const changed = (changedCases: number, deletedCases: number): YearChangedSinceExport => ({
    year: 2024,
    exportedAt: '2026-03-03T10:00:00.000Z',
    changedCases,
    deletedCases,
  })
  const exportOk = () => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT })

  it.each([
    [1, 0, 'one of its cases was added or changed since.'],
    [2, 0, '2 of its cases were added or changed since.'],
    [0, 1, 'one of its cases was deleted since.'],
    [0, 3, '3 of its cases were deleted since.'],
    [1, 1, 'one of its cases was added or changed, and one of its cases was deleted since.'],
    [
      12_345,
      1_000_000,
      '12,345 of its cases were added or changed, and 1,000,000 of its cases were deleted since.',
    ],
  ])('words %i changed and %i deleted for their number', async (c, d, words) => {
    installExport(exportOk, 5, () => [changed(c, d)])
    const wrapper = await mountExportView('analyst')
    await flushPromises()
    const text = wrapper.get('[data-testid="export-scope-changed-2024"]').text()
    expect(text).toContain(words)
    expect(text).not.toMatch(/\b0 of its\b|\{|\}|\|/)
    wrapper.unmount()
  })

  it('the new plural messages follow the i18n-keys rules (two non-empty forms, {name} only)', () => {
    const scope = en.exchange.export.scope as unknown as Record<string, string>
    for (const key of ['changedCases', 'deletedCases']) {
      const forms = scope[key]!.split('|')
      expect(forms).toHaveLength(2)
      for (const form of forms) {
        expect(form.trim()).not.toBe('')
        expect(form.replace(/\{[a-zA-Z]+\}/g, '')).not.toMatch(/[{}@$]/)
      }
    }
    expect(scope.changedAndDeleted).toBe('{changed}, and {deleted}')
    expect((en.locked as unknown as Record<string, string>).idleOneMinute).toBe(
      'Locked after 1 minute without activity.',
    )
  })

  it('the year fields’ aria-describedby names ids that exist; full-record date fields do not name the notice', async () => {
    installExport(exportOk, 5, () => [changed(2, 1)])
    const wrapper = await mountExportView('admin')
    await flushPromises()
    // An admin starts on full records (dates): the notice is empty and no field names it.
    const dateIds = wrapper
      .findAll('input')
      .flatMap((input) => (input.attributes('aria-describedby') ?? '').split(/\s+/).filter(Boolean))
    expect(dateIds).not.toContain('export-scope-changed-years')
    for (const id of dateIds) expect(document.getElementById(id), id).not.toBeNull()
    wrapper.unmount()

    installExport(exportOk, 5, () => [changed(2, 1)])
    const analyst = await mountExportView('analyst')
    await flushPromises()
    for (const testid of ['export-scope-from-year', 'export-scope-to-year']) {
      const ids = (analyst.get(`[data-testid="${testid}"]`).attributes('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
      expect(ids).toContain('export-scope-changed-years')
      for (const id of ids) expect(document.getElementById(id), id).not.toBeNull()
    }
    expect(document.querySelectorAll('#export-scope-changed-years')).toHaveLength(1)
    analyst.unmount()
  })

  it('typing a year digit by digit asks main once, and the notice enters the live region once', async () => {
    const api = installExport(exportOk, 5, () => [changed(2, 1)])
    const wrapper = await mountExportView('analyst')
    await flushPromises()
    expect(api.changedYears).toHaveBeenCalledTimes(1)
    const region = document.getElementById('export-scope-changed-years')!
    let added = 0
    const observer = new MutationObserver((records) => {
      for (const record of records) added += [...record.addedNodes].filter((n) => n.nodeType === 1).length
    })
    observer.observe(region, { childList: true, subtree: true, characterData: true })
    for (const typed of ['2', '20', '202', '2024']) {
      await wrapper.get('[data-testid="export-scope-from-year"]').setValue(typed)
      await flushPromises()
    }
    // Other fields do not ask again.
    await useKeys(wrapper)
    await flushPromises()
    observer.disconnect()
    expect(api.changedYears).toHaveBeenCalledTimes(2)
    expect(added).toBe(1)
    wrapper.unmount()
  })

  it('a cancelled save asks nothing again; a written export asks once more', async () => {
    let file: string | null = null
    const api = installExport(
      () => ok({ file, rows: file ? 37 : 0, encrypted: true, report: REPORT }),
      5,
      () => [changed(1, 0)],
    )
    const wrapper = await mountExportView('analyst')
    await flushPromises()
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledTimes(1)
    expect(api.changedYears).toHaveBeenCalledTimes(1)
    file = '/media/usb/stats.csv.age'
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledTimes(2)
    expect(api.changedYears).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  it('exportsRun does not outlive a lock: the export store is forgotten and starts again at 0', async () => {
    installExport(() => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }))
    const store = useExportStore()
    store.exportsRun = 3
    // What vault.ts markLocked does on every lock (idle, suspend, by hand).
    useVaultStore()
    forgetSessionStores('vault')
    expect(useExportStore().exportsRun).toBe(0)
  })
})
