// @vitest-environment jsdom
// Keyboard, screen-reader and wording checks of the screens changed in session 19 that HELD, kept
// by a reviewing helper as regression tests. Defects found: a11y-session19.test.ts.
// Mounted as the existing component tests mount them: the whole app over a stubbed preload API
// (session-lock-work.test.ts), single screens (export-view-support.ts, import-view-support.ts).
import { statusOf, unlockAgain, mountApp } from './app-session-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import {
  casesContract,
  referralsContract,
  screeningContract,
  type ApiResult,
  type AuditEntry,
  type DashboardSummary,
  type ImportRowError,
  type ReferralSummary,
  type Role,
  type VaultLockedReason,
  type VaultStatus,
} from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import { createAppI18n } from '../../renderer/src/i18n'
import LockNotice from '../../renderer/src/components/LockNotice.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { ApiError } from '../../renderer/src/api-error'
import { useErrorMessage } from '../../renderer/src/i18n/error-message'
import { useAuditDetailsText } from '../../renderer/src/i18n/audit-details-text'
import { useImportReasons } from '../../renderer/src/components/import/import-reasons'
import { referralFiltersFrom } from '../../renderer/src/components/referrals/referral-filters-from-route'
import { editCaseFormSchema } from '../../renderer/src/forms/htcds/case-form-schemas'
import { zodFormSchema } from '../../renderer/src/forms/typed-schema'
import { localIsoDate } from '../../main/api/contract/dates'
import { CASE, deferred, install, ok, refused, settle } from './casework-screens-support'
import { install as installExport, mountView as mountExportView, REPORT } from './export-view-support'
import { choose, install as installImport, mountView as mountImportView } from './import-view-support'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})
afterEach(() => {
  document.body.innerHTML = ''
})

function sentReferral(id: number): ReferralSummary {
  return {
    id,
    direction: 'outgoing',
    status: 'sent',
    caseId: 4,
    caseNumber: 'SHN-2026-00004',
    assessmentId: null,
    organisationName: `Law Centre ${id}`,
    serviceName: null,
    urgency: 'routine',
    referralDate: '2026-03-02',
    followUpDate: null,
    followUpState: null,
    servicesRequested: ['Legal'],
  }
}

function dashboard(awaiting: number): DashboardSummary {
  const items = Array.from({ length: Math.min(awaiting, 8) }, (_, index) => sentReferral(index + 1))
  return {
    today: '2026-03-20',
    myOpenCases: { total: 0, items: [] },
    overdueFollowUps: { total: 0, items: [] },
    followUpsThisWeek: { total: 0, items: [] },
    awaitingAnswer: { total: awaiting, items },
    screeningsThisMonth: { total: 0, high: 0, medium: 0, low: 0, notLinked: 0 },
  }
}

/** main as the window sees it (as in session-lock-work.test.ts), with the dashboard and referrals. */
function session(
  role: Role,
  options: { lock?: () => Promise<ApiResult<VaultStatus>>; awaiting?: number } = {},
) {
  let current = statusOf(role)
  let onLocked: ((reason: VaultLockedReason) => void) | null = null
  const client = {
    vault: {
      status: vi.fn(async () => ok(current)),
      unlock: vi.fn(async () => ok((current = statusOf(role)))),
      lock: vi.fn(
        options.lock ??
          (async () => {
            current = statusOf(null)
            onLocked?.('user')
            return ok(current)
          }),
      ),
    },
    cases: {
      get: vi.fn(async () => ok(CASE)),
      list: vi.fn(async () => ok({ rows: [], total: 0, page: 0, pageSize: 25 })),
      search: vi.fn(async () => ok([])),
    },
    comments: { list: vi.fn(async () => ok([])), add: vi.fn() },
    users: { assignable: vi.fn(async () => ok([])) },
    dashboard: { summary: vi.fn(async () => ok(dashboard(options.awaiting ?? 12))) },
    referrals: {
      list: vi.fn(async (input: { direction?: string; status?: string[] }) =>
        ok(
          input.direction === 'outgoing' && input.status?.[0] === 'sent'
            ? { total: 12, items: Array.from({ length: 12 }, (_, index) => sentReferral(index + 1)) }
            : { total: 40, items: Array.from({ length: 40 }, (_, index) => sentReferral(index + 1)) },
        ),
      ),
    },
    onLocked: (listener: (reason: VaultLockedReason) => void) => {
      onLocked = listener
      return () => (onLocked = null)
    },
    onProgress: () => () => undefined,
  }
  install(client)
  return {
    client,
    fire(reason: VaultLockedReason) {
      current = statusOf(null)
      onLocked?.(reason)
    },
  }
}

const NOTE = 'Called the embassy: passport appointment for Amina on 2 April'
const LIVE = '[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]'
/** Raw message keys, unfilled placeholders or objects printed as text. */
const RAW = /\[object Object\]|\{[a-zA-Z]+\}|\b(?:locked|errors|exchange|dashboard|referrals)\.[a-zA-Z]+/

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

