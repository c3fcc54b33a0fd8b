// @vitest-environment jsdom
// Case parts hunt (reviewing helper): checks of the Comments and History tabs that held, kept as
// regression tests. Mounted on a real API host over a real encrypted vault.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { channels } from '../../main/api/contract/channels'
import { buildCaseVaultClient } from '../../preload/build-api'
import CaseHistoryTab from '../../renderer/src/components/cases/detail/CaseHistoryTab.vue'
import CaseCommentsTab from '../../renderer/src/components/cases/detail/CaseCommentsTab.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { useCasePartsStore } from '../../renderer/src/stores/case-parts'
import { en } from '../../renderer/src/i18n/en'
import { call } from '../unit/support/temp-vault'
import { createCase, staffedHost } from '../unit/support/case-fixtures'
import { plugins, settle } from './casework-screens-support'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const BILAL = { id: 2, username: 'bilal', displayName: 'Bilal Haddad', role: 'caseworker' } as const

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function onHost(host: Host): ReturnType<typeof vi.fn> {
  const dispatch = vi.fn((channel: string, input: unknown) => host.dispatch(channel, input))
  Object.defineProperty(window, 'casevault', {
    value: buildCaseVaultClient(channels, dispatch, () => () => {}),
    configurable: true,
  })
  useVaultStore().status = {
    state: 'unlocked',
    user: BILAL,
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Network',
  }
  return dispatch
}

describe('the History tab for a caseworker', () => {
  it('says who may read it and asks main for nothing', async () => {
    const { host } = await staffedHost('bilal')
    const { id } = await createCase(host)
    const dispatch = onHost(host)
    const wrapper = mount(CaseHistoryTab, {
      props: { caseId: id, active: true },
      global: { plugins: plugins() },
    })
    await settle()
    expect(wrapper.get('[data-testid="history-not-allowed"]').text()).toBe(en.caseHistory.notAllowed)
    expect(dispatch.mock.calls.map(([channel]) => channel)).not.toContain('audit:list')
    wrapper.unmount()
  })
})

describe('the Comments tab', () => {
  it('adds a comment to the real vault, lists it with its author, and empties the box', async () => {
    const { host } = await staffedHost('bilal')
    const { id } = await createCase(host)
    onHost(host)
    useCasePartsStore().open(id)
    const wrapper = mount(CaseCommentsTab, { global: { plugins: plugins() }, attachTo: document.body })
    await settle()
    await wrapper.get('[data-testid="comment-input"]').setValue('  Needs an interpreter  ')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.findAll('[data-testid="comment"]').map((c) => c.text())).toEqual([
      expect.stringContaining('Needs an interpreter'),
    ])
    expect(wrapper.get('[data-testid="comment"]').text()).toContain('Bilal Haddad')
    expect((wrapper.get('[data-testid="comment-input"]').element as HTMLTextAreaElement).value).toBe('')
    const stored = await call<{ body: string }[]>(host, 'comments:list', { caseId: id })
    expect(stored.map((c) => c.body)).toEqual(['Needs an interpreter'])
    wrapper.unmount()
  })
})
