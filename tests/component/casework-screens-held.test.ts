// @vitest-environment jsdom
// Checks on the casework screens that the code holds up to: kept as regression tests (search answers
// out of order, empty and failed searches, dates west of Greenwich, role gating, a stale-version
// CONFLICT that keeps the person's edits, refusals that keep what was typed, Escape over a dialog).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Plugin } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import { createMemoryHistory, createRouter } from 'vue-router'
import type {
  ApiResult,
  AssessmentPage,
  CaseDetail,
  CaseSearchHit,
  ErrorCode,
  Role,
  VaultStatus,
} from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { useScreeningStore } from '../../renderer/src/stores/screening'
import { useCasesStore } from '../../renderer/src/stores/cases'
import { createAppRouter } from '../../renderer/src/router'
import { todayIso } from '../../renderer/src/forms/htcds/fields'
import CaseSearchBox from '../../renderer/src/components/cases/CaseSearchBox.vue'
import CaseHeader from '../../renderer/src/components/cases/detail/CaseHeader.vue'
import CloseCaseDialog from '../../renderer/src/components/cases/detail/CloseCaseDialog.vue'
import CaseDetailView from '../../renderer/src/views/CaseDetailView.vue'
import { installMatchMedia, wait } from './support-jsdom'

installMatchMedia()
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

function install(client: Record<string, unknown>): void {
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
}

function signIn(role: Role): void {
  const status: VaultStatus = {
    state: 'unlocked',
    user: { id: 3, username: 'sam', displayName: 'Sam Lee', role },
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Network',
  }
  useVaultStore().status = status
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
const refused = <T>(code: ErrorCode, message: string): ApiResult<T> => ({
  ok: false,
  error: { code, message },
})

function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

const plugins = (): (Plugin | [Plugin, ...unknown[]])[] => [
  createAppI18n(),
  [PrimeVue, { unstyled: true }],
  ToastService,
]

async function settle(): Promise<void> {
  await flushPromises()
  await wait(30)
  await flushPromises()
}

const CASE: CaseDetail = {
  id: 4,
  caseNumber: 'SHN-2026-00004',
  version: 3,
  status: 'Active',
  intakeDate: '2026-03-20',
  organisation: 'Safe Harbour Network',
  assignedUserId: 3,
  assignedUserName: 'Sam Lee',
  survivor: { id: 9, record: { prs_FirstName: 'Amina' }, aliases: [] },
  victim: {},
  details: {},
  events: [],
  closureReason: null,
  isTraining: false,
  createdAt: '2026-03-20T09:00:00.000Z',
  updatedAt: '2026-03-20T09:00:00.000Z',
}

const hit = (id: number, name: string): CaseSearchHit => ({
  id,
  caseNumber: `SHN-2026-0000${id}`,
  survivorName: name,
  status: 'Active',
  snippet: `[[${name}]]`,
})

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('case search box', () => {
  it('keeps the hits for the latest text when an older search answers late', async () => {
    const slow = deferred<ApiResult<CaseSearchHit[]>>()
    const fast = deferred<ApiResult<CaseSearchHit[]>>()
    const search = vi.fn().mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)
    install({ cases: { search } })
    const wrapper = mount(CaseSearchBox, { global: { plugins: plugins() }, attachTo: document.body })
    const input = wrapper.get('[data-testid="case-search"]')
    await input.trigger('focus')
    await input.setValue('Mi')
    await wait(230)
    await input.setValue('Mimi')
    await wait(230)
    expect(search).toHaveBeenCalledTimes(2)
    fast.resolve(ok([hit(2, 'Mimi Okon')]))
    await flushPromises()
    slow.resolve(ok([hit(1, 'Michael Ade'), hit(2, 'Mimi Okon')]))
    await flushPromises()
    const results = wrapper.findAll('[data-testid="case-search-result"]')
    expect(results).toHaveLength(1)
    expect(results[0]!.text()).toContain('Mimi Okon')
    wrapper.unmount()
  })

  it('says when nothing matches, and shows a failure as a translated alert', async () => {
    const search = vi
      .fn()
      .mockResolvedValueOnce(ok([]))
      .mockResolvedValueOnce(refused('INTERNAL', 'SQLITE_ERROR: no such column'))
    install({ cases: { search } })
    const wrapper = mount(CaseSearchBox, { global: { plugins: plugins() }, attachTo: document.body })
    const input = wrapper.get('[data-testid="case-search"]')
    await input.trigger('focus')
    await input.setValue('Zzz')
    await wait(230)
    await flushPromises()
    expect(wrapper.find('.search-empty').exists()).toBe(true)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    await input.setValue('Zzzz')
    await wait(230)
    await flushPromises()
    const alert = wrapper.get('[role="alert"]').text()
    expect(alert).not.toContain('SQLITE')
    expect(alert).not.toContain('INTERNAL')
    expect(alert.length).toBeGreaterThan(10)
    // Escape clears the box and closes the list.
    await input.trigger('keydown', { key: 'Escape' })
    expect((input.element as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })
})

describe('lists: answers arriving out of order (held)', () => {
  it('keeps the newer screening list when an older answer arrives late', async () => {
    const page = (total: number): AssessmentPage =>
      ({ rows: [], total, page: 0, pageSize: 25 }) as unknown as AssessmentPage
    const slow = deferred<ApiResult<AssessmentPage>>()
    const fast = deferred<ApiResult<AssessmentPage>>()
    const listAssessments = vi.fn().mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)
    install({ screening: { listAssessments } })
    const store = useScreeningStore()
    const older = store.loadList()
    store.filters = { ...store.filters, riskLevel: ['high'] as never }
    const newer = store.loadList()
    fast.resolve(ok(page(1)))
    await newer
    slow.resolve(ok(page(40)))
    await older
    expect(store.page?.total).toBe(1)
  })

  it('keeps the newer case list when an older successful answer arrives late', async () => {
    const slow = deferred<ApiResult<unknown>>()
    const fast = deferred<ApiResult<unknown>>()
    const list = vi.fn().mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)
    install({ cases: { list } })
    const store = useCasesStore()
    const older = store.loadList()
    const newer = store.loadList()
    fast.resolve(ok({ rows: [], total: 1, page: 0, pageSize: 25 }))
    await newer
    slow.resolve(ok({ rows: [], total: 99, page: 0, pageSize: 25 }))
    await older
    expect(store.page?.total).toBe(1)
  })
})

