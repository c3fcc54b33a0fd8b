// @vitest-environment jsdom
// What the backup, restore, export, import and first-run screens say when main refuses, and what
// they keep. Found by a reviewing helper; each test failed before its fix. This half: "already
// running" read as a username clash, a stale "file changed" warning, a silent "Try again", a
// Cancel stuck on "Cancelling…", and automatic-backup settings saved over with the form's defaults
// when they could not be read. A backup file's own refusals are in
// operation-screen-backup-messages.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiResult, BackupCheck, BackupResult, VaultStatus } from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupCreatePanel from '../../renderer/src/components/backup/BackupCreatePanel.vue'
import BackupAutoPanel from '../../renderer/src/components/backup/BackupAutoPanel.vue'
import SetupView from '../../renderer/src/views/SetupView.vue'
import { install as installExport, mountView as mountExportView, useKeys } from './export-view-support'
import {
  choose,
  install as installImport,
  mountView as mountImportView,
  ok,
  preview,
} from './import-view-support'
import { admin, installClient, makeRouter, mountRestore, plugins, refused } from './operation-screens-support'

describe('"already running", not a username clash', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // The screens do not stop or remember an operation when the user leaves them (no route-leave
  // guard, no state kept across mounts): an admin starts a long backup, opens Cases, comes back
  // and presses the button again. Main refuses: CONFLICT { operation: 'backup' } "This is already
  // running" (main/api/operations.ts:24; also live-snapshot.ts:46 "Another backup is being made").
  // The screen says "This clashes with something that already exists, for example a username that
  // is taken." It should say a backup is already being made and to wait for it to finish.
  // Cause: renderer/src/i18n/error-message.ts:13 knows only errors.<CODE>, and no screen reads
  // details.operation.
  it('backup: says a backup is already being made, not that a username is taken', async () => {
    const backup = {
      create: vi.fn(async () =>
        refused<BackupResult>('CONFLICT', 'This is already running. Wait for it to finish.', {
          operation: 'backup',
        }),
      ),
      status: vi.fn(async () =>
        ok({ lastBackupAt: null, warnAfterDays: 7, overdue: true, failedAutoBackup: null }),
      ),
      cancel: vi.fn(async () => ok(true)),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const wrapper = mount(BackupCreatePanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await wrapper.get('[data-testid="backup-protection-keys"]').setValue(true)
    await wrapper
      .get('[data-testid="backup-recipients"]')
      .setValue('age1z5vgv3q0ss2u3g90534hgv8geqkfp452775zeeqp775r4szh9u0qzmadhq')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).toHaveBeenCalledTimes(1)
    const text = wrapper.get('[data-testid="backup-error"]').text()
    expect(text).not.toContain('username')
    expect(text.toLowerCase()).toMatch(/already|running|being made|finish/)
    wrapper.unmount()
  })

  it('export: says an export is already running, not that a username is taken', async () => {
    installExport(() =>
      refused('CONFLICT', 'This is already running. Wait for it to finish.', { operation: 'export' }),
    )
    const wrapper = await mountExportView('supervisor')
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const text = wrapper.get('[data-testid="export-error"]').text()
    expect(text).not.toContain('username')
    expect(text.toLowerCase()).toMatch(/already|running|finish/)
    wrapper.unmount()
  })

  it('import: says an import is already running, not that a username is taken', async () => {
    installImport([
      refused('CONFLICT', 'This is already running. Wait for it to finish.', { operation: 'import' }),
    ])
    const wrapper = await mountImportView()
    await choose(wrapper)
    const text = wrapper.get('[data-testid="import-error"]').text()
    expect(text).not.toContain('username')
    expect(text.toLowerCase()).toMatch(/already|running|finish/)
    wrapper.unmount()
  })
})

