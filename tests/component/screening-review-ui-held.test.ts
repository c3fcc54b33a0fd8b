// @vitest-environment jsdom
// Screening screens: checks that held during a reviewing helper's hunt, kept as regression tests
// (defects found are in screening-review-ui.test.ts).
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { templateDefinitionSchema, type TemplateVersion } from '../../main/api/contract'
import AnswersList from '../../renderer/src/components/screening/AnswersList.vue'
import QuestionSection from '../../renderer/src/components/screening/QuestionSection.vue'
import TemplatePreview from '../../renderer/src/components/screening/TemplatePreview.vue'
import shipped from '../../resources/screening/default-template.json'
import { plugins } from './casework-screens-support'

afterEach(() => {
  document.body.innerHTML = ''
})

// A template is data a supervisor types: markup in it must be shown as text, never run or rendered.
const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>bold</b>'
const definition = templateDefinitionSchema.parse(shipped)
const hostile = structuredClone(definition)
hostile.sections[0]!.title = HOSTILE
hostile.sections[0]!.questions[0]!.text = HOSTILE
hostile.sections[0]!.questions[0]!.help = HOSTILE
const version: TemplateVersion = {
  id: 1,
  key: hostile.key,
  version: 1,
  name: HOSTILE,
  questionCount: 28,
  isLatest: true,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdByName: null,
  definition: hostile,
}

describe('held: markup in a template is shown as text', () => {
  it('in the preview, the screening form and the saved answers', () => {
    const wrappers = [
      mount(TemplatePreview, {
        props: { template: version },
        global: { plugins: plugins() },
        attachTo: document.body,
      }),
      mount(QuestionSection, {
        props: { section: hostile.sections[0]!, modelValue: {} },
        global: { plugins: plugins() },
        attachTo: document.body,
      }),
      mount(AnswersList, {
        props: { template: hostile, answers: { immediateDanger: HOSTILE } },
        global: { plugins: plugins() },
        attachTo: document.body,
      }),
    ]
    expect(document.querySelectorAll('img, b')).toHaveLength(0)
    expect(document.body.textContent).toContain(HOSTILE)
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
    for (const wrapper of wrappers) wrapper.unmount()
  })
})