describe('dates west of Greenwich', () => {
  const zone = process.env.TZ
  beforeEach(() => {
    process.env.TZ = 'America/Los_Angeles'
  })
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it('shows a date-only intake date on its own day, not the day before', async () => {
    install({})
    signIn('caseworker')
    expect(new Date('2026-03-20T00:00:00.000Z').getDate()).toBe(19) // the zone is really in force
    const wrapper = mount(CaseHeader, {
      props: { detail: CASE, editing: false, saving: false },
      global: { plugins: plugins() },
    })
    const shown = wrapper.get('[data-testid="case-intake-date"]').text()
    expect(shown).toContain('20')
    expect(shown).not.toContain('19')
    expect(shown).not.toContain('2026-03-20')
    wrapper.unmount()
  })

  it('takes today as the local calendar day for a new intake', () => {
    // 03:00 UTC on 21 March is still 20 March in Los Angeles.
    expect(todayIso(new Date('2026-03-21T03:00:00.000Z'))).toBe('2026-03-20')
  })
})

describe('roles (held)', () => {
  it('does not offer Delete on a case to a caseworker, and does to an admin', async () => {
    install({})
    signIn('caseworker')
    const wrapper = mount(CaseHeader, {
      props: { detail: CASE, editing: false, saving: false },
      global: { plugins: plugins() },
    })
    expect(wrapper.find('[data-testid="case-delete"]').exists()).toBe(false)
    signIn('admin')
    await flushPromises()
    expect(wrapper.find('[data-testid="case-delete"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('keeps a caseworker out of the user administration screen', async () => {
    install({})
    signIn('caseworker')
    const router = createAppRouter()
    await router.push('/app/admin/users')
    expect(router.currentRoute.value.name).toBe('not-allowed')
  })

  it('keeps an analyst out of screening and referral records', async () => {
    install({})
    signIn('analyst')
    const router = createAppRouter()
    await router.push('/app/screening/3')
    expect(router.currentRoute.value.name).toBe('not-allowed')
    await router.push('/app/referrals/3')
    expect(router.currentRoute.value.name).toBe('not-allowed')
  })
})

describe('closing a case', () => {
  async function openDialog(close: ReturnType<typeof vi.fn>) {
    install({ cases: { close } })
    const wrapper = mount(CloseCaseDialog, {
      props: { detail: CASE, open: false },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    return wrapper
  }

  it('keeps the typed reason and says what went wrong when main refuses', async () => {
    const close = vi.fn(async () => refused<CaseDetail>('INTERNAL', 'disk I/O error'))
    const wrapper = await openDialog(close)
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="close-reason"]')!
    reason.value = 'Returned home safely'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="close-dialog"] form')!.requestSubmit()
    await settle()
    expect(close).toHaveBeenCalledTimes(1)
    expect(reason.value).toBe('Returned home safely')
    const message = document.querySelector('[data-testid="close-error"]')!.textContent ?? ''
    expect(message).not.toContain('disk I/O')
    expect(message).not.toContain('INTERNAL')
    expect(wrapper.emitted('close')).toBeUndefined()
    wrapper.unmount()
  })

  it('asks for a reason before calling main', async () => {
    const close = vi.fn()
    const wrapper = await openDialog(close)
    document.querySelector<HTMLFormElement>('[data-testid="close-dialog"] form')!.requestSubmit()
    await settle()
    expect(close).not.toHaveBeenCalled()
    expect(document.getElementById('close-reason-error')?.textContent).toBeTruthy()
    wrapper.unmount()
  })

  it('asks before Escape throws a typed reason away', async () => {
    const wrapper = await openDialog(vi.fn())
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="close-reason"]')!
    reason.value = 'Half a reason'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    reason.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(
      document.querySelector('[data-testid="discard-dialog"], [data-testid="discard-keep"]'),
    ).not.toBeNull()
    wrapper.unmount()
  })

  it('closes at once on Escape when nothing was typed', async () => {
    const wrapper = await openDialog(vi.fn())
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('editing a case that someone else saved meanwhile', () => {
  it('keeps the edits on screen, says someone else saved, and saves nothing twice', async () => {
    const update = vi.fn(async () =>
      refused<CaseDetail>('CONFLICT', 'Someone else saved this case after you opened it.'),
    )
    const get = vi.fn(async () => ok(CASE))
    install({
      cases: { get, update },
      users: { assignable: vi.fn(async () => ok([])) },
      comments: { list: vi.fn(async () => ok([])) },
      attachments: { list: vi.fn(async () => ok([])) },
      perpetrators: { list: vi.fn(async () => ok([])) },
    })
    signIn('caseworker')
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/cases', name: 'cases', component: { template: '<div />' } },
        { path: '/cases/:id', name: 'case-detail', component: CaseDetailView },
      ],
    })
    await router.push('/cases/4')
    const wrapper = mount(
      { template: '<RouterView />' },
      {
        global: {
          plugins: [...plugins(), router],
          stubs: {
            CaseEventsTab: true,
            CasePerpetratorsTab: true,
            CaseCommentsTab: true,
            CaseAttachmentsTab: true,
            CaseHistoryTab: true,
            CaseScreeningTab: true,
            CaseReferralsTab: true,
            CaseSupportPlansTab: true,
            CaseExperienceTab: true,
          },
        },
        attachTo: document.body,
      },
    )
    await settle()
    await wrapper.get('[data-testid="case-edit"]').trigger('click')
    await settle()
    const first = wrapper.get('[data-testid="field-prs_FirstName"]')
    await first.setValue('Aminata')
    await settle()
    const save = wrapper.get('[data-testid="case-save"]')
    await save.trigger('click')
    await save.trigger('click')
    await settle()
    expect(update).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="conflict-message"]').text()).toMatch(/someone else/i)
    expect((wrapper.get('[data-testid="field-prs_FirstName"]').element as HTMLInputElement).value).toBe(
      'Aminata',
    )
    // Leaving now asks first: the edits are not saved.
    void router.push('/cases')
    await settle()
    expect(router.currentRoute.value.name).toBe('case-detail')
    expect(document.querySelector('[data-testid="unsaved-dialog"]')).not.toBeNull()
    wrapper.unmount()
  })
})
