// @vitest-environment jsdom
// Checks on the backup, restore, export, import and first-run screens that the code holds up to:
// kept as regression tests. This part: keyboard and Escape, dialogs,
// and role gating. No double start and leaving mid-operation are in
// operation-screens-running-held.test.ts, refusals and messages in
// operation-screens-refusals-held.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { RollbackCopy } from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupView from '../../renderer/src/views/BackupView.vue'
import BackupRestorePanel from '../../renderer/src/components/backup/BackupRestorePanel.vue'
import BackupRollbackCopies from '../../renderer/src/components/backup/BackupRollbackCopies.vue'
import ExportView from '../../renderer/src/views/ExportView.vue'
import { wait } from './support-jsdom'
import { install as installExport, mountView as mountExportView, signIn } from './export-view-support'
import { ok } from './import-view-support'
import { admin, installClient, makeRouter, plugins } from './operation-screens-support'

async function settle(): Promise<void> {
  await flushPromises()
  await wait(50) // the dialogs' enter and leave transitions
  await flushPromises()
}

describe('held: keyboard, dialogs and roles', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('the plaintext warning closes with Escape, sends nothing, and its × is labelled', async () => {
    const api = installExport(() => ok({ file: '/tmp/x.json', rows: 1, encrypted: false, report: null }))
    signIn('supervisor')
    // Real transitions: PrimeVue binds the dialog's Escape in its enter hook.
    const wrapper = mount(ExportView, {
      global: { plugins: [...plugins()], stubs: { transition: false } },
      attachTo: document.body,
    })
    await flushPromises()
    await wrapper.get('[data-testid="export-plaintext"]').trigger('click')
    await settle()
    const dialog = document.querySelector<HTMLElement>('[data-testid="plaintext-dialog"]')
    expect(dialog).not.toBeNull()
    const close = dialog!.querySelector<HTMLButtonElement>('button[aria-label]')
    expect(close?.getAttribute('aria-label')?.trim()).toBeTruthy()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="plaintext-dialog"]')).toBeNull())
    expect(api.run).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('removing rollback copies: Escape keeps them', async () => {
    const copy: RollbackCopy = {
      name: 'data.before-restore-1',
      movedAsideAt: '2026-03-01T10:00:00.000Z',
      bytes: 4096,
    }
    const backup = {
      rollbackCopies: vi.fn(async () => ok([copy])),
      removeRollbackCopies: vi.fn(async () => ok([])),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const router = makeRouter()
    await router.push('/backup')
    const wrapper = mount(BackupRollbackCopies, {
      global: { plugins: [...plugins(), router], stubs: { transition: false } },
      attachTo: document.body,
    })
    await flushPromises()
    await wrapper.get('[data-testid="rollback-remove"]').trigger('click')
    await settle()
    expect(document.querySelector('[data-testid="rollback-dialog"]')).not.toBeNull()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="rollback-dialog"]')).toBeNull())
    expect(backup.removeRollbackCopies).not.toHaveBeenCalled()
    expect(wrapper.findAll('[data-testid="rollback-bring-back"]')).toHaveLength(1)
    wrapper.unmount()
  })

  it('the Backup screen offers a supervisor the status only: no make, check or restore', async () => {
    const backup = {
      status: vi.fn(async () =>
        ok({
          lastBackupAt: '2026-03-01T10:00:00.000Z',
          warnAfterDays: 7,
          overdue: false,
          failedAutoBackup: null,
        }),
      ),
    }
    installClient({ backup })
    useVaultStore().status = { ...admin, user: { ...admin.user!, role: 'supervisor' } }
    const router = makeRouter()
    await router.push('/backup')
    const wrapper = mount(BackupView, {
      global: { plugins: [...plugins(), router] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(wrapper.get('[data-testid="backup-admin-only"]').text()).toContain('Only an administrator')
    expect(wrapper.find('[data-testid="backup-create"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="verify-run"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="restore-panel"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="rollback-copies"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="backup-status"]').text()).toContain('Last backup')
    wrapper.unmount()
  })

  it('the export screen offers a caseworker no export at all, and a supervisor no k setting', async () => {
    installExport(() => ok({ file: null, rows: 0, encrypted: true, report: null }))
    const caseworker = await mountExportView('caseworker')
    expect(caseworker.find('[data-testid="export-run"]').exists()).toBe(false)
    expect(caseworker.find('[data-testid="export-plaintext"]').exists()).toBe(false)
    caseworker.unmount()
    const supervisor = await mountExportView('supervisor')
    expect(supervisor.find('[data-testid="export-org-k"]').exists()).toBe(false)
    supervisor.unmount()
  })

  it('the restore form: every control has a label the keyboard reaches', async () => {
    installClient({ backup: { restore: vi.fn() }, vault: { status: vi.fn() } })
    useVaultStore().status = admin
    const router = makeRouter()
    await router.push('/backup')
    const wrapper = mount(BackupRestorePanel, {
      global: { plugins: [...plugins(), router] },
      attachTo: document.body,
    })
    for (const input of wrapper.findAll('input, textarea')) {
      const id = input.attributes('id')
      expect(id, input.html()).toBeTruthy()
      expect(document.querySelector(`label[for="${id}"]`)?.textContent?.trim(), id).toBeTruthy()
      expect(input.attributes('tabindex')).not.toBe('-1')
    }
    for (const button of wrapper.findAll('button')) expect(button.text().trim()).not.toBe('')
    wrapper.unmount()
  })
})
