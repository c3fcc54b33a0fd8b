// @vitest-environment jsdom
// Defects on the perpetrator screens found by a reviewing helper (training and perpetrators hunt).
// Each test failed on the code before its fix; the comment above it says what goes wrong.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { CasePerpetrator } from '../../main/api/contract'
import PerpetratorDialog from '../../renderer/src/components/cases/detail/PerpetratorDialog.vue'
import { useCasePartsStore } from '../../renderer/src/stores/case-parts'
import { install, ok, plugins, settle } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const VIKTOR: CasePerpetrator = {
  personId: 7,
  displayName: 'Viktor Zarubin',
  person: { prs_FirstName: 'Viktor', prs_SecondName: 'Zarubin' },
  aliases: ['Boss'],
  context: { per_RoleInProcess: ['Transporter'] },
  otherCaseCount: 2,
  updatedAt: '2026-04-01T10:00:00.000Z',
}

describe('editing a perpetrator shared by other cases', () => {
  // WHAT: Viktor is linked to this case and to two others (possibly other caseworkers' cases this
  // caseworker cannot open). She opens Edit to correct his name "for this case": the dialog says
  // nothing about the person being shared. On Save, main rewrites the person in all three cases
  // (perpetrator-service.ts update(), by design); she learns only afterwards, if at all, that she
  // changed what two other caseworkers' cases show. The row on the tab says "Also linked to 2
  // other cases", but the dialog where the change is made does not say that a change to the person
  // applies there too.
  // CAUSE: renderer/src/components/cases/detail/PerpetratorDialog.vue never reads
  // editing.otherCaseCount (no notice near the "Person" fieldset).
  it('says that changes to the person apply to the other cases too', async () => {
    install({ perpetrators: { update: vi.fn(async () => ok(VIKTOR)), find: vi.fn() } })
    useCasePartsStore().open(4)
    const wrapper = mount(PerpetratorDialog, {
      props: { open: false, editing: VIKTOR },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    const dialog = document.querySelector('[data-testid="perpetrator-dialog"]')!
    expect(dialog).not.toBeNull()
    expect(dialog.textContent).toContain('Viktor Zarubin')
    expect(dialog.textContent).toMatch(/(2|two) other cases/i)
    wrapper.unmount()
  })
})
