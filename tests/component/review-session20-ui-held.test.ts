// @vitest-environment jsdom
// Reviewing helper (screen changes of the day): important checks that PASS on the code reviewed,
// kept as regression tests beside the defects in review-session20-ui.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import Select from 'primevue/select'
import {
  templateDefinitionSchema,
  type AuditEntry,
  type CaseSearchHit,
  type TemplateVersion,
} from '../../main/api/contract'
import { channels } from '../../main/api/contract/channels'
import { buildCaseVaultClient } from '../../preload/build-api'
import LinkCaseDialog from '../../renderer/src/components/screening/LinkCaseDialog.vue'
import CaseSearchBox from '../../renderer/src/components/cases/CaseSearchBox.vue'
import TemplateEditor from '../../renderer/src/components/screening/TemplateEditor.vue'
import AddUserDialog from '../../renderer/src/components/users/AddUserDialog.vue'
import CaseHistoryTab from '../../renderer/src/components/cases/detail/CaseHistoryTab.vue'
import ScreeningNewView from '../../renderer/src/views/ScreeningNewView.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { useAuditDetailsText } from '../../renderer/src/i18n/audit-details-text'
import { en } from '../../renderer/src/i18n/en'
import shipped from '../../resources/screening/default-template.json'
import { call } from '../unit/support/temp-vault'
import { staffedHost } from '../unit/support/case-fixtures'
import { currentTemplateId } from '../unit/support/screening-fixtures'
import { install, ok, plugins, refused, settle, signIn } from './casework-screens-support'
import { wait } from './support-jsdom'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const hit = (id: number, name: string): CaseSearchHit => ({
  id,
  caseNumber: `SHN-2026-0000${id}`,
  survivorName: name,
  status: 'Active',
  snippet: `[[${name.split(' ')[0]}]]`,
})
const HITS = [hit(1, 'Olena Kovalenko'), hit(2, 'Olena Hlib')]

function typeInto(selector: string, text: string): void {
  const input = document.querySelector<HTMLInputElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input'))
}
async function search(text: string): Promise<HTMLInputElement> {
  const input = document.querySelector<HTMLInputElement>('#case-search-input')!
  input.focus()
  input.dispatchEvent(new Event('focus'))
  typeInto('#case-search-input', text)
  await wait(300)
  // The hits come after the box's debounce and a search in main: waited for, not timed (a busy
  // machine took longer than 300 ms).
  await vi.waitFor(() => expect(document.querySelector('[role="option"]')).not.toBeNull(), { timeout: 5000 })
  await settle()
  return input
}
const press = async (input: HTMLElement, key: string) => {
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
  await settle()
}

async function linkDialog(working = false) {
  install({ cases: { search: async () => ok(HITS) } })
  signIn('caseworker')
  const wrapper = mount(LinkCaseDialog, {
    props: { open: false, working, failure: null },
    global: { plugins: plugins(), stubs: { transition: false } },
    attachTo: document.body,
  })
  await wrapper.setProps({ open: true })
  await settle()
  return wrapper
}

describe('held: link dialog', () => {
  it('chooses with arrows and Enter, links only on “Link to case …”, with the chosen case’s id', async () => {
    const wrapper = await linkDialog()
    const input = await search('Olena')
    await press(input, 'ArrowDown')
    await press(input, 'ArrowDown')
    await press(input, 'Enter')
    expect(wrapper.emitted('choose')).toBeUndefined()
    expect(document.querySelector('[data-testid="link-case-chosen"]')!.textContent).toContain('Olena Hlib')
    const confirm = document.querySelector<HTMLButtonElement>('[data-testid="link-case-confirm"]')!
    expect(confirm.textContent).toContain('SHN-2026-00002')
    // After Cancel in the tab order, inside the dialog.
    const buttons = [...document.querySelectorAll('[data-testid="link-case-dialog"] button')]
    expect(buttons.indexOf(confirm)).toBeGreaterThan(0)
    confirm.click()
    expect(wrapper.emitted('choose')).toEqual([[2]])
    wrapper.unmount()
  })

  it('while linking, the button says “Linking…”, is disabled and does not link twice', async () => {
    const wrapper = await linkDialog()
    const input = await search('Olena')
    await press(input, 'Enter')
    await wrapper.setProps({ working: true })
    const confirm = document.querySelector<HTMLButtonElement>('[data-testid="link-case-confirm"]')!
    expect(confirm.textContent).toContain(en.screening.link.linking)
    expect(confirm.disabled).toBe(true)
    confirm.click()
    expect(wrapper.emitted('choose')).toBeUndefined()
    wrapper.unmount()
  })

  it('opens again with an empty search and no case chosen', async () => {
    const wrapper = await linkDialog()
    const input = await search('Olena')
    await press(input, 'Enter')
    await wrapper.setProps({ open: false })
    await wrapper.setProps({ open: true })
    await settle()
    expect(document.querySelector<HTMLInputElement>('#case-search-input')!.value).toBe('')
    expect(document.querySelector('[data-testid="link-case-confirm"]')).toBeNull()
    expect(document.querySelector('[data-testid="link-case-chosen"]')!.textContent!.trim()).toBe('')
    wrapper.unmount()
  })

  it('the case list’s own search still opens a case on Enter', async () => {
    install({ cases: { search: async () => ok(HITS) } })
    signIn('caseworker')
    const wrapper = mount(CaseSearchBox, { global: { plugins: plugins() }, attachTo: document.body })
    const input = await search('Olena')
    await press(input, 'Enter')
    expect(wrapper.emitted('open')).toEqual([[1]])
    wrapper.unmount()
  })
})

