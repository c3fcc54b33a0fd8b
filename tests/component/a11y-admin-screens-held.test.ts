// @vitest-environment jsdom
// Keyboard, screen-reader, wording and data-safety checks on the Admin, Directory, Import and
// Backup screens that the code holds up to, from a reviewing helper's hunt: kept as regression
// tests. The defects found are in a11y-admin-screens.test.ts and a11y-directory-backup.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { DirectoryService, UserSummary } from '../../main/api/contract'
import AdminUsersView from '../../renderer/src/views/AdminUsersView.vue'
import AdminSettingsView from '../../renderer/src/views/AdminSettingsView.vue'
import AdminView from '../../renderer/src/views/AdminView.vue'
import AddUserDialog from '../../renderer/src/components/users/AddUserDialog.vue'
import ResetPassphraseDialog from '../../renderer/src/components/users/ResetPassphraseDialog.vue'
import OrganisationDialog from '../../renderer/src/components/directory/OrganisationDialog.vue'
import ImportMappingTable from '../../renderer/src/components/import/ImportMappingTable.vue'
import BackupSettingsForm from '../../renderer/src/components/backup/BackupSettingsForm.vue'
import { useDirectoryStore } from '../../renderer/src/stores/directory'
import { deferred, install, ok, plugins, refused, settle, signIn } from './casework-screens-support'
import { wait } from './support-jsdom'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const account = (id: number, username: string, role: UserSummary['role'] = 'caseworker'): UserSummary => ({
  id,
  username,
  displayName: username,
  role,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
})
const escape = () =>
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
function type(selector: string, text: string): void {
  const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input'))
}
const describedText = (element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')

describe('held: users', () => {
  it('deactivate asks first: Cancel has the focus, Escape deactivates nobody and gives the focus back', async () => {
    const deactivate = vi.fn()
    install({
      users: { list: vi.fn(async () => ok([account(3, 'sam', 'admin'), account(5, 'kim')])), deactivate },
    })
    signIn('admin')
    const wrapper = mount(AdminUsersView, {
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await settle()
    // Each row's buttons say whose account they act on; one's own account cannot be acted on here.
    const opener = wrapper.get('button[aria-label="Deactivate kim"]')
    expect(wrapper.get('[data-testid="deactivate-sam"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="reset-sam"]').attributes('disabled')).toBeDefined()
    ;(opener.element as HTMLElement).focus()
    await opener.trigger('click')
    await settle()
    await vi.waitFor(() =>
      expect(document.activeElement?.getAttribute('data-testid')).toBe('deactivate-cancel'),
    )
    escape()
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="deactivate-dialog"]')).toBeNull())
    expect(deactivate).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(opener.element)
    wrapper.unmount()
  })

  it('a refused new user keeps everything typed and says why in words', async () => {
    install({ users: { create: vi.fn(async () => refused('FORBIDDEN', 'Only admins')) } })
    signIn('admin')
    const wrapper = mount(AddUserDialog, {
      props: { visible: false, 'onUpdate:visible': (open: boolean) => wrapper.setProps({ visible: open }) },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    type('[data-testid="user-username"]', 'kim')
    type('[data-testid="user-display-name"]', 'Kim Park')
    const role = document.querySelector<HTMLSelectElement>('[data-testid="user-role"]')!
    role.value = 'supervisor'
    role.dispatchEvent(new Event('change'))
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
      input.value = 'quiet walnut ferry orbit 1987'
      input.dispatchEvent(new Event('input'))
    }
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="add-user-dialog"] form')!.requestSubmit()
    await settle()
    const error = document.querySelector('[data-testid="user-form-error"]')!
    expect(error.getAttribute('role')).toBe('alert')
    expect(error.textContent).toContain('Your role does not allow this action.')
    expect(document.querySelector<HTMLInputElement>('[data-testid="user-username"]')!.value).toBe('kim')
    expect(document.querySelector<HTMLInputElement>('[data-testid="user-display-name"]')!.value).toBe(
      'Kim Park',
    )
    expect(role.value).toBe('supervisor')
    expect(document.querySelector('[data-testid="add-user-dialog"]')).not.toBeNull()
    wrapper.unmount()
  })

  it('a reset refused for one’s own account points to “Change passphrase”, in words', async () => {
    const resetPassphrase = vi.fn(async () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'own', details: { ownAccount: true } },
    }))
    install({ users: { resetPassphrase } })
    signIn('admin')
    const wrapper = mount(ResetPassphraseDialog, {
      props: { user: null },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ user: account(5, 'kim') })
    await settle()
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
      input.value = 'quiet walnut ferry orbit 1987'
      input.dispatchEvent(new Event('input'))
    }
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="reset-passphrase-dialog"] form')!.requestSubmit()
    await settle()
    expect(resetPassphrase).toHaveBeenCalledWith({
      username: 'kim',
      newPassphrase: 'quiet walnut ferry orbit 1987',
    })
    expect(document.querySelector('[data-testid="reset-error"]')?.textContent).toContain('Change passphrase')
    expect(document.querySelector('[data-testid="reset-passphrase-dialog"]')).not.toBeNull()
    wrapper.unmount()
  })
})

