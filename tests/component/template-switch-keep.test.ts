// @vitest-environment jsdom
// "Keep this template" goes back to the template shown, not to the one picked before (failed
// before its fix). A screener picks a second template, then a third before the second has loaded;
// the third would drop an answer, so the screen asks. "Keep" had switched to the second template,
// which was never shown, and dropped the answer after all (template-switch.ts kept the previous
// value of the picker, not the template on the screen).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import Select from 'primevue/select'
import { templateDefinitionSchema, type TemplateVersion } from '../../main/api/contract'
import ScreeningNewView from '../../renderer/src/views/ScreeningNewView.vue'
import shipped from '../../resources/screening/default-template.json'
import { call } from '../unit/support/temp-vault'
import { staffedHost } from '../unit/support/case-fixtures'
import { currentTemplateId } from '../unit/support/screening-fixtures'
import { settle } from './casework-screens-support'
import { DANA, mountOnHost } from './screening-link-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const definition = templateDefinitionSchema.parse(shipped)

/** A copy of the shipped template without the history-of-abuse question, saved as its own template. */
async function templateWithout(host: Awaited<ReturnType<typeof staffedHost>>['host'], key: string) {
  const copy = structuredClone(definition)
  copy.key = key
  copy.name = key
  copy.sections[0]!.questions = copy.sections[0]!.questions.filter((q) => q.key !== 'historyOfAbuse')
  const saved = await call<TemplateVersion>(host, 'screening:saveTemplate', {
    definition: copy,
    basedOnTemplateId: null,
  })
  return saved.id
}

describe('switching template twice before the first loads, then keeping', () => {
  it('goes back to the template shown, with its answer', async () => {
    const { host } = await staffedHost('dana')
    const adultId = await currentTemplateId(host)
    const secondId = await templateWithout(host, 'second-screening')
    const thirdId = await templateWithout(host, 'third-screening')
    const blank = { template: '<div />' }
    const wrapper = await mountOnHost(
      (channel, input) => host.dispatch(channel, input),
      DANA,
      [
        { path: '/screening', name: 'screening', component: blank },
        { path: '/screening/new', name: 'screening-new', component: ScreeningNewView },
        { path: '/screening/:id', name: 'screening-detail', component: blank },
        { path: '/cases/:id', name: 'case-detail', component: blank },
      ],
      '/screening/new',
    )
    const select = wrapper.findAllComponents(Select)[0]!
    if (select.props('modelValue') !== adultId) {
      select.vm.$emit('update:modelValue', adultId)
      await settle()
    }
    const abuse = '[data-testid="answer-historyOfAbuse-risk"]'
    document.querySelector<HTMLInputElement>(abuse)!.click()
    await settle()
    // The second template is picked, and the third while the second is still loading.
    select.vm.$emit('update:modelValue', secondId)
    await nextTick()
    select.vm.$emit('update:modelValue', thirdId)
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
