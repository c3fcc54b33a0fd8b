// @vitest-environment jsdom
// Checks of the case forms that held up when a reviewing helper attacked them: kept as regression tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import CaseNewView from '../../renderer/src/views/CaseNewView.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const blank = { template: '<div />' }

async function mountAt(path: string, routes: RouteRecordRaw[]) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [...plugins(), router] }, attachTo: document.body },
  )
  await settle()
  return { wrapper, router }
}

describe('held: aliases in the new-case wizard', () => {
  it('held: says at the alias field why the Survivor step cannot go on when an alias is too long', async () => {
    install({ cases: { create: vi.fn() }, users: { assignable: vi.fn(async () => ok([])) } })
    signIn('caseworker')
    const { wrapper } = await mountAt('/cases/new', [
      { path: '/cases', name: 'cases', component: blank },
      { path: '/cases/new', name: 'case-new', component: CaseNewView },
      { path: '/cases/:id', name: 'case-detail', component: blank },
    ])
    const submit = async () => {
      wrapper.get('form').element.requestSubmit()
      await settle()
    }
    await submit() // intake → survivor
    await wrapper.get('[data-testid="field-prs_FirstName"]').setValue('Amina')
    const alias = wrapper.get('[data-testid="survivor-aliases"]')
    await alias.setValue('x'.repeat(201))
    await alias.trigger('keydown', { key: 'Enter' })
    await settle()
    await submit() // Next
    expect(wrapper.get('[data-testid="wizard-step-title"]').text()).toContain('Survivor')
    // Stuck on the step: something there must say why.
    const errors = [...document.querySelectorAll('.field-error, [role="alert"]')].map(
      (node) => node.textContent,
    )
    expect(errors.join(' ').trim()).not.toBe('')
    wrapper.unmount()
  })
})
