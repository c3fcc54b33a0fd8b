// @vitest-environment jsdom
// Checks on the casework screens that the code holds up to: kept as regression tests. This half,
// what the screens show and to whom: search answers out of order, empty and failed searches, dates
// west of Greenwich, role gating. Editing (a stale-version CONFLICT that keeps the person's edits,
// refusals that keep what was typed, Escape over a dialog) is in casework-screens-editing-held.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiResult, AssessmentPage, CaseSearchHit } from '../../main/api/contract'
import { useScreeningStore } from '../../renderer/src/stores/screening'
import { useCasesStore } from '../../renderer/src/stores/cases'
import { createAppRouter } from '../../renderer/src/router'
import { todayIso } from '../../renderer/src/forms/htcds/fields'
import CaseSearchBox from '../../renderer/src/components/cases/CaseSearchBox.vue'
import CaseHeader from '../../renderer/src/components/cases/detail/CaseHeader.vue'
import { wait } from './support-jsdom'
import { CASE, deferred, install, ok, plugins, refused, signIn } from './casework-screens-support'

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
