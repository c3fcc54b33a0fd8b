// @vitest-environment jsdom
// Checks on the backup, restore, export, import and first-run screens that the code holds up to:
// kept as regression tests (no double start, no lost input after a refusal, a translated message
// for every code, keyboard and Escape, role gating, no errors when a screen is left mid-operation).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { Plugin } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import {
  errorCodes,
  type ApiResult,
  type BackupCheck,
  type BackupResult,
  type ErrorCode,
  type ExportResult,
  type ImportPreview,
  type ImportReport,
  type RollbackCopy,
  type VaultStatus,
} from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupView from '../../renderer/src/views/BackupView.vue'
import BackupCreatePanel from '../../renderer/src/components/backup/BackupCreatePanel.vue'
import BackupVerifyPanel from '../../renderer/src/components/backup/BackupVerifyPanel.vue'
import BackupRestorePanel from '../../renderer/src/components/backup/BackupRestorePanel.vue'
import BackupRollbackCopies from '../../renderer/src/components/backup/BackupRollbackCopies.vue'
import FirstRestorePanel from '../../renderer/src/components/backup/FirstRestorePanel.vue'
import ExportView from '../../renderer/src/views/ExportView.vue'
import { installMatchMedia, wait } from './support-jsdom'
import {
  install as installExport,
  KEY,
  mountView as mountExportView,
  signIn,
  STRONG,
  useKeys,
} from './export-view-support'
import {
  choose,
  install as installImport,
  mountView as mountImportView,
  ok,
  preview,
  report,
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
const refused = <T>(
  code: ErrorCode,
  message = 'refused',
  details?: Record<string, unknown>,
): ApiResult<T> => ({
  ok: false,
  error: { code, message, ...(details ? { details } : {}) },
})
const checked: BackupCheck = {
  file: '/media/usb/b.cvbackup',
  counts: { cases: 4 },
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'amina.admin',
  organisation: 'Safe Harbour Network',
}

function installClient(client: Record<string, unknown>): void {
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
}

async function settle(): Promise<void> {
  await flushPromises()
  await wait(50) // the dialogs' enter and leave transitions
  await flushPromises()
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
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
const value = (wrapper: { get: (s: string) => { element: Element } }, testid: string) =>
  (wrapper.get(`[data-testid="${testid}"]`).element as HTMLInputElement).value

async function strongPassphrase(wrapper: ReturnType<typeof mount>, prefix: string): Promise<void> {
  await wrapper.get(`[data-testid="${prefix}-passphrase"]`).setValue(STRONG)
  await wrapper.get(`[data-testid="${prefix}-passphrase-confirm"]`).setValue(STRONG)
  await vi.waitFor(
    () => expect(Number(wrapper.get('[data-score]').attributes('data-score'))).toBeGreaterThan(2),
    { timeout: 15_000 },
  )
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

describe('held: a refusal keeps what was chosen and typed; a success forgets the secret', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('backup: DISK_FULL is explained and the passphrase stays for another try', async () => {
    const backup = {
      create: vi.fn(async () => refused<BackupResult>('DISK_FULL')),
      status: vi.fn(async () =>
        ok({ lastBackupAt: null, warnAfterDays: 7, overdue: true, failedAutoBackup: null }),
      ),
      cancel: vi.fn(async () => ok(true)),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const wrapper = mount(BackupCreatePanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await strongPassphrase(wrapper, 'backup')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).toHaveBeenCalledWith({ passphrase: STRONG })
    expect(wrapper.get('[data-testid="backup-error"]').text()).toContain('The drive is full')
    expect(value(wrapper, 'backup-passphrase')).toBe(STRONG)
    expect(value(wrapper, 'backup-passphrase-confirm')).toBe(STRONG)
    wrapper.unmount()
  })

  it('verify: a wrong passphrase keeps it on screen; a good check clears it', async () => {
    const backup = {
      verify: vi
        .fn()
        .mockResolvedValueOnce(refused<BackupCheck>('WRONG_PASSPHRASE'))
        .mockResolvedValueOnce(ok(checked)),
      cancel: vi.fn(async () => ok(true)),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const wrapper = mount(BackupVerifyPanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await wrapper.get('[data-testid="verify-passphrase"]').setValue('typo passphrase')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="verify-error"]').text()).toContain('The passphrase is not correct')
    expect(value(wrapper, 'verify-passphrase')).toBe('typo passphrase')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="verify-result"]').text()).toContain('/media/usb/b.cvbackup')
    expect(value(wrapper, 'verify-passphrase')).toBe('')
    wrapper.unmount()
  })

  it('restore: a damaged backup is explained, the vault stays open and the typed word and passphrase stay', async () => {
    const backup = { restore: vi.fn(async () => refused<BackupCheck>('BACKUP_DAMAGED')), cancel: vi.fn() }
    installClient({ backup, vault: { status: vi.fn(async () => ok(admin)) } })
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
    expect(wrapper.get('[data-testid="restore-error"]').text()).toContain('This backup file is damaged')
    expect(router.currentRoute.value.name).toBe('backup')
    expect(value(wrapper, 'restore-passphrase')).toBe('the backup passphrase')
    expect(value(wrapper, 'restore-confirm-word')).toBe('RESTORE')
    wrapper.unmount()
  })

  it('export: FILE_IN_USE is explained; format, scope and passphrase stay', async () => {
    const api = installExport(() => refused('FILE_IN_USE'))
    const wrapper = await mountExportView('supervisor')
    await wrapper.get('[data-testid="export-format-htcds-csv"]').setValue(true)
    await wrapper.get('[data-testid="export-scope-from-date"]').setValue('2025-01-15')
    await wrapper.get('[data-testid="export-scope-from-date"]').trigger('blur')
    await strongPassphrase(wrapper, 'export')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="export-error"]').text()).toContain('Another program is using this file')
    expect((wrapper.get('[data-testid="export-format-htcds-csv"]').element as HTMLInputElement).checked).toBe(
      true,
    )
    expect(value(wrapper, 'export-scope-from-date')).toBe('2025-01-15')
    expect(value(wrapper, 'export-passphrase')).toBe(STRONG)
    wrapper.unmount()
  })

  it('export: a cancelled export says nothing was written and keeps the keys typed', async () => {
    installExport(() => refused('CANCELLED'))
    const wrapper = await mountExportView('analyst')
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="export-error"]').text()).toBe(
      'Cancelled. Nothing was written and nothing was changed.',
    )
    expect(value(wrapper, 'export-recipients')).toBe(KEY)
    wrapper.unmount()
  })
})