const definition = templateDefinitionSchema.parse(shipped)
const latest = (def = definition): TemplateVersion => ({
  id: 1,
  key: def.key,
  version: 1,
  name: def.name,
  questionCount: 28,
  isLatest: true,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdByName: null,
  definition: def,
})
function editor() {
  return mount(TemplateEditor, {
    props: { base: latest(), saving: false, failure: null },
    global: { plugins: plugins() },
    attachTo: document.body,
  })
}
function button(label: string): HTMLButtonElement {
  const found = [
    ...document.querySelectorAll<HTMLButtonElement>('[data-testid="template-editor"] button'),
  ].find((b) => b.textContent?.trim() === label)
  if (!found) throw new Error(`no button “${label}”`)
  return found
}
const problems = () =>
  [...document.querySelectorAll('[data-testid="template-problem"]')].map((p) => p.textContent ?? '')
const individualKeys = () =>
  [...document.querySelectorAll<HTMLInputElement>('input[id^="tq-individual-"][id$="-key"]')].map(
    (i) => i.value,
  )

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

const caseRow = (id: number, action: string): AuditEntry => ({
  id,
  at: new Date(Date.UTC(2026, 2, 1, 9, 0, id % 60)).toISOString(),
  actor: 'dana',
  action,
  target: 'case:4',
  details: null,
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

describe('held: switching template on a new screening', () => {
  it('asks before dropping an answer; “Keep this template” keeps the template and the answer', async () => {
    const { host } = await staffedHost('dana')
    const adultId = await currentTemplateId(host)
    const child = structuredClone(definition)
    child.key = 'child-screening'
    child.name = 'Child screening'
    child.sections[0]!.questions = child.sections[0]!.questions.filter((q) => q.key !== 'historyOfAbuse')
    const childVersion = await call<TemplateVersion>(host, 'screening:saveTemplate', {
      definition: child,
      basedOnTemplateId: null,
    })
    Object.defineProperty(window, 'casevault', {
      value: buildCaseVaultClient(
        channels,
        (channel, input) => host.dispatch(channel, input),
        () => () => {},
      ),
      configurable: true,
    })
    useVaultStore().status = {
      state: 'unlocked',
      user: { id: 4, username: 'dana', displayName: 'Dana Petrova', role: 'supervisor' },
      settings: { autoLockMinutes: 10 },
      organisation: 'Safe Harbour Network',
    }
    const blank = { template: '<div />' }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/screening', name: 'screening', component: blank },
        { path: '/screening/new', name: 'screening-new', component: ScreeningNewView },
        { path: '/screening/:id', name: 'screening-detail', component: blank },
        { path: '/cases/:id', name: 'case-detail', component: blank },
      ],
    })
    await router.push('/screening/new')
    const wrapper = mount(
      { template: '<RouterView />' },
      { global: { plugins: [...plugins(), router], stubs: { transition: false } }, attachTo: document.body },
    )
    await settle()
    const select = wrapper.findAllComponents(Select)[0]!
    if (select.props('modelValue') !== adultId) {
      select.vm.$emit('update:modelValue', adultId)
      await settle()
    }
    const abuse = '[data-testid="answer-historyOfAbuse-risk"]'
    document.querySelector<HTMLInputElement>(abuse)!.click()
    await settle()
    select.vm.$emit('update:modelValue', childVersion.id)
    await settle()
    await settle()
    expect(document.querySelector('[data-testid="template-switch-dialog"]')).not.toBeNull()
    document.querySelector<HTMLElement>('[data-testid="template-switch-keep"]')!.click()
    await settle()
    await settle()
    expect(select.props('modelValue')).toBe(adultId)
    expect(document.querySelector<HTMLInputElement>(abuse)?.checked).toBe(true)
    wrapper.unmount()
    host.dispose()
  })
})
