// @vitest-environment jsdom
// Keyboard and screen-reader defects on the Directory and Backup screens, from a reviewing
// helper's hunt (the Admin screens' and the app frame's are in a11y-admin-screens.test.ts). Each
// test failed before its fix (the defect is described above it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type {
  DirectoryOrganisation,
  DirectoryService,
  ListServicesInput,
  RollbackCopy,
} from '../../main/api/contract'
import DirectoryView from '../../renderer/src/views/DirectoryView.vue'
import ServiceDialog from '../../renderer/src/components/directory/ServiceDialog.vue'
import BackupRollbackCopies from '../../renderer/src/components/backup/BackupRollbackCopies.vue'
import BackupRestorePanel from '../../renderer/src/components/backup/BackupRestorePanel.vue'
import { useDirectoryStore } from '../../renderer/src/stores/directory'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'
import { makeRouter, mountRestore, refused } from './operation-screens-support'
import { wait } from './support-jsdom'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

function focusKept(): boolean {
  const active = document.activeElement
  return active !== null && active !== document.body && active.isConnected
}
/** Dialogs' enter and leave transitions. */
async function settleDialogs(): Promise<void> {
  await flushPromises()
  await wait(50)
  await flushPromises()
}

const ORGANISATION = {
  id: 1,
  name: 'Northern Law Centre',
  orgType: 'LegalService',
  active: true,
  serviceCount: 1,
  city: 'Manchester',
  phone: null,
  email: null,
  website: null,
} as unknown as DirectoryOrganisation
const SERVICE = {
  id: 7,
  organisationId: 1,
  organisationName: 'Northern Law Centre',
  organisationActive: true,
  name: 'Immigration legal advice',
  serviceTypes: ['Legal'],
  languages: ['en'],
  city: 'Manchester',
  phone: null,
  email: null,
  eligibilityNotes: null,
  active: true,
} as unknown as DirectoryService