describe('no stale or missing feedback', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // A caseworker imports a CSV; main finds the file changed since its dry run, the screen re-checks
  // it and shows "The file was changed after it was checked … Below is the check of the file as it
  // is now". The caseworker then switches the format to HTCDS JSON: the check below is cleared
  // (renderer/src/views/ImportView.vue:51-56) but the warning stays, pointing at a check that is no
  // longer there and at a file that is no longer chosen. The format watcher should reset
  // changedNotice too.
  it('import: drops the “file changed” warning once another format is chosen and the check is gone', async () => {
    installImport(
      [ok(preview()), ok(preview())],
      [refused('CONFLICT', 'The file changed after it was checked.', { file: 'changed' })],
    )
    const wrapper = await mountImportView()
    await choose(wrapper)
    await wrapper.get('[data-testid="import-run"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="import-file-changed"]').exists()).toBe(true)

    await wrapper.get('[data-testid="import-format-htcds-json"]').setValue(true)
    await flushPromises()
    expect(wrapper.find('[data-testid="import-dry-run-heading"]').exists()).toBe(false)
    expect(wrapper.find('#import-dry-run-heading').exists()).toBe(false)
    expect(wrapper.find('[data-testid="import-file-changed"]').exists()).toBe(false)
    wrapper.unmount()
  })

  // On the first-run screen after a restore was cut short, the person presses "Try again" and
  // main's status call fails (INTERNAL, or the IPC call is refused). SetupView.retryRestore
  // (renderer/src/views/SetupView.vue:31-39) has try/finally but no catch: nothing is shown, the
  // spinner just stops, and the rejection escapes to Vue's error handler. The screen should say
  // that trying again did not work, in the app's words.
  it('first run: says so when “Try again” after a cut-short restore fails', async () => {
    const unfinished: VaultStatus = {
      state: 'absent',
      user: null,
      settings: null,
      organisation: null,
      restoreUnfinished: true,
    }
    installClient({
      vault: { status: vi.fn(async () => refused<VaultStatus>('INTERNAL', 'boom')) },
    })
    useVaultStore().status = unfinished
    const router = makeRouter()
    await router.push('/setup')
    const escaped: unknown[] = []
    const wrapper = mount(SetupView, {
      global: {
        plugins: [...plugins(), router],
        config: { errorHandler: (error) => void escaped.push(error) },
      },
      attachTo: document.body,
    })
    await wrapper.get('[data-testid="restore-unfinished-retry"]').trigger('click')
    await flushPromises()
    expect(escaped).toEqual([])
    expect(wrapper.get('[data-testid="restore-unfinished"]').text()).toContain(
      'Something went wrong inside CaseVault',
    )
    wrapper.unmount()
  })

  // While a restore runs, the admin presses Cancel just as main has passed the point of no return
  // (the folder swap: main/api/operations.ts:63-66 answers false, "committed"). The button then
  // says "Cancelling…" and stays disabled (renderer/src/components/OperationProgress.vue:38-41 only
  // resets on a rejected call), although nothing is being cancelled: the restore goes on. After
  // main says false, the screen should stop claiming to cancel (e.g. "It can no longer be stopped").
  it('restore: does not keep saying “Cancelling…” when main answers that it can no longer stop', async () => {
    let answer: (result: ApiResult<BackupCheck>) => void = () => {}
    const pending = new Promise<ApiResult<BackupCheck>>((resolve) => (answer = resolve))
    const { wrapper } = await mountRestore(
      () => pending,
      async () => ok(false),
    )
    const cancel = () => wrapper.get('[data-testid="restore-result-cancel"]')
    await cancel().trigger('click')
    await flushPromises()
    expect(cancel().text()).not.toBe('Cancelling…')
    answer(refused('CANCELLED', 'x'))
    await flushPromises()
    wrapper.unmount()
  })
})

describe('no data lost', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // An admin opens Backup while main cannot read the automatic-backup settings for a moment
  // (any refusal: INTERNAL, FILE_UNAVAILABLE…). The panel shows the error but keeps the form live
  // with defaults: off, no keys, keep 10 (renderer/src/components/backup/BackupAutoPanel.vue:29-35,
  // 46-52). Pressing "Save automatic backup settings" (e.g. to change only "Backups to keep") sends
  // { enabled: false, recipients: [], keep: 10 }: automatic backups are switched off and the
  // organisation's public keys erased, with "Saved." shown. Save should wait until the real
  // settings have been read (or be refused with a message).
  it('auto backup: does not overwrite the saved settings with defaults when they could not be read', async () => {
    const backup = {
      autoStatus: vi.fn(async () => refused('INTERNAL', 'could not read')),
      updateAuto: vi.fn(async (input: { enabled: boolean; recipients: string[]; keep: number }) =>
        ok({ ...input, folder: null, sameDriveAsVault: false, lastRunAt: null, lastFailure: null }),
      ),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const wrapper = mount(BackupAutoPanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="backup-auto-error"]').exists()).toBe(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.updateAuto).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
