// @vitest-environment jsdom
// Checks on the Backup screen that the code holds up to (a reviewing helper's hunt): kept as
// regression tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type {
  ApiResult,
  AutoBackupStatus,
  BackupResult,
  BackupStatus,
  OperationProgress,
  RollbackCopy,
} from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupCreatePanel from '../../renderer/src/components/backup/BackupCreatePanel.vue'
import BackupAutoPanel from '../../renderer/src/components/backup/BackupAutoPanel.vue'
import BackupRollbackCopies from '../../renderer/src/components/backup/BackupRollbackCopies.vue'
import BackupOverdueBanner from '../../renderer/src/components/BackupOverdueBanner.vue'
import {
  admin,
  installClient,
  makeRouter,
  mountRestore,
  mountVerify,
  plugins,
  refused,
} from './operation-screens-support'
import { ok } from './import-view-support'
import { wait } from './support-jsdom'

const KEY = 'age1z5vgv3q0ss2u3g90534hgv8geqkfp452775zeeqp775r4szh9u0qzmadhq'
const STATUS: BackupStatus = {
  lastBackupAt: '2026-03-01T10:00:00.000Z',
  warnAfterDays: 7,
  overdue: false,
  failedAutoBackup: null,
}
const AUTO: AutoBackupStatus = {
  enabled: false,
  recipients: [],
  keep: 10,
  folder: null,
  lastRunAt: null,
  lastFailure: null,
  sameDriveAsVault: null,
}
function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}
async function settleDialogs(): Promise<void> {
  await flushPromises()
  await wait(50)
  await flushPromises()
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('held: backup screen', () => {
  it('backup progress: a share reported by main shows as a determinate bar, and a new run starts from nothing', async () => {
    let listener: ((progress: OperationProgress) => void) | null = null
    const answer = deferred<ApiResult<BackupResult>>()
    const backup = {
      create: vi.fn(() => answer.promise),
      status: vi.fn(async () => ok(STATUS)),
      cancel: vi.fn(async () => ok(true)),
    }
    installClient({
      backup,
      onProgress: (fn: (progress: OperationProgress) => void) => {
        listener = fn
        return () => undefined
      },
    })
    useVaultStore().status = admin
    const wrapper = mount(BackupCreatePanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await wrapper.get('[data-testid="backup-protection-keys"]').setValue(true)
    await wrapper.get('[data-testid="backup-recipients"]').setValue(KEY)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(listener).not.toBeNull()
    listener!({ operation: 'backup', stage: 'encrypt', fraction: 0.42 } as OperationProgress)
    await flushPromises()
    expect(wrapper.get('[data-testid="backup-result-progress"]').text()).toContain('42')
    answer.resolve(ok({ file: '/media/usb/b.cvbackup', counts: { cases: 1 }, sameDriveAsVault: false }))
    await flushPromises()
    expect(wrapper.find('[data-testid="backup-result-progress"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('backup: a cancelled save dialog says nothing was written and keeps the keys typed', async () => {
    const backup = {
      create: vi.fn(async () => ok({ file: null, counts: {}, sameDriveAsVault: false })),
      status: vi.fn(async () => ok(STATUS)),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const wrapper = mount(BackupCreatePanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await wrapper.get('[data-testid="backup-protection-keys"]').setValue(true)
    await wrapper.get('[data-testid="backup-recipients"]').setValue(KEY)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="backup-result"]').text()).toContain('nothing was written')
    expect(backup.status).not.toHaveBeenCalled()
    expect((wrapper.get('[data-testid="backup-recipients"]').element as HTMLTextAreaElement).value).toBe(KEY)
    wrapper.unmount()
  })

  it('verify: a cancelled file dialog says nothing was checked, not that the backup is good', async () => {
    const { wrapper } = await mountVerify(
      ok({ file: null, counts: {}, createdAt: null, createdBy: null, organisation: null }),
    )
    const text = wrapper.get('[data-testid="verify-result"]').text()
    expect(text).toContain('nothing was checked')
    expect(text).not.toContain('complete and readable')
    wrapper.unmount()
  })

  it('restore: a damaged backup refused before the lock keeps the admin on Backup, saying the vault is unchanged', async () => {
    const { wrapper, router } = await mountRestore(async () => refused('BACKUP_DAMAGED', 'damaged'))
    expect(router.currentRoute.value.name).toBe('backup')
    expect(wrapper.get('[data-testid="restore-error"]').text()).toContain('Your current vault is unchanged')
    wrapper.unmount()
  })

  it('auto backup: turning it on without a folder is refused, says why, and focuses "Choose folder"', async () => {
    const backup = {
      autoStatus: vi.fn(async () => ok(AUTO)),
      updateAuto: vi.fn(),
    }
    installClient({ backup })
    useVaultStore().status = admin
    const wrapper = mount(BackupAutoPanel, { global: { plugins: [...plugins()] }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid="backup-auto-enabled"] input').setValue(true)
    await wrapper.get('[data-testid="backup-auto-recipients"]').setValue(KEY)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.updateAuto).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="backup-auto-error"]').text()).toContain('Choose a folder')
    expect(document.activeElement?.id).toBe('backup-auto-folder')
    // Keep out of range: refused at the field, with the contract's limits.
    await wrapper.get('[data-testid="backup-auto-keep"]').setValue('0')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.updateAuto).not.toHaveBeenCalled()
    expect(document.activeElement?.id).toBe('backup-auto-keep')
    expect(wrapper.text()).toContain('Enter a whole number from 1 to 100.')
    wrapper.unmount()
  })

  it('rollback: bringing a copy back goes to the unlock screen once main answered', async () => {
    const copy: RollbackCopy = {
      name: 'data.rollback-1',
      movedAsideAt: '2026-03-01T10:00:00.000Z',
      bytes: 4096,
    }
    const backup = {
      rollbackCopies: vi.fn(async () => ok([copy])),
      bringBackRollbackCopy: vi.fn(async () => ok({ movedAsideAt: copy.movedAsideAt })),
    }
    installClient({ backup, vault: { status: vi.fn(async () => ok({ ...admin, state: 'locked' })) } })
    useVaultStore().status = admin
    const router = makeRouter()
    await router.push('/backup')
    const wrapper = mount(BackupRollbackCopies, {
      global: { plugins: [...plugins(), router], stubs: { transition: false } },
      attachTo: document.body,
    })
    await flushPromises()
    await wrapper.get('[data-testid="rollback-bring-back"]').trigger('click')
    await settleDialogs()
    expect(document.querySelector('[data-testid="rollback-bring-back-dialog"]')?.textContent).toContain(
      '2026',
    )
    document.querySelector<HTMLElement>('[data-testid="rollback-bring-back-confirm"]')!.click()
    await settleDialogs()
    expect(backup.bringBackRollbackCopy).toHaveBeenCalledWith({ name: copy.name })
    expect(router.currentRoute.value.name).toBe('unlock')
    wrapper.unmount()
  })

  it('banner: an automatic backup that failed on lock is told to the admin, not to a caseworker', async () => {
    const failed: BackupStatus = {
      ...STATUS,
      failedAutoBackup: { at: '2026-03-02T18:00:00.000Z', failure: 'folder_missing' },
    }
    installClient({ backup: { status: vi.fn(async () => ok(failed)) } })
    useVaultStore().status = admin
    const router = makeRouter()
    await router.push('/cases')
    const wrapper = mount(BackupOverdueBanner, { global: { plugins: [...plugins(), router] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="backup-banner-auto-failed"]').text()).toContain('folder was not found')
    useVaultStore().status = { ...admin, user: { ...admin.user!, role: 'caseworker' } }
    await flushPromises()
    expect(wrapper.find('[data-testid="backup-overdue-banner"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
