// @vitest-environment jsdom
// Keyboard, screen-reader and wording checks on the first-run, unlock and case screens that the
// code holds up to, from a reviewing helper's hunt: kept as regression tests. The defects found
// are in a11y-focus-and-refusals and a11y-field-errors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CasePage, CaseSummary } from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import SetupForm from '../../renderer/src/components/SetupForm.vue'
import PassphraseStrength from '../../renderer/src/components/PassphraseStrength.vue'
import RecoveryKeyStep from '../../renderer/src/components/RecoveryKeyStep.vue'
import UnlockView from '../../renderer/src/views/UnlockView.vue'
import CaseNewView from '../../renderer/src/views/CaseNewView.vue'
import CaseTable from '../../renderer/src/components/cases/CaseTable.vue'
import CaseFilters from '../../renderer/src/components/cases/CaseFilters.vue'
import DeleteCaseDialog from '../../renderer/src/components/cases/detail/DeleteCaseDialog.vue'
import CloseCaseDialog from '../../renderer/src/components/cases/detail/CloseCaseDialog.vue'
import { emptyCaseFilters } from '../../renderer/src/stores/cases'
import { CASE, install, ok, plugins, refused, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const blank = { template: '<div />' }
const escape = () =>
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))

/** Every text input and select in `root` has a label (for/id) or aria-label(ledby). */
function expectLabelled(root: Element): void {
  for (const input of root.querySelectorAll<HTMLElement>('input:not([type="hidden"]), textarea, select')) {
    const byFor = input.id ? document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() : ''
    const named = byFor || input.getAttribute('aria-label') || input.getAttribute('aria-labelledby')
    expect(named, input.outerHTML).toBeTruthy()
  }
}

