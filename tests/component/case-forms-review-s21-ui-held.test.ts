// @vitest-environment jsdom
// Reviewing helper (case forms hunt): checks of entering and editing a case through the screens
// that held, against a real encrypted vault; kept as regression tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import Select from 'primevue/select'
import MultiSelect from 'primevue/multiselect'
import type { CaseDetail } from '../../main/api/contract'
import CaseDetailView from '../../renderer/src/views/CaseDetailView.vue'
import CaseNewView from '../../renderer/src/views/CaseNewView.vue'
import { call } from '../unit/support/temp-vault'
import { staffedHost } from '../unit/support/case-fixtures'
import { settle } from './casework-screens-support'
import { mountOnHost } from './screening-link-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const AMARA = { id: 1, username: 'amara', displayName: 'Amara Okafor', role: 'admin' as const }
const blank = { template: '<div />' }
const routes = () => [
  { path: '/cases', name: 'cases', component: blank },
  { path: '/cases/new', name: 'case-new', component: CaseNewView },
  { path: '/cases/:id(\\d+)', name: 'case-detail', component: CaseDetailView },
]
const q = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)

function typeText(selector: string, text: string): void {
  const input = q<HTMLInputElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('blur'))
}

/** Picks in a Select or MultiSelect as its list would (its v-model update). */
function choose(wrapper: VueWrapper, testid: string, value: unknown): void {
  const pickers = [...wrapper.findAllComponents(Select), ...wrapper.findAllComponents(MultiSelect)]
  const picker = pickers.find((candidate) => candidate.attributes('data-testid') === testid)
  if (!picker) throw new Error(`no picker ${testid}`)
  picker.vm.$emit('update:modelValue', value)
}

const onHost = (host: Host, path: string) =>
  mountOnHost((channel, input) => host.dispatch(channel, input), AMARA, routes(), path)

async function openForEdit(host: Host, id: number) {
  const wrapper = await onHost(host, `/cases/${id}`)
  await vi.waitFor(() => expect(q('[data-testid="case-edit"]')).not.toBeNull())
  q('[data-testid="case-edit"]')!.click()
  await settle()
  return wrapper
}

async function saveEdits(): Promise<void> {
  q('[data-testid="case-save"]')!.click()
  await settle()
  await settle()
}

const RECORDED = {
  intakeDate: '2026-01-05',
  survivor: {
    prs_FirstName: 'Maria',
    prs_Birthdate: '2000-02-03',
    prs_Gender: 'Feminine',
    prs_Deceased: false,
    prs_NumberOfChildren: 0,
    prs_Citizenship: ['NG', 'GH'],
    prs_PrimaryLanguage: 'yo',
    prs_MobilePhone: '+234 80',
  },
  survivorAliases: ['Mimi'],
  victim: { vic_AgeWhenTrafficked: 0, vic_TypeOfExploitation: ['ForcedLabour'] },
  events: [
    { record: { hte_Type: 'Recruitment', hte_Date: '2025-11-01', hte_Description: 'line one\n  indented' } },
    { record: { hte_Type: 'Exploitation', hte_Country: 'GH' } },
  ],
}

describe('held: what is typed in the wizard is what is saved', () => {
  it('saves a zero, a checked box, a language, several countries in order and a short date as typed', async () => {
    const { host } = await staffedHost()
    const wrapper = await onHost(host, '/cases/new')
    const submit = async () => {
      q<HTMLFormElement>('form')!.requestSubmit()
      await settle()
    }
    typeText('[data-testid="field-intakeDate"]', '2026-01-05')
    await submit()
    typeText('[data-testid="field-prs_FirstName"]', '  María  ')
    typeText('[data-testid="field-prs_Birthdate"]', '2000-2-3')
    typeText('[data-testid="field-prs_NumberOfChildren"]', '0')
    choose(wrapper, 'field-prs_Gender', 'Feminine')
    choose(wrapper, 'field-prs_Citizenship', ['NG', 'GH', 'UA'])
    choose(wrapper, 'field-prs_PrimaryLanguage', 'yo')
    q<HTMLInputElement>('[data-testid="field-prs_Deceased"]')!.click()
    await flushPromises()
    await submit()
    typeText('[data-testid="field-vic_AgeWhenTrafficked"]', '0')
    choose(wrapper, 'field-vic_TypeOfExploitation', ['SexualExploitation', 'ForcedLabour'])
    await submit()
    expect(q('.review')!.textContent).toContain('Nigeria, Ghana, Ukraine')
    await submit()
    await vi.waitFor(() => expect(q('[data-testid="case-edit"]')).not.toBeNull())
    const id = (await call<{ rows: { id: number }[] }>(host, 'cases:list', {})).rows[0]!.id
    const stored = await call<CaseDetail>(host, 'cases:get', { id })
    expect(stored.intakeDate).toBe('2026-01-05')
    expect(stored.survivor.record).toEqual({
      prs_FirstName: 'María',
      prs_Birthdate: '2000-02-03',
      prs_Gender: 'Feminine',
      prs_Deceased: true,
      prs_NumberOfChildren: 0,
      prs_PrimaryLanguage: 'yo',
      prs_Citizenship: ['NG', 'GH', 'UA'],
    })
    expect(stored.victim).toEqual({
      vic_AgeWhenTrafficked: 0,
      vic_TypeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
    })
    expect(q('[data-testid="value-prs_NumberOfChildren"] dd')!.textContent).toBe('0')
    wrapper.unmount()
  })
})

describe('held: the edit form', () => {
  it('saved unchanged, keeps every value (a zero, a false box, a list’s order, indented long text)', async () => {
    const { host } = await staffedHost()
    const created = await call<CaseDetail>(host, 'cases:create', RECORDED)
    const wrapper = await openForEdit(host, created.id)
    await saveEdits()
    const again = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(again.version).toBe(created.version + 1)
    expect(again.survivor).toEqual(created.survivor)
    expect(again.victim).toEqual(created.victim)
    expect(again.events.map((event) => event.record)).toEqual(created.events.map((event) => event.record))
    wrapper.unmount()
  })

  it('clearing a picklist, a multi-picklist, a number, a date and a text field removes them', async () => {
    const { host } = await staffedHost()
    const created = await call<CaseDetail>(host, 'cases:create', RECORDED)
    const wrapper = await openForEdit(host, created.id)
    choose(wrapper, 'field-prs_Gender', null)
    choose(wrapper, 'field-prs_Citizenship', [])
    typeText('[data-testid="field-prs_NumberOfChildren"]', '')
    typeText('[data-testid="field-prs_Birthdate"]', '')
    typeText('[data-testid="field-prs_MobilePhone"]', '')
    await flushPromises()
    await saveEdits()
    const cleared = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(cleared.survivor.record).toEqual({
      prs_FirstName: 'Maria',
      prs_Deceased: false,
      prs_PrimaryLanguage: 'yo',
    })
    wrapper.unmount()
  })

  it('asks before leaving when the only change is a removed event', async () => {
    const { host } = await staffedHost()
    const created = await call<CaseDetail>(host, 'cases:create', RECORDED)
    const wrapper = await openForEdit(host, created.id)
    q('[data-testid="case-tab-events"]')!.click()
    await settle()
    q('[data-testid="event-remove-1"]')!.click()
    await settle()
    const router = wrapper.vm.$router
    void router.push('/cases')
    await settle()
    expect(q('[data-testid="unsaved-dialog"]')).not.toBeNull()
    expect(router.currentRoute.value.fullPath).toBe(`/cases/${created.id}`)
    wrapper.unmount()
  })
})
