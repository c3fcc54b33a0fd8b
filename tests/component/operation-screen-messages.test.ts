// @vitest-environment jsdom
// What the backup, restore, export, import and first-run screens say when main refuses, and what
// they keep. Found by a reviewing helper; each test failed before its fix: main names a backup's
// damaged parts and a newer backup with the vault's own codes (the screens then said the vault in
// use was damaged), "already running" read as a username clash, a stale "file changed" warning,
// a silent "Try again", a Cancel stuck on "Cancelling…", and automatic-backup settings saved over
// with the form's defaults when they could not be read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { Plugin } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type {
  ApiResult,
  BackupCheck,
  BackupResult,
  ErrorCode,
  RollbackCopy,
  VaultStatus,
} from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupVerifyPanel from '../../renderer/src/components/backup/BackupVerifyPanel.vue'
import BackupRestorePanel from '../../renderer/src/components/backup/BackupRestorePanel.vue'
import BackupCreatePanel from '../../renderer/src/components/backup/BackupCreatePanel.vue'
import BackupAutoPanel from '../../renderer/src/components/backup/BackupAutoPanel.vue'
import BackupRollbackCopies from '../../renderer/src/components/backup/BackupRollbackCopies.vue'
import SetupView from '../../renderer/src/views/SetupView.vue'
import { installMatchMedia } from './support-jsdom'
import { install as installExport, mountView as mountExportView, useKeys } from './export-view-support'
import {
  choose,
  install as installImport,
  mountView as mountImportView,
  ok,
  preview,
} from './import-view-support'

installMatchMedia()
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const admin: VaultStatus = {
  state: 'unlocked',
  user: { id: 1, username: 'amina.admin', displayName: 'Amina Okafor', role: 'admin' },
  settings: { autoLockMinutes: 10 },
  organisation: 'Safe Harbour Network',
}
const refused = <T>(code: ErrorCode, message: string, details?: Record<string, unknown>): ApiResult<T> => ({
  ok: false,
  error: { code, message, ...(details ? { details } : {}) },
})

function installClient(client: Record<string, unknown>): void {
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
}

function makeRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/backup', name: 'backup', component: { template: '<div />' } },
      { path: '/setup', name: 'setup', component: { template: '<div />' } },
      { path: '/unlock', name: 'unlock', component: { template: '<div />' } },
      { path: '/cases', name: 'cases', component: { template: '<div />' } },
    ],
  })
}

const plugins = (): (Plugin | [Plugin, ...unknown[]])[] => [createAppI18n(), [PrimeVue, { unstyled: true }]]

async function mountVerify(answer: ApiResult<BackupCheck>) {
  const backup = { verify: vi.fn(async () => answer), cancel: vi.fn(async () => ok(true)) }
  installClient({ backup })
  useVaultStore().status = admin
  const wrapper = mount(BackupVerifyPanel, {
    global: { plugins: [...plugins()] },
    attachTo: document.body,
  })
  await wrapper.get('[data-testid="verify-passphrase"]').setValue('the backup passphrase')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return { wrapper, backup }
}

async function mountRestore(
  restore: () => Promise<ApiResult<BackupCheck>>,
  cancel?: () => Promise<ApiResult<boolean>>,
) {
  const backup = {
    restore: vi.fn(restore),
    cancel: vi.fn(cancel ?? (async () => ok(true))),
  }
  const vault = { status: vi.fn(async () => ok(admin)) }
  installClient({ backup, vault })
  useVaultStore().status = admin
  const router = makeRouter()
  await router.push('/backup')
  const wrapper = mount(BackupRestorePanel, {
    global: { plugins: [...plugins(), router] },
    attachTo: document.body,
  })
  await wrapper.get('[data-testid="restore-confirm-word"]').setValue('RESTORE')
  await wrapper.get('[data-testid="restore-passphrase"]').setValue('the backup passphrase')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return { wrapper, backup, router }
}

