// @vitest-environment jsdom
// Checks on the backup, restore, export, import and first-run screens that the code holds up to:
// kept as regression tests. This part: no double start, and no errors when a
// screen is left mid-operation. Refusals and messages are in operation-screens-refusals-held.test.ts,
// keyboard, dialogs and roles in operation-screens-keyboard-held.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type {
  ApiResult,
  BackupCheck,
  BackupResult,
  ExportResult,
  ImportReport,
} from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupCreatePanel from '../../renderer/src/components/backup/BackupCreatePanel.vue'
import FirstRestorePanel from '../../renderer/src/components/backup/FirstRestorePanel.vue'
import { install as installExport, KEY, mountView as mountExportView, useKeys } from './export-view-support'
import {
  choose,
  install as installImport,
  mountView as mountImportView,
  ok,
  preview,
  report,
} from './import-view-support'
import { admin, installClient, makeRouter, plugins, refused, value } from './operation-screens-support'

function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

describe('held: one operation per Start, even when pressed twice', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('backup: a second press while the first backup runs starts nothing; progress and Cancel are labelled', async () => {
    const answer = deferred<ApiResult<BackupResult>>()
    const backup = {
      create: vi.fn(() => answer.promise),
      status: vi.fn(async () =>
        ok({ lastBackupAt: null, warnAfterDays: 7, overdue: true, failedAutoBackup: null }),
      ),
      cancel: vi.fn(async () => ok(true)),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const wrapper = mount(BackupCreatePanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await wrapper.get('[data-testid="backup-protection-keys"]').setValue(true)
    await wrapper.get('[data-testid="backup-recipients"]').setValue(KEY)
    await wrapper.get('[data-testid="backup-create"]').trigger('click')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="backup-result-progress"]').attributes('aria-label')).toBe('Progress')
    expect(wrapper.get('[data-testid="backup-result-cancel"]').text()).toBe('Cancel')
    answer.resolve(ok({ file: '/media/usb/b.cvbackup', counts: { cases: 1 }, sameDriveAsVault: false }))
    await flushPromises()
    expect(wrapper.find('[data-testid="backup-result-progress"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('export: a second press while the export runs starts nothing', async () => {
    const answer = deferred<ApiResult<ExportResult>>()
    const api = installExport(() => ({ ok: true, value: null as unknown as ExportResult }))
    api.run.mockImplementation(() => answer.promise)
    const wrapper = await mountExportView('supervisor')
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wrapper.get('[data-testid="export-plaintext"]').trigger('click')
    await flushPromises()
    expect(api.run).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-testid="plaintext-dialog"]')).toBeNull()
    answer.resolve(ok({ file: '/tmp/x.json.age', rows: 1, encrypted: true, report: null }))
    await flushPromises()
    wrapper.unmount()
  })

  it('import: a second click on Import while it runs imports nothing twice', async () => {
    const answer = deferred<ApiResult<ImportReport>>()
    const api = installImport([ok(preview())], [answer.promise])
    const wrapper = await mountImportView()
    await choose(wrapper)
    await wrapper.get('[data-testid="import-run"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="import-run"]').trigger('click')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledTimes(1)
    expect(api.preview).toHaveBeenCalledTimes(1)
    answer.resolve(ok(report({ dryRun: false, imported: 2 })))
    await flushPromises()
    wrapper.unmount()
  })

  it('first-run restore: a second press starts nothing, and Back waits while it runs', async () => {
    const answer = deferred<ApiResult<BackupCheck>>()
    const backup = {
      restoreFirst: vi.fn(() => answer.promise),
      cancelRestoreFirst: vi.fn(async () => ok(true)),
    }
    installClient({ backup, vault: { status: vi.fn(async () => ok({ ...admin, state: 'locked' })) } })
    const router = makeRouter()
    await router.push('/setup')
    const wrapper = mount(FirstRestorePanel, {
      global: { plugins: [...plugins(), router] },
      attachTo: document.body,
    })
    await wrapper.get('[data-testid="first-restore-passphrase"]').setValue('old backup passphrase')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.restoreFirst).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="first-restore-back"]').attributes('disabled')).toBeDefined()

    await wrapper.get('[data-testid="first-restore-result-cancel"]').trigger('click')
    await flushPromises()
    expect(backup.cancelRestoreFirst).toHaveBeenCalledTimes(1)
    answer.resolve(refused('CANCELLED'))
    await flushPromises()
    expect(wrapper.get('[data-testid="first-restore-error"]').text()).toBe(
      'Cancelled. Nothing was written and nothing was changed.',
    )
    // What was typed is still there for another try.
    expect(value(wrapper, 'first-restore-passphrase')).toBe('old backup passphrase')
    expect(router.currentRoute.value.name).toBe('setup')
    wrapper.unmount()
  })
})

describe('held: leaving a screen mid-operation', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('import: the answer arriving after the screen is gone raises no error', async () => {
    const answer = deferred<ApiResult<ImportReport>>()
    installImport([ok(preview())], [answer.promise])
    const escaped: unknown[] = []
    const wrapper = await mountImportView()
    wrapper.vm.$.appContext.config.errorHandler = (error) => void escaped.push(error)
    await choose(wrapper)
    await wrapper.get('[data-testid="import-run"]').trigger('click')
    await flushPromises()
    wrapper.unmount()
    answer.resolve(ok(report({ dryRun: false, imported: 2 })))
    await flushPromises()
    expect(escaped).toEqual([])
  })

  it('backup: a failure arriving after the panel is gone raises no error', async () => {
    const answer = deferred<ApiResult<BackupResult>>()
    const backup = { create: vi.fn(() => answer.promise), status: vi.fn(), cancel: vi.fn() }
    installClient({ backup })
    useVaultStore().status = admin
    const escaped: unknown[] = []
    const wrapper = mount(BackupCreatePanel, {
      global: { plugins: [...plugins()], config: { errorHandler: (error) => void escaped.push(error) } },
      attachTo: document.body,
    })
    await wrapper.get('[data-testid="backup-protection-keys"]').setValue(true)
    await wrapper.get('[data-testid="backup-recipients"]').setValue(KEY)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    wrapper.unmount()
    answer.resolve(refused('DISK_FULL'))
    await flushPromises()
    expect(escaped).toEqual([])
  })
})