describe('held: admin area', () => {
  it('the Admin sections are a labelled navigation; the open one is marked aria-current', async () => {
    signIn('admin')
    const blank = { template: '<div />' }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        {
          path: '/admin',
          name: 'admin',
          component: AdminView,
          meta: { roles: ['admin', 'supervisor'] },
          children: [
            { path: 'users', name: 'admin-users', component: blank, meta: { roles: ['admin'] } },
            { path: 'settings', name: 'admin-settings', component: blank, meta: { roles: ['admin'] } },
            { path: 'audit', name: 'admin-audit', component: blank, meta: { roles: ['admin'] } },
          ],
        },
      ],
    })
    await router.push('/admin/settings')
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [...plugins(), router] } })
    await settle()
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Admin sections')
    const current = wrapper.findAll('a[aria-current="page"]')
    expect(current.map((link) => link.text())).toEqual(['Settings'])
    wrapper.unmount()
  })

  it('settings: a refused save keeps the typed minutes and says why', async () => {
    const vault = {
      getSettings: vi.fn(async () => ok({ autoLockMinutes: 10 })),
      updateSettings: vi.fn(async () => refused('LOCKED', 'locked')),
    }
    install({ vault })
    signIn('admin')
    const wrapper = mount(AdminSettingsView, { global: { plugins: plugins() }, attachTo: document.body })
    await settle()
    await wrapper.get('[data-testid="settings-autolock"]').setValue('25')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="settings-error"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="settings-error"]').text()).toContain('The vault is locked')
    expect((wrapper.get('[data-testid="settings-autolock"]').element as HTMLInputElement).value).toBe('25')
    wrapper.unmount()
  })
})

describe('held: directory', () => {
  const SERVICE = (name: string) => ({ id: 7, name, active: true }) as unknown as DirectoryService

  it('a slower earlier search does not overwrite the newer one', async () => {
    const first = deferred<ReturnType<typeof ok<DirectoryService[]>>>()
    const listServices = vi
      .fn()
      .mockImplementationOnce(() => first.promise)
      .mockImplementationOnce(async () => ok([SERVICE('Newer answer')]))
    install({ directory: { listServices } })
    const store = useDirectoryStore()
    const older = store.loadServices({ activeOnly: false, query: 'leg' })
    await store.loadServices({ activeOnly: false, query: 'legal' })
    first.resolve(ok([SERVICE('Older answer')]))
    await older
    expect(store.services.map((service) => service.name)).toEqual(['Newer answer'])
  })

  it('an organisation refused by main keeps what was typed; a bad email is tied to its field', async () => {
    const saveOrganisation = vi.fn(async () => refused('LOCKED', 'locked'))
    install({ directory: { saveOrganisation } })
    signIn('admin')
    const wrapper = mount(OrganisationDialog, {
      props: { open: false, editing: null },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    type('[data-testid="directory-field-name"]', 'Riverside Shelter')
    type('[data-testid="directory-field-email"]', 'not-an-email')
    await settle()
    const form = document.querySelector<HTMLFormElement>('[data-testid="organisation-dialog"] form')!
    form.requestSubmit()
    await settle()
    const email = document.querySelector<HTMLInputElement>('[data-testid="directory-field-email"]')!
    expect(saveOrganisation).not.toHaveBeenCalled()
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(email).trim()).not.toBe('')
    expect(document.activeElement).toBe(email)
    type('[data-testid="directory-field-email"]', 'help@riverside.example')
    await settle()
    form.requestSubmit()
    await settle()
    expect(saveOrganisation).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-testid="organisation-error"]')?.textContent).toContain('locked')
    expect(document.querySelector<HTMLInputElement>('[data-testid="directory-field-name"]')!.value).toBe(
      'Riverside Shelter',
    )
    expect(email.value).toBe('help@riverside.example')
    wrapper.unmount()
  })
})

describe('held: import and backup forms', () => {
  it('column mapping: a captioned table, row headers, one labelled select per column, clashes tied', async () => {
    const wrapper = mount(ImportMappingTable, {
      props: {
        format: 'htcds-csv',
        headers: ['Nom', 'Prénom'],
        targets: ['prs_FirstName', 'prs_Gender'],
        modelValue: { Nom: 'prs_FirstName', Prénom: 'prs_FirstName' },
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    expect(wrapper.get('caption').text()).not.toBe('')
    expect(wrapper.findAll('thead th[scope="col"]')).toHaveLength(2)
    expect(wrapper.findAll('tbody th[scope="row"]').map((th) => th.text())).toEqual(['Nom', 'Prénom'])
    const select = wrapper.get('[data-testid="import-map-Nom"]')
    expect(select.attributes('aria-label')).toContain('Nom')
    expect(select.attributes('aria-invalid')).toBe('true')
    expect(describedText(select.element)).toContain('Prénom')
    wrapper.unmount()
  })

  it('backup reminder days: an out-of-range value is said at the field, focused, nothing sent', async () => {
    const updateSettings = vi.fn()
    install({ backup: { updateSettings } })
    signIn('admin')
    const wrapper = mount(BackupSettingsForm, { global: { plugins: plugins() }, attachTo: document.body })
    await wrapper.get('[data-testid="backup-warn-days"]').setValue('0')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wait(10)
    const input = wrapper.get('[data-testid="backup-warn-days"]')
    expect(updateSettings).not.toHaveBeenCalled()
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(describedText(input.element)).toContain('Enter 1 or more.')
    expect(document.activeElement).toBe(input.element)
    // The save button stays enabled, so Enter always answers.
    expect(wrapper.get('[data-testid="backup-settings-save"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })
})