/** The field is marked invalid and one of its aria-describedby ids holds `text`. */
function expectErrorTied(input: Element, text: RegExp): void {
  expect(input.getAttribute('aria-invalid')).toBe('true')
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  expect(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')).toMatch(text)
}

describe('held: first run and unlock', () => {
  it('setup: every field labelled; a refused submit focuses the first field, its error tied to it', async () => {
    install({ vault: { create: vi.fn() } })
    const wrapper = mount(SetupForm, { global: { plugins: plugins() }, attachTo: document.body })
    expectLabelled(wrapper.element)
    ;(wrapper.get('[data-testid="setup-submit"]').element as HTMLElement).focus()
    wrapper.get('form').element.requestSubmit()
    await settle()
    const organisation = wrapper.get('[data-testid="setup-organisation"]').element
    expect(document.activeElement).toBe(organisation)
    expectErrorTied(organisation, /\S/)
    expect(wrapper.get('#setup-organisation-error').attributes('role')).toBe('alert')
    wrapper.unmount()
  })

  it('setup: a failure from main is announced and keeps everything typed', async () => {
    install({ vault: { create: vi.fn(async () => refused('INTERNAL', 'disk full')) } })
    const wrapper = mount(SetupForm, { global: { plugins: plugins() }, attachTo: document.body })
    await wrapper.get('[data-testid="setup-organisation"]').setValue('Safe Harbour Network')
    await wrapper.get('[data-testid="setup-username"]').setValue('amina.admin')
    await wrapper.get('[data-testid="setup-display-name"]').setValue('Amina Okafor')
    await wrapper.get('[data-testid="setup-passphrase"]').setValue('plum river candle orbit seven')
    await wrapper.get('[data-testid="setup-passphrase-confirm"]').setValue('plum river candle orbit seven')
    wrapper.get('form').element.requestSubmit()
    await settle()
    expect(wrapper.get('[data-testid="setup-error"] [role="alert"]').text()).not.toBe('')
    expect((wrapper.get('[data-testid="setup-organisation"]').element as HTMLInputElement).value).toBe(
      'Safe Harbour Network',
    )
    expect((wrapper.get('[data-testid="setup-passphrase"]').element as HTMLInputElement).value).toBe(
      'plum river candle orbit seven',
    )
    wrapper.unmount()
  })

  it('the strength meter says its verdict in words, in a live region, the bar hidden from readers', async () => {
    const wrapper = mount(PassphraseStrength, {
      props: { passphrase: 'short' },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await flushPromises()
    const meter = wrapper.get('.strength')
    expect(meter.attributes('aria-live')).toBe('polite')
    expect(meter.text()).toBe('Strength: too short')
    expect(wrapper.get('.strength-bar').attributes('aria-hidden')).toBe('true')
    wrapper.unmount()
  })

  it('recovery key step: a wrong last group is marked and tied to the field; Continue stays off', async () => {
    const wrapper = mount(RecoveryKeyStep, {
      props: { recoveryKey: 'ABCD-EFGH-JKLM-NPQR', organisation: 'Safe Harbour Network' },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    const input = wrapper.get('[data-testid="recovery-confirm-input"]')
    expect(document.activeElement).toBe(input.element)
    await input.setValue('NPQX')
    expectErrorTied(input.element, /does not match/)
    expect(wrapper.get('[data-testid="recovery-confirm-submit"]').attributes('disabled')).toBeDefined()
    await input.setValue('npqr')
    wrapper.get('form').element.requestSubmit()
    await flushPromises()
    expect(wrapper.emitted('confirmed')).toHaveLength(1)
    wrapper.unmount()
  })

  it('unlock: a wrong passphrase is announced, the passphrase cleared and focused; the lock reason is a status', async () => {
    const unlock = vi.fn(async () => refused('WRONG_PASSPHRASE', 'wrong'))
    install({ vault: { unlock } })
    useVaultStore().lockReason = 'idle'
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: 'home', component: blank },
        { path: '/unlock/recovery', name: 'unlock-recovery', component: blank },
      ],
    })
    const wrapper = mount(UnlockView, {
      global: { plugins: [...plugins(), router] },
      attachTo: document.body,
    })
    expect(wrapper.get('[data-testid="lock-notice"]').attributes('role')).toBe('status')
    expectLabelled(wrapper.element)
    await wrapper.get('[data-testid="unlock-username"]').setValue('sam')
    await wrapper.get('[data-testid="unlock-passphrase"]').setValue('not my passphrase')
    ;(wrapper.get('[data-testid="unlock-submit"]').element as HTMLElement).focus()
    wrapper.get('form').element.requestSubmit()
    await settle()
    expect(unlock).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="unlock-error"] [role="alert"]').text()).toMatch(/Caps Lock/)
    const passphrase = wrapper.get('[data-testid="unlock-passphrase"]').element as HTMLInputElement
    expect(passphrase.value).toBe('')
    expect(document.activeElement).toBe(passphrase)
    wrapper.unmount()
  })
})

describe('held: the new-case wizard by keyboard', () => {
  it('Next (Enter) checks the step and focuses its first error; Back keeps what was typed', async () => {
    install({ cases: { create: vi.fn() }, users: { assignees: vi.fn(async () => ok([])) } })
    signIn('caseworker')
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/cases', name: 'cases', component: blank },
        { path: '/cases/new', name: 'case-new', component: CaseNewView },
        { path: '/cases/:id', name: 'case-detail', component: blank },
      ],
    })
    await router.push('/cases/new')
    const wrapper: VueWrapper = mount(
      { template: '<RouterView />' },
      { global: { plugins: [...plugins(), router] }, attachTo: document.body },
    )
    await settle()
    const title = () => wrapper.get('[data-testid="wizard-step-title"]')
    const submit = async () => {
      wrapper.get('form').element.requestSubmit()
      await settle()
    }
    expectLabelled(wrapper.get('form').element)
    await submit()
    expect(title().text()).toBe('Step 2 of 4: Survivor')
    expect(document.activeElement).toBe(title().element)
    expectLabelled(wrapper.get('form').element)
    await submit() // no name, no alias
    const first = wrapper.get('[data-testid="field-prs_FirstName"]')
    expect(title().text()).toContain('Survivor')
    expect(document.activeElement).toBe(first.element)
    expectErrorTied(first.element, /name/i)
    await first.setValue('Amina')
    await submit()
    expect(title().text()).toContain('Step 3 of 4')
    await wrapper.get('[data-testid="wizard-back"]').trigger('click')
    await settle()
    expect((wrapper.get('[data-testid="field-prs_FirstName"]').element as HTMLInputElement).value).toBe(
      'Amina',
    )
    wrapper.unmount()
  })
})

