// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Plugin } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { CasePage, CaseSearchHit, CaseSummary } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { snippetParts } from '../../renderer/src/components/cases/snippet'
import CaseSearchBox from '../../renderer/src/components/cases/CaseSearchBox.vue'
import CaseTable from '../../renderer/src/components/cases/CaseTable.vue'
import { installMatchMedia, wait } from './support-jsdom'

function install(client: Partial<Record<keyof CaseVaultClient, unknown>>): void {
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
}

const plugins = () => ({
  plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] as [Plugin, [Plugin, object]],
})

function summary(overrides: Partial<CaseSummary>): CaseSummary {
  return {
    id: 1,
    caseNumber: 'SHN-2025-00001',
    status: 'Active',
    intakeDate: '2025-03-14',
    survivorName: 'Amina Yusuf',
    gender: 'Feminine',
    ageBand: '18-25',
    citizenship: 'NG',
    assignedUserId: 2,
    assignedUserName: 'Kofi Mensah',
    exploitationTypes: [],
    isTraining: false,
    updatedAt: '2025-03-14T10:00:00.000Z',
    ...overrides,
  }
}

describe('case search', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    installMatchMedia()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('splits a snippet into matched and plain parts at main’s [[ ]] markers', () => {
    expect(snippetParts('Amina · [[Mimi]] and [[Mi]]ss')).toEqual([
      { text: 'Amina · ', match: false },
      { text: 'Mimi', match: true },
      { text: ' and ', match: false },
      { text: 'Mi', match: true },
      { text: 'ss', match: false },
    ])
    expect(snippetParts('an unclosed [[marker')).toEqual([{ text: 'an unclosed [[marker', match: false }])
  })

  it('lists hits as it is typed, marks matches as text (never HTML), and opens one with the keyboard', async () => {
    const hits: CaseSearchHit[] = [
      {
        id: 7,
        caseNumber: 'SHN-2025-00007',
        survivorName: 'Amina Yusuf',
        status: 'Active',
        snippet: '<img src=x onerror="alert(1)"> [[Mimi]] at the shelter',
      },
      {
        id: 9,
        caseNumber: 'SHN-2025-00009',
        survivorName: 'Mimi Okon',
        status: 'Closed',
        snippet: '[[Mimi]] Okon',
      },
    ]
    const search = vi.fn(async () => ({ ok: true as const, value: hits }))
    install({ cases: { search } })
    const wrapper = mount(CaseSearchBox, { global: plugins(), attachTo: document.body })
    const input = wrapper.get('[data-testid="case-search"]')
    await input.trigger('focus')
    await input.setValue('Mimi')
    expect(search).not.toHaveBeenCalled()
    await wait(250)
    await flushPromises()
    expect(search).toHaveBeenCalledTimes(1)
    expect(search).toHaveBeenCalledWith({ query: 'Mimi', limit: 10 })

    const results = wrapper.findAll('[data-testid="case-search-result"]')
    expect(results).toHaveLength(2)
    expect(wrapper.find('img').exists()).toBe(false)
    expect(results[0]!.text()).toContain('<img src=x onerror="alert(1)">')
    expect(results[0]!.get('mark').text()).toBe('Mimi')

    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe('case-search-hit-9')
    expect(results[1]!.attributes('aria-selected')).toBe('true')
    await input.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('open')).toEqual([[9]])
    wrapper.unmount()
  })
})

describe('the case table', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    installMatchMedia()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('marks training cases with a TRAINING DATA badge and names each row by case number', async () => {
    const page: CasePage = {
      rows: [
        summary({}),
        summary({ id: 2, caseNumber: 'SHN-2025-00002', survivorName: 'Practice Person', isTraining: true }),
      ],
      total: 2,
      page: 0,
      pageSize: 25,
    }
    const wrapper = mount(CaseTable, {
      props: {
        page,
        loading: false,
        pageIndex: 0,
        sortBy: 'intakeDate',
        sortDirection: 'desc',
        showAssignee: false,
      },
      global: plugins(),
      attachTo: document.body,
    })
    await flushPromises()
    const real = wrapper.get('[data-testid="case-row-SHN-2025-00001"]')
    const training = wrapper.get('[data-testid="case-row-SHN-2025-00002"]')
    expect(real.find('[data-testid="training-badge"]').exists()).toBe(false)
    expect(training.get('[data-testid="training-badge"]').text()).toBe('TRAINING DATA')
    expect(real.text()).toContain('Nigeria')
    expect(real.text()).toContain('18 to 25')

    await training.trigger('click')
    expect(wrapper.emitted('open')).toEqual([[2]])
    wrapper.unmount()
  })
})
