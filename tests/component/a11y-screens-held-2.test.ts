// @vitest-environment jsdom
// Keyboard and screen-reader checks that hold, second part (see a11y-screens-held.test.ts): icon-only
// buttons named, the alias chips, the wizard's review, and the perpetrator dialog's Escape.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import AliasChips from '../../renderer/src/components/cases/AliasChips.vue'
import ActiveFilterChips from '../../renderer/src/components/cases/ActiveFilterChips.vue'
import ReviewStep from '../../renderer/src/components/cases/wizard/ReviewStep.vue'
import PerpetratorDialog from '../../renderer/src/components/cases/detail/PerpetratorDialog.vue'
import { emptyCaseFilters, type CaseListFilters } from '../../renderer/src/stores/cases'
import { install, plugins, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('held: named buttons and chips', () => {
  it('alias chips: Enter adds, each × is named after its alias, removing puts the cursor back in the field', async () => {
    const wrapper = mount(AliasChips, {
      props: {
        inputId: 'new-aliases',
        label: 'Also known as',
        testid: 'aliases',
        modelValue: [] as string[],
        'onUpdate:modelValue': (value: string[]) => wrapper.setProps({ modelValue: value }),
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    const input = wrapper.get('[data-testid="aliases"]')
    expect(document.querySelector('label[for="new-aliases"]')?.textContent).toBe('Also known as')
    await input.setValue('Mimi')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    const remove = wrapper.get('button[aria-label="Remove alias Mimi"]')
    ;(remove.element as HTMLElement).focus()
    await remove.trigger('click')
    await flushPromises()
    expect(wrapper.props('modelValue')).toEqual([])
    expect(document.activeElement).toBe(input.element)
    wrapper.unmount()
  })

  it('active filter chips: each × says which filter it removes', () => {
    const wrapper = mount(ActiveFilterChips, {
      props: {
        modelValue: {
          ...emptyCaseFilters(),
          status: ['Active'],
          intakeFrom: '2026-03-01',
        } as CaseListFilters,
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    const names = wrapper.findAll('.chip-remove').map((button) => button.attributes('aria-label'))
    expect(names).toEqual(['Remove filter Status: Active', 'Remove filter Intake from: Mar 1, 2026'])
    wrapper.unmount()
  })

  it('wizard review: each "Change" button names its step; dates in the reader’s locale', () => {
    install({ users: { assignees: vi.fn() } })
    signIn('caseworker')
    const wrapper = mount(ReviewStep, {
      props: { values: { intakeDate: '2026-03-20', survivor: { prs_FirstName: 'Amina' }, victim: {} } },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    const names = wrapper.findAll('button').map((button) => button.attributes('aria-label'))
    expect(names).toHaveLength(3)
    for (const name of names) expect(name).toMatch(/^Change .+/)
    expect(new Set(names).size).toBe(3)
    expect(wrapper.text()).toContain('Mar 20, 2026')
    expect(wrapper.text()).not.toMatch(/\b(wizard|caseForm)\.[a-zA-Z]/) // no raw i18n key
    wrapper.unmount()
  })
})

describe('held: perpetrator dialog', () => {
  it('focus moves in; Escape on an untouched form closes it, saves nothing, and focus goes back', async () => {
    const add = vi.fn()
    install({ perpetrators: { add, find: vi.fn() } })
    const opener = document.createElement('button')
    document.body.append(opener)
    opener.focus()
    const wrapper = mount(PerpetratorDialog, {
      props: { open: false, editing: null, onClose: () => wrapper.setProps({ open: false }) },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    const dialog = document.querySelector('[data-testid="perpetrator-dialog"]')!
    await vi.waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true))
    for (const input of dialog.querySelectorAll<HTMLElement>('input[type="text"], textarea')) {
      expect(document.querySelector(`label[for="${input.id}"]`), input.outerHTML).not.toBeNull()
    }
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="perpetrator-dialog"]')).toBeNull())
    expect(add).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(opener)
    wrapper.unmount()
  })
})
