// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { CaseDetail } from '../../main/api/contract'
import { createAppI18n } from '../../renderer/src/i18n'
import ReopenCaseDialog from '../../renderer/src/components/cases/detail/ReopenCaseDialog.vue'
import GuardedNoteDialog from './fixtures/GuardedNoteDialog.vue'
import { installMatchMedia, wait } from './support-jsdom'

installMatchMedia()
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

// Real transitions (not the test-utils stubs): PrimeVue binds the question's Escape, moves focus
// into it and gives focus back to the form in its enter and leave hooks.
const global = () => ({
  plugins: [createAppI18n(), PrimeVue],
  stubs: { transition: false },
})

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)
const question = () => byTestId('discard-dialog')

async function settle(): Promise<void> {
  await flushPromises()
  await wait(50) // the dialogs' enter/leave transitions and PrimeVue's focus moves
  await flushPromises()
}

async function escape(target: EventTarget = document.activeElement ?? document.body): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
  await settle()
}

const mounted: { unmount(): void }[] = []
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
})

async function mountNote() {
  const wrapper = mount(GuardedNoteDialog, { global: global(), attachTo: document.body })
  mounted.push(wrapper)
  await settle()
  return wrapper
}

async function type(text: string): Promise<HTMLInputElement> {
  const input = byTestId('note') as HTMLInputElement
  input.focus()
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await settle()
  return input
}

describe('a form dialog guarded against throwing typed work away', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('closes at once on Escape when nothing was typed', async () => {
    const wrapper = await mountNote()
    expect(byTestId('note-dialog')).not.toBeNull()
    await escape(byTestId('note')!)
    expect(wrapper.vm.visible).toBe(false)
    expect(question()).toBeNull()
  })

  it('asks on Escape once something was typed; Keep editing keeps the text and the focus', async () => {
    const wrapper = await mountNote()
    const input = await type('Half a referral note')
    await escape(input)
    expect(wrapper.vm.visible).toBe(true)
    expect(question()?.getAttribute('role')).toBe('alertdialog')
    expect(question()?.textContent).toContain('Discard the changes?')
    // Enter or Escape by habit must keep the work: "Keep editing" has the focus.
    expect(document.activeElement).toBe(byTestId('discard-keep'))

    byTestId('discard-keep')!.click()
    await settle()
    expect(question()).toBeNull()
    expect(wrapper.vm.visible).toBe(true)
    expect((byTestId('note') as HTMLInputElement).value).toBe('Half a referral note')
    expect(document.activeElement).toBe(byTestId('note'))
  })

  it('a second Escape on the question keeps the form too; Discard closes it', async () => {
    const wrapper = await mountNote()
    await escape(await type('Half a note'))
    expect(question()).not.toBeNull()
    await escape()
    expect(question()).toBeNull()
    expect(wrapper.vm.visible).toBe(true)
    expect((byTestId('note') as HTMLInputElement).value).toBe('Half a note')

    byTestId('note-cancel')!.click() // Cancel asks as well
    await settle()
    byTestId('discard-confirm')!.click()
    await settle()
    expect(question()).toBeNull()
    expect(wrapper.vm.visible).toBe(false)
  })

  it('asks on the × as well', async () => {
    const wrapper = await mountNote()
    await type('Typed')
    document.querySelector<HTMLElement>('[data-testid="note-dialog"] .p-dialog-close-button')!.click()
    await settle()
    expect(question()).not.toBeNull()
    expect(wrapper.vm.visible).toBe(true)
  })

  it('leaves an Escape meant for an open list or calendar to that overlay', async () => {
    const wrapper = await mountNote()
    // An overlay PrimeVue teleports to <body>, as a Select's list or the date calendar's popover.
    const overlay = document.createElement('div')
    overlay.setAttribute('data-pc-name', 'popover')
    const day = document.createElement('button')
    overlay.append(day)
    document.body.append(overlay)
    await escape(day)
    expect(wrapper.vm.visible).toBe(true)
    expect(question()).toBeNull()
    overlay.remove()
    await escape(byTestId('note')!)
    expect(wrapper.vm.visible).toBe(false)
  })
})

describe('the reopen dialog (a reason typed into a plain text area)', () => {
  beforeEach(() => setActivePinia(createPinia()))

  const detail = { id: 1, version: 1, caseNumber: 'CV-2026-0001' } as unknown as CaseDetail

  it('closes untouched at once, and asks before dropping a typed reason', async () => {
    const wrapper = mount(ReopenCaseDialog, {
      props: { detail, open: true },
      global: global(),
      attachTo: document.body,
    })
    mounted.push(wrapper)
    await settle()
    await escape(byTestId('reopen-reason')!)
    expect(wrapper.emitted('close')).toHaveLength(1)
    // As the case page does on 'close', then opens it again.
    await wrapper.setProps({ open: false })
    await settle()
    await wrapper.setProps({ open: true })
    await settle()

    const reason = document.querySelector<HTMLTextAreaElement>('#reopen-reason')!
    reason.value = 'New evidence from the partner shelter'
    reason.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    await escape(reason)
    expect(wrapper.emitted('close')).toHaveLength(1)
    expect(question()).not.toBeNull()
    byTestId('discard-confirm')!.click()
    await settle()
    expect(wrapper.emitted('close')).toHaveLength(2)
  })
})
