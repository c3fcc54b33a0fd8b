// @vitest-environment jsdom
// Reviewing helper (screen changes of the day: the template editor, passphrase forms and case history): important checks that PASS on the code reviewed,
// kept as regression tests beside the defects in review-session20-forms-ui.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import AddUserDialog from '../../renderer/src/components/users/AddUserDialog.vue'
import CaseHistoryTab from '../../renderer/src/components/cases/detail/CaseHistoryTab.vue'
import { useAuditDetailsText } from '../../renderer/src/i18n/audit-details-text'
import { en } from '../../renderer/src/i18n/en'
import { install, ok, plugins, refused, settle, signIn } from './casework-screens-support'
import { typeInto } from './screening-link-support'
import { button, caseRow, editor, individualKeys, problems } from './template-editor-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('held: template editor', () => {
  it('moves the first question down twice from the keyboard (its Up is disabled at the top)', async () => {
    const wrapper = editor()
    const first = individualKeys()[0]
    const down = button(en.screening.templates.moveDown.replace('{number}', '1'))
    down.focus()
    down.click()
    await settle()
    expect(document.activeElement?.id).toBe('tq-individual-1-down')
    ;(document.activeElement as HTMLElement).click()
    await settle()
    expect(individualKeys()[2]).toBe(first)
    expect(document.activeElement?.id).toBe('tq-individual-2-down')
    wrapper.unmount()
  })

  it('moving the second question to the top leaves the focus on its Down (Up is disabled there)', async () => {
    const wrapper = editor()
    const up = button(en.screening.templates.moveUp.replace('{number}', '2'))
    up.focus()
    up.click()
    await settle()
    expect(document.activeElement?.id).toBe('tq-individual-0-down')
    wrapper.unmount()
  })

  it('moving the last question up keeps the focus on its Up', async () => {
    const wrapper = editor()
    const count = individualKeys().length
    const up = button(en.screening.templates.moveUp.replace('{number}', String(count)))
    up.focus()
    up.click()
    await settle()
    expect(document.activeElement?.id).toBe(`tq-individual-${count - 2}-up`)
    wrapper.unmount()
  })

  it('names a reserved key at its question and marks its Key field', async () => {
    const wrapper = editor()
    typeInto('#tq-individual-1-key', 'constructor')
    await settle()
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(problems()).toHaveLength(1)
    expect(problems()[0]).toContain(en.screening.templates.questionNumber.replace('{number}', '2'))
    expect(problems()[0]).toContain(en.screening.templates.problems.keyReserved)
    expect(document.querySelector('#tq-individual-1-key')!.getAttribute('aria-invalid')).toBe('true')
    wrapper.unmount()
  })

  it('gives added questions keys unused after a removal', async () => {
    const wrapper = editor()
    button(en.screening.templates.addQuestion).click()
    await settle()
    button(en.screening.templates.removeQuestion.replace('{number}', '1')).click()
    await settle()
    button(en.screening.templates.addQuestion).click()
    await settle()
    const keys = individualKeys()
    expect(new Set(keys).size).toBe(keys.length)
    wrapper.unmount()
  })
})

describe('held: a passphrase refused as too easy to guess', () => {
  it('is said at the field, focused there, and cleared at the field when the passphrase changes', async () => {
    install({ users: { create: async () => refused('WEAK_PASSPHRASE', 'too easy') } })
    signIn('admin')
    const wrapper = mount(AddUserDialog, {
      props: { visible: false, 'onUpdate:visible': (open: boolean) => wrapper.setProps({ visible: open }) },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    typeInto('[data-testid="user-username"]', 'kim')
    typeInto('[data-testid="user-display-name"]', 'Kim Park')
    typeInto('[data-testid="user-passphrase"]', 'password1234')
    typeInto('[data-testid="user-passphrase-confirm"]', 'password1234')
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="add-user-dialog"] form')!.requestSubmit()
    await settle()
    const field = document.querySelector<HTMLInputElement>('[data-testid="user-passphrase"]')!
    const said = () =>
      (field.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
    expect(document.activeElement).toBe(field)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(said()).toMatch(/too easy/)
    typeInto('[data-testid="user-passphrase"]', 'copper meadow lantern drift 7')
    await settle()
    expect(said()).not.toMatch(/too easy/)
    wrapper.unmount()
  })
})

describe('held: case history', () => {
  it('reads on past five pages of reads with “Look further back”, to the change below them', async () => {
    signIn('supervisor')
    const rows = [
      ...Array.from({ length: 1100 }, (_, index) => caseRow(2000 - index, 'referral.read')),
      caseRow(3, 'referral.status_changed'),
      caseRow(1, 'case.created'),
    ]
    let calls = 0
    install({
      audit: {
        list: async (input: { limit: number; beforeId?: number }) => {
          calls++
          return ok(rows.filter((entry) => entry.id < (input.beforeId ?? Infinity)).slice(0, input.limit))
        },
      },
    })
    const wrapper = mount(CaseHistoryTab, {
      props: { caseId: 4, active: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    expect(calls).toBe(5)
    const older = wrapper.findAll('button').find((b) => b.text() === en.caseHistory.older)!
    await older.trigger('click')
    await settle()
    const shown = wrapper.findAll('[data-testid="history-row"]').map((r) => r.text())
    expect(shown).toHaveLength(2)
    expect(shown[0]).toContain(en.audit.actions.referral.status_changed)
    expect(wrapper.text()).not.toContain(en.caseHistory.older)
    wrapper.unmount()
  })

  it('switching to another case while shown drops the first case’s rows', async () => {
    signIn('supervisor')
    install({
      audit: {
        list: async (input: { target: string }) =>
          ok(input.target === 'case:4' ? [caseRow(2, 'case.updated')] : [caseRow(9, 'case.closed')]),
      },
    })
    const wrapper = mount(CaseHistoryTab, {
      props: { caseId: 4, active: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    await wrapper.setProps({ caseId: 5 })
    await settle()
    const shown = wrapper.findAll('[data-testid="history-row"]').map((r) => r.text())
    expect(shown).toHaveLength(1)
    expect(shown[0]).toContain(en.caseHistory.actions.closed)
    wrapper.unmount()
  })
})

describe('held: audit details', () => {
  it('shows an export’s scope as labelled parts, an open end as “any”', () => {
    let text = ''
    mount(
      {
        setup() {
          text = useAuditDetailsText()({ scope: { intakeFrom: '2026-01-05', intakeTo: null } })
          return () => null
        },
      },
      { global: { plugins: plugins() } },
    )
    expect(text).toContain(en.audit.detailKeys.intakeFrom)
    expect(text).toContain(`${en.audit.detailKeys.intakeTo}: ${en.audit.anyValue}`)
    expect(text).not.toContain('2026-01-05')
  })
})
