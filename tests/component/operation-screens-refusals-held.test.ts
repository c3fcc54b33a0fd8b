// @vitest-environment jsdom
// Checks on the backup, restore, export, import and first-run screens that the code holds up to:
// kept as regression tests. This part: no lost input after a refusal,
// and a translated message for every code. No double start and leaving mid-operation are in
// operation-screens-running-held.test.ts, keyboard, dialogs and roles in
// operation-screens-keyboard-held.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { errorCodes, type BackupCheck, type BackupResult, type ImportPreview } from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupCreatePanel from '../../renderer/src/components/backup/BackupCreatePanel.vue'
import BackupVerifyPanel from '../../renderer/src/components/backup/BackupVerifyPanel.vue'
import BackupRestorePanel from '../../renderer/src/components/backup/BackupRestorePanel.vue'
import {
  install as installExport,
  KEY,
  mountView as mountExportView,
  STRONG,
  useKeys,
} from './export-view-support'
import { choose, install as installImport, mountView as mountImportView, ok } from './import-view-support'
import { admin, installClient, makeRouter, plugins, refused, value } from './operation-screens-support'

const checked: BackupCheck = {
  file: '/media/usb/b.cvbackup',
  counts: { cases: 4 },
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'amina.admin',
  organisation: 'Safe Harbour Network',
}

async function strongPassphrase(wrapper: ReturnType<typeof mount>, prefix: string): Promise<void> {
  await wrapper.get(`[data-testid="${prefix}-passphrase"]`).setValue(STRONG)
  await wrapper.get(`[data-testid="${prefix}-passphrase-confirm"]`).setValue(STRONG)
  await vi.waitFor(
    () => expect(Number(wrapper.get('[data-score]').attributes('data-score'))).toBeGreaterThan(2),
    { timeout: 15_000 },
  )
}

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
