// Shared by the screen tests of the template editor and the case history: the shipped template as
// the latest version, the editor mounted on it, its buttons and problems, and history rows.
import { mount } from '@vue/test-utils'
import { templateDefinitionSchema, type AuditEntry, type TemplateVersion } from '../../main/api/contract'
import TemplateEditor from '../../renderer/src/components/screening/TemplateEditor.vue'
import { en } from '../../renderer/src/i18n/en'
import shipped from '../../resources/screening/default-template.json'
import { plugins } from './casework-screens-support'

export const definition = templateDefinitionSchema.parse(shipped)

export const latest = (def = definition): TemplateVersion => ({
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

export function editor() {
  return mount(TemplateEditor, {
    props: { base: latest(), saving: false, failure: null },
    global: { plugins: plugins() },
    attachTo: document.body,
  })
}

export function button(label: string): HTMLButtonElement {
  const found = [
    ...document.querySelectorAll<HTMLButtonElement>('[data-testid="template-editor"] button'),
  ].find((b) => b.textContent?.trim() === label)
  if (!found) throw new Error(`no button “${label}”`)
  return found
}

export const problems = () =>
  [...document.querySelectorAll('[data-testid="template-problem"]')].map((p) => p.textContent ?? '')

export const question = (n: number) => en.screening.templates.questionNumber.replace('{number}', String(n))

export const individualKeys = () =>
  [...document.querySelectorAll<HTMLInputElement>('input[id^="tq-individual-"][id$="-key"]')].map(
    (i) => i.value,
  )

/** A row of case 4's history, as main writes it. */
export const caseRow = (id: number, action: string): AuditEntry => ({
  id,
  at: new Date(Date.UTC(2026, 2, 1, 9, 0, id % 60)).toISOString(),
  actor: 'dana',
  action,
  target: 'case:4',
  details: null,
})