describe('held: the case list', () => {
  const row = (id: number, caseNumber: string): CaseSummary =>
    ({
      id,
      caseNumber,
      status: 'Active',
      intakeDate: '2025-03-14',
      survivorName: 'Amina Yusuf',
      gender: null,
      ageBand: null,
      citizenship: null,
      assignedUserId: 3,
      assignedUserName: 'Sam Lee',
      exploitationTypes: [],
      isTraining: false,
      updatedAt: '2025-03-14T10:00:00.000Z',
    }) as unknown as CaseSummary

  it('rows are reached by Tab and opened by Enter; sortable headers are keys too; dates in the locale', async () => {
    const wrapper = mount(CaseTable, {
      props: {
        page: { rows: [row(1, 'SHN-2025-00001'), row(2, 'SHN-2025-00002')], total: 2 } as unknown as CasePage,
        loading: false,
        pageIndex: 0,
        sortBy: 'intakeDate',
        sortDirection: 'desc',
        showAssignee: false,
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    const first = wrapper.get('[data-testid="case-row-SHN-2025-00001"]')
    expect(first.attributes('tabindex')).toBe('0')
    await first.trigger('keydown', { code: 'Enter', key: 'Enter' })
    expect(wrapper.emitted('open')).toEqual([[1]])
    expect(first.text()).toContain('Mar 14, 2025')
    const intake = wrapper.findAll('th').find((th) => th.text() === 'Intake date')!
    expect(intake.attributes('tabindex')).toBe('0')
    expect(intake.attributes('aria-sort')).toBe('descending')
    wrapper.unmount()
  })

  it('every filter has a visible label bound to its control', () => {
    const wrapper = mount(CaseFilters, {
      props: { modelValue: emptyCaseFilters(), showAssignee: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    for (const label of wrapper.findAll('label[for]')) {
      expect(label.text().trim()).not.toBe('')
      const control = document.getElementById(label.attributes('for')!)
      expect(control, label.text()).not.toBeNull()
      expect(control!.getAttribute('tabindex')).not.toBe('-1')
    }
    expect(wrapper.findAll('label[for]')).toHaveLength(8)
    wrapper.unmount()
  })
})

describe('held: case dialogs', () => {
  it('delete: Cancel has the focus, Escape closes without deleting, focus goes back to Delete', async () => {
    const remove = vi.fn()
    install({ cases: { delete: remove } })
    signIn('admin')
    const opener = document.createElement('button')
    opener.textContent = 'Delete case'
    document.body.append(opener)
    opener.focus()
    const wrapper = mount(DeleteCaseDialog, {
      props: { detail: CASE, open: false, onClose: () => wrapper.setProps({ open: false }) },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    await vi.waitFor(() => expect(document.activeElement?.textContent).toContain('Cancel'))
    expect(document.activeElement?.getAttribute('data-testid')).not.toBe('delete-confirm')
    escape()
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="delete-dialog"]')).toBeNull())
    expect(remove).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(opener)
    wrapper.unmount()
  })

  it('close: focus moves into the dialog; Escape with nothing typed closes it without closing the case', async () => {
    const close = vi.fn()
    install({ cases: { close } })
    const opener = document.createElement('button')
    document.body.append(opener)
    opener.focus()
    const wrapper = mount(CloseCaseDialog, {
      props: { detail: CASE, open: false, onClose: () => wrapper.setProps({ open: false }) },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    const dialog = document.querySelector('[data-testid="close-dialog"]')!
    await vi.waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true))
    expectLabelled(dialog)
    escape()
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="close-dialog"]')).toBeNull())
    expect(close).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(opener)
    wrapper.unmount()
  })
})