describe('directory', () => {
  // A supervisor ticks "Active only", tabs to "Deactivate Immigration legal advice" and presses Enter.
  // Happens: the service is deactivated and, as the list shows active services only, its row
  // (with the focused button) disappears; focus falls to <body>. The next Tab starts at the top of
  // the app. (Deactivating an organisation on a later page of its table does the same.)
  // Who: supervisors and admins keeping the directory with the keyboard or a screen reader.
  // Cause: renderer/src/views/DirectoryView.vue:75-84 (toggle reloads the lists and places no focus).
  // Fix: after the toggle, if the button is gone, focus the next row's toggle, else the services
  // heading (give the h2 tabindex=-1).
  it('keeps the focus in the directory after deactivating a service shown as "active only"', async () => {
    let active = true
    const directory = {
      listServices: vi.fn(async (input: ListServicesInput) =>
        ok(input?.activeOnly && !active ? [] : [{ ...SERVICE, active }]),
      ),
      listOrganisations: vi.fn(async () => ok([ORGANISATION])),
      setServiceActive: vi.fn(async () => {
        active = false
        return ok({ ...SERVICE, active: false })
      }),
    }
    install({ directory })
    signIn('supervisor')
    const wrapper = mount(DirectoryView, { global: { plugins: plugins() }, attachTo: document.body })
    await settle()
    await wrapper.get('[data-testid="directory-active-only"] input').setValue(true)
    await wait(300) // the filters' debounce
    await settle()
    expect(directory.listServices).toHaveBeenLastCalledWith({ activeOnly: true })
    const toggle = wrapper.get('[data-testid="directory-service-toggle"]')
    ;(toggle.element as HTMLElement).focus()
    await toggle.trigger('click')
    await settle()
    expect(directory.setServiceActive).toHaveBeenCalledWith({ id: 7, active: false })
    expect(wrapper.find('[data-testid="directory-service-toggle"]').exists()).toBe(false)
    expect(focusKept()).toBe(true)
    wrapper.unmount()
  })

  // A supervisor adds a service, types its name and presses Enter without picking the organisation.
  // Happens: "This field is required." appears under the organisation picker and the picker gets
  // the focus, marked invalid, but the message is not tied to it: the screen reader says
  // "Organisation, combobox, invalid entry" and not what is wrong. The other directory fields tie
  // their error (DirectoryField.vue:48, :61, :98); the pickers do not.
  // Cause: renderer/src/components/directory/DirectoryOrganisationPicker.vue:15-31 (no id on the
  // error, no aria-describedby on the Select); DirectoryField.vue:65-86 likewise for the country,
  // organisation type, service types and languages pickers.
  // Fix: give the error an id and tie it to the focusable combobox; PrimeVue's Select has no
  // aria-describedby prop, so pass it through :pt (Select: label, MultiSelect: hiddenInput).
  it('ties the “organisation required” message to the organisation picker', async () => {
    const saveService = vi.fn()
    install({ directory: { saveService } })
    signIn('admin')
    useDirectoryStore().organisations = [ORGANISATION]
    const wrapper = mount(ServiceDialog, {
      props: { open: false, editing: null },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    const name = document.querySelector<HTMLInputElement>('[data-testid="directory-field-name"]')!
    name.value = 'Legal advice'
    name.dispatchEvent(new Event('input'))
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="service-dialog"] form')!.requestSubmit()
    await settle()
    expect(saveService).not.toHaveBeenCalled()
    const picker = document.getElementById('directory-organisationId')!
    expect(picker.getAttribute('aria-invalid')).toBe('true')
    const described = (picker.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    expect(described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')).toContain(
      'required',
    )
    wrapper.unmount()
  })
})

describe('backup', () => {
  // An admin, sure the restored vault works, tabs to "Remove these copies", presses Enter, then
  // Tab and Enter on the confirm button (the safe "Keep them" has the focus first).
  // Happens: the copies are removed, the question closes and PrimeVue returns the focus to
  // "Remove these copies", which went with the list: focus is on <body>. The screen reader does
  // not read "The copies were removed" either, as nothing places the user there.
  // Cause: renderer/src/components/backup/BackupRollbackCopies.vue:65-73 (remove() replaces the
  // list and places no focus; the button at :104-113 is inside the v-else at :84 that disappears).
  // Fix: after removal, focus the "removed" line (tabindex=-1) or the section heading.
  it('keeps the focus in the section after removing the rollback copies', async () => {
    const copy: RollbackCopy = {
      name: 'data.before-restore-1',
      movedAsideAt: '2026-03-01T10:00:00.000Z',
      bytes: 4096,
    }
    const backup = {
      rollbackCopies: vi.fn(async () => ok([copy])),
      removeRollbackCopies: vi.fn(async () => ok([])),
    }
    install({ backup })
    signIn('admin')
    const router = makeRouter()
    await router.push('/backup')
    const wrapper = mount(BackupRollbackCopies, {
      global: { plugins: [...plugins(), router], stubs: { transition: false } },
      attachTo: document.body,
    })
    await flushPromises()
    const remove = wrapper.get('[data-testid="rollback-remove"]')
    ;(remove.element as HTMLElement).focus()
    await remove.trigger('click')
    await settleDialogs()
    document.querySelector<HTMLElement>('[data-testid="rollback-confirm"]')!.click()
    await settleDialogs()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="rollback-dialog"]')).toBeNull())
    expect(backup.removeRollbackCopies).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="rollback-none"]').exists()).toBe(true)
    expect(focusKept()).toBe(true)
    wrapper.unmount()
  })

  // Main asks before restoring a backup of another vault; the heading of the question has the
  // focus. The admin tabs to "Keep this vault" (the safe answer) and presses Enter.
  // Happens: the question goes away with the focused button: focus falls to <body>. Nothing is
  // announced; the admin using a screen reader cannot tell whether anything was restored.
  // Cause: renderer/src/components/backup/BackupRestorePanel.vue:78-82 (keepThisVault clears the
  // question, :139-158, and places no focus).
  // Fix: after "Keep", focus the restore heading (tabindex=-1) or the passphrase field, and say
  // "Nothing was restored" in the outcome's status region.
  it('keeps the focus on the restore form after “Keep this vault”', async () => {
    const { wrapper } = await mountRestore(async () =>
      refused('OTHER_VAULT', 'another vault', {
        organisation: 'Riverside Shelter',
        createdAt: '2026-01-10T09:00:00.000Z',
        cases: 12,
      }),
    )
    await flushPromises()
    const keep = wrapper.get('[data-testid="restore-other-vault-keep"]')
    ;(keep.element as HTMLElement).focus()
    await keep.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="restore-other-vault"]').exists()).toBe(false)
    expect(focusKept()).toBe(true)
    wrapper.unmount()
  })

  // An admin fills in the backup passphrase and presses Enter, not having typed the word RESTORE
  // (or having typed it wrongly, e.g. with a typo).
  // Happens: nothing at all. The button is disabled (Tab skips it) and restore() returns
  // silently; no message appears or is announced. The hint under the button is tied only to the
  // disabled button the user cannot reach. (The same pattern was fixed for deleting a case.)
  // Cause: renderer/src/components/backup/BackupRestorePanel.vue:46 returns silently; :120 disables.
  // Fix: on submit without the word, show an error at the word field (role=alert, aria-invalid,
  // aria-describedby) and focus it, as the passphrase field does when empty.
  it('says why Enter did not restore when the confirmation word is missing', async () => {
    const restore = vi.fn()
    install({ backup: { restore }, vault: { status: vi.fn() } })
    signIn('admin')
    const router = makeRouter()
    await router.push('/backup')
    const wrapper = mount(BackupRestorePanel, {
      global: { plugins: [...plugins(), router] },
      attachTo: document.body,
    })
    const before = document.querySelectorAll('[role="alert"]').length
    await wrapper.get('[data-testid="restore-passphrase"]').setValue('the backup passphrase')
    wrapper.get('form').element.requestSubmit()
    await settle()
    expect(restore).not.toHaveBeenCalled()
    expect(document.querySelectorAll('[role="alert"]').length).toBeGreaterThan(before)
    expect(wrapper.get('[data-testid="restore-confirm-word"]').attributes('aria-invalid')).toBe('true')
    wrapper.unmount()
  })
})
