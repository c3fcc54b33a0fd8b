// @vitest-environment jsdom
// A mis-clicked answer can be taken back to "not asked" (a helper's note at stop 20: it could
// only be swapped for another answer, and "Unknown" says the question was asked). Failed before.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import PrimeVue from 'primevue/config'
import QuestionSection from '../../renderer/src/components/screening/QuestionSection.vue'
import { createAppI18n } from '../../renderer/src/i18n'
import type { TemplateSection } from '../../main/api/contract'

const section: TemplateSection = {
  level: 'individual',
  title: 'The person',
  description: '',
  questions: [
    {
      key: 'debt',
      text: 'Does the person owe a debt to the employer?',
      help: '',
      type: 'factor',
      weight: 2,
      critical: true,
      source: 'custom',
    },
  ],
}

afterEach(() => {
  document.body.innerHTML = ''
})

function mountSection(initial: Record<string, string>) {
  const answers = ref<Record<string, string>>(initial)
  const Host = defineComponent(
    () => () =>
      h(QuestionSection, {
        section,
        modelValue: answers.value,
        'onUpdate:modelValue': (value: Record<string, string>) => (answers.value = value),
      }),
  )
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] },
  })
  return { wrapper, answers }
}

describe('a screening question answered by mistake', () => {
  it('can be cleared back to not asked, by a button named for its question, keeping the focus in the group', async () => {
    const { wrapper, answers } = mountSection({ debt: 'risk' })
    const clear = wrapper.get('[data-testid="answer-debt-clear"]')
    expect(clear.element.tagName).toBe('BUTTON')
    expect(clear.attributes('aria-label')).toBe(
      'Clear the answer to: Does the person owe a debt to the employer?',
    )
    await clear.trigger('click')
    await nextTick()
    await flushPromises()
    expect(answers.value).toEqual({})
    expect(wrapper.find('[data-testid="answer-debt-clear"]').exists()).toBe(false)
    expect(document.activeElement?.id).toBe('answer-debt-risk')
    wrapper.unmount()
  })

  it('offers no clear button while the question is unanswered', () => {
    const { wrapper } = mountSection({})
    expect(wrapper.find('[data-testid="answer-debt-clear"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
