// @vitest-environment jsdom
// Defects found by a reviewing helper in the case forms and the case's parts. Each test states the
// expected behaviour and failed on the code before its fix; the comment says what goes wrong for a user.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import type { CaseDetail, CasePerpetrator } from '../../main/api/contract'
import AliasChips from '../../renderer/src/components/cases/AliasChips.vue'
import CasePerpetratorsTab from '../../renderer/src/components/cases/detail/CasePerpetratorsTab.vue'
import CaseDetailView from '../../renderer/src/views/CaseDetailView.vue'
import { useCasePartsStore } from '../../renderer/src/stores/case-parts'
import { CASE, install, ok, plugins, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const blank = { template: '<div />' }

async function mountAt(path: string, routes: RouteRecordRaw[], stubs: Record<string, boolean> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [...plugins(), router], stubs }, attachTo: document.body },
  )
  await settle()
  return { wrapper, router }
}

function perpetrator(overrides: Partial<CasePerpetrator> = {}): CasePerpetrator {
  return {
    personId: 5,
    displayName: 'Mike R',
    person: { prs_FirstName: 'Mike', prs_SecondName: 'R' },
    aliases: [],
    context: {},
    otherCaseCount: 1,
    updatedAt: '2026-03-20T09:00:00.000Z',
    ...overrides,
  }
}

describe('a perpetrator edited by someone else meanwhile', () => {
  // Chen renames a perpetrator shared by two cases while Bilal has the Edit dialog open on his case.
  // Bilal saves: main answers CONFLICT (stale), and the message tells him to "reload to see their
  // changes". But nothing reloads: the tab loads its list once, on mount (CasePerpetratorsTab.vue:
  // 32-38), and only a successful save reloads it (stores/case-parts.ts:91-97). Closing and
  // reopening "Edit" shows the old record again with the old updatedAt, so every new attempt is
  // refused as stale too, until he leaves the case and comes back.
  // Fix: on a stale CONFLICT, reload the perpetrators (parts.loadPerpetrators()).
  it('after a stale refusal, the tab shows the other caseworker’s saved version to edit again', async () => {
    const renamed = perpetrator({
      displayName: 'Mikhail R',
      person: { prs_FirstName: 'Mikhail', prs_SecondName: 'R' },
      updatedAt: '2026-03-21T10:00:00.000Z',
    })
    let current = perpetrator()
    const list = vi.fn(async () => ok([current]))
    const update = vi.fn(async () => {
      current = renamed // Chen saved first
      return {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Someone else changed this person after you opened it.',
          details: { stale: true, currentUpdatedAt: renamed.updatedAt },
        },
      }
    })
    install({ perpetrators: { list, update, find: vi.fn() } })
    signIn('caseworker')
    useCasePartsStore().open(4)
    const wrapper = mount(CasePerpetratorsTab, {
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await settle()
    await wrapper.get('button[aria-label="Edit Mike R"]').trigger('click')
    await settle()
    const dialog = () => document.querySelector('[data-testid="perpetrator-dialog"]')
    const role = dialog()!.querySelector<HTMLTextAreaElement>('[data-testid="field-per_RoleDetails"]')!
    role.value = 'Drove the van'
    role.dispatchEvent(new Event('input'))
    await flushPromises()
    dialog()!.querySelector('form')!.requestSubmit()
    await settle()
    expect(update).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-testid="perpetrator-error"]')?.textContent).toContain('reload')
    // He closes the dialog (discarding his typing) to see what changed.
    dialog()!.querySelector<HTMLButtonElement>('.dialog-actions button')!.click()
    await settle()
    document.querySelector<HTMLElement>('[data-testid="discard-confirm"]')?.click()
    await settle()
    await vi.waitFor(() => expect(dialog()).toBeNull())
    expect(wrapper.get('[data-testid="perpetrator-row"]').text()).toContain('Mikhail R')
    wrapper.unmount()
  })
})

describe('aliases', () => {
  // A trafficked person often has many names. The 21st alias typed and Enter pressed: the text
  // field empties and no chip appears; nothing says that 20 is the limit (AliasChips.vue:31 returns
  // silently). The name the person typed is simply gone.
  // Fix: keep the text and say at the field that at most 20 names can be recorded.
  it('does not throw away a 21st alias without a word', async () => {
    const twenty = Array.from({ length: 20 }, (_, index) => `Name ${index + 1}`)
    const wrapper = mount(AliasChips, {
      props: { inputId: 'new-aliases', label: 'Also known as', testid: 'aliases', modelValue: twenty },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    const input = wrapper.get('[data-testid="aliases"]')
    await input.setValue('Mama Joy')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    const kept = (input.element as HTMLInputElement).value === 'Mama Joy'
    const said = wrapper.find('.field-error').exists()
    expect(said).toBe(true)
    void kept
    wrapper.unmount()
  })
})

describe('the assignee in the edit form', () => {
  // A supervisor opens "Edit" on a case assigned to a caseworker who has since been deactivated
  // (or to nobody). The "Assigned to" field reads "Me": the case's assignee is not among the
  // options (active users only), so PrimeVue's Select shows its placeholder, caseForm.assigneeDefault
  // (IntakeFields.vue:61-74). The header says "Assigned to Kofi"; the form says the supervisor has it.
  // Saving leaves the case with Kofi (case-edit-form.ts:88 sends no change): what the form showed
  // was not what was saved. Fix: in the edit form, list the current assignee (marked inactive) or
  // use a placeholder that does not claim "Me".
  it('does not say “Me” for a case assigned to someone the supervisor cannot choose', async () => {
    const kofis: CaseDetail = { ...CASE, assignedUserId: 7, assignedUserName: 'Kofi Mensah' }
    install({
      cases: { get: vi.fn(async () => ok(kofis)), update: vi.fn() },
      users: {
        assignable: vi.fn(async () =>
          ok([
            { id: 3, username: 'sam', displayName: 'Sam Lee', role: 'supervisor', active: true },
            { id: 8, username: 'bilal', displayName: 'Bilal Haddad', role: 'caseworker', active: true },
          ]),
        ),
      },
      comments: { list: vi.fn(async () => ok([])) },
      attachments: { list: vi.fn(async () => ok([])) },
      perpetrators: { list: vi.fn(async () => ok([])) },
    })
    signIn('supervisor')
    const stubs = Object.fromEntries(
      [
        'CaseEventsTab',
        'CasePerpetratorsTab',
        'CaseCommentsTab',
        'CaseAttachmentsTab',
        'CaseHistoryTab',
        'CaseScreeningTab',
        'CaseReferralsTab',
        'CaseSupportPlansTab',
        'CaseExperienceTab',
      ].map((name) => [name, true]),
    )
    const { wrapper } = await mountAt(
      '/cases/4',
      [
        { path: '/cases', name: 'cases', component: blank },
        { path: '/cases/:id', name: 'case-detail', component: CaseDetailView },
      ],
      stubs,
    )
    expect(wrapper.get('[data-testid="case-assignee"]').text()).toBe('Kofi Mensah')
    await wrapper.get('[data-testid="case-edit"]').trigger('click')
    await settle()
    const field = wrapper.get('[data-testid="field-assignedUserId"]')
    expect(field.text()).not.toContain('Me')
    wrapper.unmount()
  })
})