describe('held: the new words', () => {
  const Probe = <T>(use: () => T) => {
    let made: T | undefined
    const wrapper = mount(
      defineComponent({
        setup() {
          made = use()
          return () => h('div')
        },
      }),
      { global: { plugins: [createAppI18n()] } },
    )
    return { made: made!, wrapper }
  }

  it('UPGRADE_FAILED is the catalog’s sentence, not main’s English nor INTERNAL', () => {
    const { made: message, wrapper } = Probe(useErrorMessage)
    const text = message(
      new ApiError('UPGRADE_FAILED', 'migration 0012 failed: no such table', { failedAt: 12 }),
    )
    expect(text).toBe(en.errors.UPGRADE_FAILED)
    expect(text).not.toBe(en.errors.INTERNAL)
    wrapper.unmount()
  })

  it('audit details: intakeYear and movedFromYear read as words with the year as written', () => {
    const { made: detailsText, wrapper } = Probe(useAuditDetailsText)
    const deleted = detailsText({
      caseNumber: 'SHN-2024-00012',
      reason: 'duplicate',
      intakeYear: 2024,
    } as AuditEntry['details'])
    const moved = detailsText({ movedFromYear: 2024 } as AuditEntry['details'])
    expect(deleted).toContain('year of intake: 2024')
    expect(moved).toBe('moved from the year: 2024')
    for (const text of [deleted, moved]) {
      expect(text).not.toMatch(/intakeYear|movedFromYear|2,024|\[object Object\]/)
    }
    wrapper.unmount()
  })

  it('the import’s numberOnManyRows reason reads the rows and the count left', () => {
    const { made: reasons, wrapper } = Probe(useImportReasons)
    const error: ImportRowError = {
      row: 2,
      field: 'caseNumber',
      code: 'numberOnManyRows',
      params: { rows: '3, 4, 5, 6, 7', more: 1 },
      reason: 'the same case number is on rows 3, 4, 5, 6, 7 and 1 more',
    }
    expect(reasons.problem(error)).toBe('the same case number is on rows 3, 4, 5, 6, 7 and 1 more')
    wrapper.unmount()
  })

  it('the edit form accepts the case’s unchanged intake date, and refuses a changed future one in words', async () => {
    const { made: i18n, wrapper } = Probe(() => createAppI18n().global)
    const tomorrow = localIsoDate(new Date(Date.now() + 48 * 3600_000))
    const values = {
      intakeDate: tomorrow,
      assignedUserId: null,
      survivor: { prs_FirstName: 'Amina' },
      survivorAliases: [],
      victim: {},
      events: [],
    }
    const kept = zodFormSchema(
      editCaseFormSchema(() => tomorrow),
      i18n.t as never,
    )
    expect((await kept.parse(values)).errors).toEqual([])
    const changed = zodFormSchema(
      editCaseFormSchema(() => '2026-01-02'),
      i18n.t as never,
    )
    const errors = (await changed.parse(values)).errors
    expect(errors.map((error) => error.path)).toEqual(['intakeDate'])
    expect(errors[0]!.errors[0]).toBe(en.validation.dateInFuture)
    wrapper.unmount()
  })
})

describe('held: the import screen’s password-protected workbook', () => {
  it('is said in an alert (read at once), in the catalog’s words', async () => {
    installImport([
      { ok: false, error: { code: 'VALIDATION', message: 'protected', details: { file: 'xlsx_protected' } } },
    ])
    const wrapper = await mountImportView()
    await choose(wrapper)
    const message = wrapper.get('[data-testid="import-error"]')
    expect(message.text()).toBe(en.exchange.import.fileProblems.xlsxProtected)
    // PrimeVue's Message: role="alert" on its root (here under the test's transition stub).
    const alert = message.element.closest(LIVE) ?? message.element.querySelector(LIVE)
    expect(alert?.getAttribute('role')).toBe('alert')
    expect(alert?.textContent?.trim()).toBe(en.exchange.import.fileProblems.xlsxProtected)
    wrapper.unmount()
  })
})

describe('held: the years-changed notice', () => {
  it('gives the date of the last export as the reader’s local day, in words, not UTC', async () => {
    const zone = process.env.TZ
    try {
      process.env.TZ = 'Pacific/Kiritimati' // UTC+14: 12:00 UTC on the 3rd is the 4th there
      installExport(
        () => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }),
        5,
        () => [{ year: 2024, exportedAt: '2026-03-03T12:00:00.000Z', changedCases: 2, deletedCases: 1 }],
      )
      const wrapper = await mountExportView('analyst')
      await flushPromises()
      const text = wrapper.get('[data-testid="export-scope-changed-2024"]').text()
      expect(text).toContain('on Mar 4, 2026:')
      expect(text).not.toMatch(RAW)
      wrapper.unmount()
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