describe('backup screen messages for a backup file main refused', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // An admin checks a backup made by a newer CaseVault (e.g. at head office). Main refuses it with
  // SCHEMA_TOO_NEW ("This backup was made by a newer CaseVault", main/core/backup/verify-backup.ts:34).
  // The screen says "This vault was last opened by a newer version of CaseVault. Install that
  // version … to open it": it speaks of the admin's own vault, which is fine. It should say that
  // the BACKUP was made by a newer CaseVault and that this vault is unchanged. Cause: every error
  // is shown as errors.<CODE> (renderer/src/i18n/error-message.ts:13); the backup panels have no
  // backup-specific wording for the codes main shares with the vault (cf. import-error.ts).
  it('names the backup, not this vault, when a backup was made by a newer CaseVault (verify)', async () => {
    const { wrapper } = await mountVerify(
      refused('SCHEMA_TOO_NEW', 'This backup was made by a newer CaseVault. Update the app first.', {
        backupSchema: 99,
        appSchema: 12,
      }),
    )
    const text = wrapper.get('[data-testid="verify-error"]').text()
    expect(text).not.toContain('This vault was last opened')
    expect(text.toLowerCase()).toContain('backup')
    wrapper.unmount()
  })

  // Same for a restore: the admin reads that the vault they are working in "was last opened by a
  // newer version" and might stop using it or reinstall, while nothing is wrong with it.
  it('names the backup, not this vault, when a restore is refused as made by a newer CaseVault', async () => {
    const { wrapper } = await mountRestore(async () =>
      refused('SCHEMA_TOO_NEW', 'This backup was made by a newer CaseVault. Update the app first.'),
    )
    const text = wrapper.get('[data-testid="restore-error"]').text()
    expect(text).not.toContain('This vault was last opened')
    expect(text.toLowerCase()).toContain('backup')
    wrapper.unmount()
  })

  // An admin checks a backup whose key part is damaged. Main throws CORRUPT_HEADER "The backup’s
  // key file is damaged." (main/core/backup/backup-key.ts:50,55). The screen shows errors.CORRUPT_HEADER:
  // "The vault settings file (vault.json) is damaged … Restore it from a backup, or unlock with the
  // recovery key": it tells the admin their OWN vault is broken. It should say the backup file is
  // damaged and the vault is unchanged (as errors.BACKUP_DAMAGED does).
  it('says the backup is damaged, not vault.json, when the backup’s key part is damaged (verify)', async () => {
    const { wrapper } = await mountVerify(refused('CORRUPT_HEADER', 'The backup’s key file is damaged.'))
    const text = wrapper.get('[data-testid="verify-error"]').text()
    expect(text).not.toContain('vault.json')
    expect(text.toLowerCase()).toContain('backup')
    wrapper.unmount()
  })

  // An admin checks a backup whose database copy is damaged. Main throws DB_CORRUPT "The database in
  // the backup is damaged." (main/core/backup/verify-backup.ts:123). The screen shows errors.DB_CORRUPT:
  // "The vault file is damaged … restore the latest backup" — it says the working vault is damaged
  // and advises restoring the very backup that just failed its check. It should say the backup is
  // damaged, this vault is unchanged, try another copy.
  it('says the backup is damaged, not the vault, when the database inside the backup is damaged (verify)', async () => {
    const { wrapper } = await mountVerify(
      refused('DB_CORRUPT', 'The database in the backup is damaged.', { problems: ['page 3'] }),
    )
    const text = wrapper.get('[data-testid="verify-error"]').text()
    expect(text).not.toContain('The vault file is damaged')
    expect(text).not.toContain('restore the latest backup')
    expect(text.toLowerCase()).toContain('backup')
    wrapper.unmount()
  })

  it('says the backup is damaged, not the vault, when a restore finds the database inside it damaged', async () => {
    const { wrapper } = await mountRestore(async () =>
      refused('DB_CORRUPT', 'The database in the backup is damaged.'),
    )
    const text = wrapper.get('[data-testid="restore-error"]').text()
    expect(text).not.toContain('The vault file is damaged')
    expect(text).not.toContain('restore the latest backup')
    wrapper.unmount()
  })

  // An admin presses "Bring this vault back" on a rollback copy whose database file went missing.
  // Main: DB_MISSING "The copy has no database file." (main/core/backup/rollback-copies.ts:84). The
  // screen: "The encrypted database file is missing from the data folder … restore the files from a
  // backup": it describes the working vault, which is intact and still open. It should say the COPY
  // cannot be brought back and the current vault is unchanged.
  it('says the rollback copy is incomplete, not the vault, when a copy has no database file', async () => {
    const copy: RollbackCopy = {
      name: 'data.before-restore-1',
      movedAsideAt: '2026-03-01T10:00:00.000Z',
      bytes: 4096,
    }
    const backup = {
      rollbackCopies: vi.fn(async () => ok([copy])),
      bringBackRollbackCopy: vi.fn(async () => refused('DB_MISSING', 'The copy has no database file.')),
    }
    installClient({ backup, vault: { status: vi.fn(async () => ok(admin)) } })
    useVaultStore().status = admin
    const router = makeRouter()
    await router.push('/backup')
    const wrapper = mount(BackupRollbackCopies, {
      global: { plugins: [...plugins(), router] },
      attachTo: document.body,
    })
    await flushPromises()
    await wrapper.get('[data-testid="rollback-bring-back"]').trigger('click')
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid="rollback-bring-back-confirm"]')!.click()
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('backup')
    const text = wrapper.get('[data-testid="rollback-error"]').text()
    expect(text).not.toContain('missing from the data folder')
    wrapper.unmount()
  })
})

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
