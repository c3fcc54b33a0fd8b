// @vitest-environment jsdom
// Checks a reviewing helper tried on the perpetrator finder that hold, kept as regression tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { PerpetratorMatch } from '../../main/api/contract'
import PerpetratorFinder from '../../renderer/src/components/cases/detail/PerpetratorFinder.vue'
import { install, ok, plugins, refused, settle } from './casework-screens-support'
import { wait } from './support-jsdom'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const MATCHES: PerpetratorMatch[] = [
  { personId: 7, displayName: 'Viktor Zarubin', caseCount: 2 },
  { personId: 9, displayName: 'Viktoria Lanz', caseCount: 1 },
]

async function mountFinder(find: ReturnType<typeof vi.fn>) {
  install({ perpetrators: { find } })
  let chosen: PerpetratorMatch | null = null
  const wrapper = mount(PerpetratorFinder, {
    props: {
      modelValue: null,
      'onUpdate:modelValue': (value: PerpetratorMatch | null) => {
        chosen = value
        void wrapper.setProps({ modelValue: value })
      },
    },
    global: { plugins: plugins(), stubs: { transition: false } },
    attachTo: document.body,
  })
  const input = wrapper.get<HTMLInputElement>('[data-testid="perpetrator-find"]')
  ;(input.element as HTMLElement).focus()
  await input.setValue('Vik')
  await wait(260)
  await settle()
  return { wrapper, input, chosen: () => chosen }
}

describe('held: the perpetrator finder by keyboard', () => {
  it('types, arrows down to the second match and takes it with Enter; the count is read out', async () => {
    const find = vi.fn(async () => ok(MATCHES))
    const { wrapper, input, chosen } = await mountFinder(find)
    expect(find).toHaveBeenCalledWith({ query: 'Vik' })
    expect(document.body.textContent).toContain('in 2 cases')
    await input.trigger('keydown', { key: 'ArrowDown', code: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown', code: 'ArrowDown' })
    await input.trigger('keydown', { key: 'Enter', code: 'Enter' })
    await settle()
    expect(chosen()).toEqual(MATCHES[1])
    expect(input.attributes('aria-describedby')).toContain('perp-find-hint')
    wrapper.unmount()
  })

  it('says a failed search failed, not that nobody was found', async () => {
    const find = vi.fn(async () => refused<PerpetratorMatch[]>('LOCKED', 'The vault is locked.'))
    const { wrapper } = await mountFinder(find)
    const error = wrapper.get('[data-testid="perpetrator-find-error"]')
    expect(error.attributes('role')).toBe('alert')
    expect(error.text()).not.toBe('')
    wrapper.unmount()
  })
})