describe('held: every error code reads as a sentence, never a raw code', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it.each(errorCodes.filter((code) => code !== 'OTHER_VAULT' && code !== 'NEWER_WORK'))(
    'verify panel: %s',
    async (code) => {
      const backup = {
        verify: vi.fn(async () => refused<BackupCheck>(code, 'raw main text')),
        cancel: vi.fn(),
      }
      installClient({ backup })
      useVaultStore().status = admin
      const wrapper = mount(BackupVerifyPanel, {
        global: { plugins: [...plugins()] },
        attachTo: document.body,
      })
      await wrapper.get('[data-testid="verify-passphrase"]').setValue('x')
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      const text = wrapper.get('[data-testid="verify-error"]').text()
      expect(text.length).toBeGreaterThan(20)
      expect(text).not.toContain(code)
      expect(text).not.toContain('errors.')
      expect(text).not.toContain('[object')
      expect(text).not.toContain('raw main text')
      wrapper.unmount()
    },
  )

  it.each([
    'DISK_FULL',
    'FILE_IN_USE',
    'FILE_NOT_ALLOWED',
    'FILE_UNAVAILABLE',
    'LOCKED',
    'CANCELLED',
    'INTERNAL',
  ] as const)('import screen: %s', async (code) => {
    installImport([refused<ImportPreview>(code, 'raw main text')])
    const wrapper = await mountImportView()
    await choose(wrapper)
    const text = wrapper.get('[data-testid="import-error"]').text()
    expect(text.length).toBeGreaterThan(20)
    expect(text).not.toContain(code)
    expect(text).not.toContain('raw main text')
    // The format chosen stays chosen.
    expect((wrapper.get('[data-testid="import-format-htcds-csv"]').element as HTMLInputElement).checked).toBe(
      true,
    )
    wrapper.unmount()
  })
})

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
