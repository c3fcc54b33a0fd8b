// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, type Plugin } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import {
  templateDefinitionSchema,
  type AssessmentDetail,
  type TemplateVersion,
  type TemplateVersionSummary,
} from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import ScreeningNewView from '../../renderer/src/views/ScreeningNewView.vue'
import { screeningFormSchema } from '../../renderer/src/components/screening/screening-form'
import { installMatchMedia, wait } from './support-jsdom'
import shipped from '../../resources/screening/default-template.json'

// PrimeVue's auto-resizing Textarea watches its size; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const definition = templateDefinitionSchema.parse(shipped)
const version: TemplateVersion = {
  id: 1,
  key: definition.key,
  version: 1,
  name: definition.name,
  questionCount: 28,
  isLatest: true,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdByName: null,
  definition,
}
const { definition: _unused, ...summary } = version
void _unused

function install(create: ReturnType<typeof vi.fn>): void {
  const ok = <T>(value: T) => Promise.resolve({ ok: true, value })
  const client = {
    screening: {
      templates: () => ok<TemplateVersionSummary[]>([summary]),
      template: () => ok(version),
      createAssessment: create,
    },
  }
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
}

async function mountForm() {
  const blank = defineComponent({ template: '<p>elsewhere</p>' })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/new', name: 'screening-new', component: ScreeningNewView },
      { path: '/s/:id', name: 'screening-detail', component: blank },
      { path: '/s', name: 'screening', component: blank },
      { path: '/c/:id', name: 'case-detail', component: blank },
    ],
  })
  await router.push('/new')
  const wrapper = mount(ScreeningNewView, {
    attachTo: document.body,
    global: {
      plugins: [createAppI18n(), [PrimeVue, { unstyled: true }], ToastService, router] as [
        Plugin,
        [Plugin, object],
        Plugin,
        Plugin,
      ],
    },
  })
  await flushPromises()
  await wait(20)
  return { wrapper, router }
}

describe('the screening form', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    installMatchMedia()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('renders each question as a labelled radio group with its help text', async () => {
    install(vi.fn())
    const { wrapper } = await mountForm()
    const group = wrapper.get('[data-testid="question-age"]')
    expect(group.element.tagName).toBe('FIELDSET')
    expect(group.get('legend').text()).toContain('age a risk factor')
    expect(group.attributes('aria-describedby')).toBe('help-age')
    expect(group.findAll('input[type="radio"]').map((input) => input.attributes('name'))).toEqual([
      'answer-age',
      'answer-age',
      'answer-age',
      'answer-age',
    ])
    expect(wrapper.get('#help-age').text()).toContain('HTCDS 2.0 example question')
  })

  it('updates the result while answering, and asks for a reason when the judgement differs', async () => {
    const create = vi.fn()
    install(create)
    const { wrapper } = await mountForm()
    expect(wrapper.get('[data-testid="screening-result"]').text()).toContain('Low')
    await wrapper.get('[data-testid="answer-immediateDanger-yes"]').setValue(true)
    await flushPromises()
    const result = wrapper.get('[data-testid="screening-result"]').text()
    expect(result).toContain('High')
    expect(result).toContain('critical question')
    expect(wrapper.get('[data-testid="result-individual"]').text()).toContain('1 (weight 3)')
    expect(wrapper.find('[data-testid="judgement-reason"]').exists()).toBe(false)
  })

  it('refuses a differing judgement without a reason, in the same schema main uses', () => {
    const base = {
      templateId: 1,
      subject: { alias: 'Walk-in' },
      assessedOn: '2026-03-10',
      channel: 'walkIn',
      answers: { immediateDanger: 'yes' },
      nextStep: 'urgentProtection',
    }
    const schema = screeningFormSchema(definition)
    expect(schema.safeParse({ ...base, judgementLevel: 'high' }).success).toBe(true)
    const refused = schema.safeParse({ ...base, judgementLevel: 'low' })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['judgementReason'])
    expect(
      schema.safeParse({ ...base, judgementLevel: 'low', judgementReason: 'Already safe' }).success,
    ).toBe(true)
  })

  it('sends the walk-in, the answers and the suggested next step, then opens the saved screening', async () => {
    const saved = { id: 41 } as AssessmentDetail
    const create = vi.fn(() => Promise.resolve({ ok: true, value: saved }))
    install(create)
    const { wrapper, router } = await mountForm()
    await wrapper.get('[data-testid="subject-alias"]').setValue('Caller 7')
    await wrapper.get('[data-testid="answer-householdDebt-risk"]').setValue(true)
    await wrapper.get('[data-testid="answer-legalStatus-risk"]').setValue(true)
    await flushPromises()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wait(20)
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        templateId: 1,
        channel: 'walkIn',
        subject: expect.objectContaining({ alias: 'Caller 7' }),
        answers: { householdDebt: 'risk', legalStatus: 'risk' },
        nextStep: 'referToServices',
      }),
    )
    expect(router.currentRoute.value.fullPath).toBe('/s/41')
  })

  it('does not send a screening without a name or alias', async () => {
    const create = vi.fn()
    install(create)
    const { wrapper } = await mountForm()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wait(20)
    expect(create).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Give a first name or an alias.')
  })
})
