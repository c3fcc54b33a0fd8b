// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { ApiResult, BackupCheck, VaultStatus } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupRestorePanel from '../../renderer/src/components/backup/BackupRestorePanel.vue'

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
const locked: VaultStatus = { ...admin, state: 'locked', user: null, settings: null }
const restored: BackupCheck = {
  file: '/media/usb/CaseVault-Safe-Harbour-Network-2026-03-01-1000.cvbackup',
  counts: { cases: 12 },
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'amina.admin',
  organisation: 'Safe Harbour Network',
}

function install(answer: ApiResult<BackupCheck>, stateAfter: VaultStatus) {
  const client = {
    backup: { restore: vi.fn(async () => answer) },
    vault: { status: vi.fn(async () => ({ ok: true as const, value: stateAfter })) },
  }
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
  return client
}

async function mountPanel(): Promise<{ wrapper: ReturnType<typeof mount>; router: Router }> {
  useVaultStore().status = admin
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/backup', name: 'backup', component: { template: '<div />' } },
      { path: '/unlock', name: 'unlock', component: { template: '<div />' } },
    ],
  })
  await router.push('/backup')
  const wrapper = mount(BackupRestorePanel, {
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }], router] },
    attachTo: document.body,
  })
  return { wrapper, router }
}

const button = (wrapper: ReturnType<typeof mount>) => wrapper.get('[data-testid="restore-run"]')

/** Main refuses the restore until the admin confirms: the backup is older than work done here. */
const refusedForNewerWork = (details: Record<string, unknown>) =>
  install({ ok: false, error: { code: 'NEWER_WORK', message: 'newer work', details } }, admin)

/** Types the confirming word and the passphrase, submits, and waits for main's answer. */
async function submitRestore(wrapper: ReturnType<typeof mount>, passphrase: string, word = 'RESTORE') {
  await wrapper.get('[data-testid="restore-confirm-word"]').setValue(word)
  await wrapper.get('[data-testid="restore-passphrase"]').setValue(passphrase)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('restoring a backup', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('keeps the button disabled until the confirmation word is typed', async () => {
    const client = install({ ok: true, value: restored }, locked)
    const { wrapper } = await mountPanel()
    expect(wrapper.text()).toContain('replaces everything in this vault')
    expect(wrapper.text()).toContain('valid when the backup was made')
    expect(button(wrapper).attributes('disabled')).toBeDefined()

    const word = wrapper.get('[data-testid="restore-confirm-word"]')
    await word.setValue('RESTOR')
    expect(button(wrapper).attributes('disabled')).toBeDefined()
    // Submitting the form another way (Enter in a field) does nothing either.
    await wrapper.get('[data-testid="restore-passphrase"]').setValue('the backup passphrase')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(client.backup.restore).not.toHaveBeenCalled()

    await word.setValue('RESTORE')
    expect(button(wrapper).attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('after a restore, goes to the unlock screen, which names the backup', async () => {
    const client = install({ ok: true, value: restored }, locked)
    const { wrapper, router } = await mountPanel()
    await submitRestore(wrapper, 'the backup passphrase', 'restore')

    expect(client.backup.restore).toHaveBeenCalledWith({ passphrase: 'the backup passphrase' })
    expect(router.currentRoute.value.name).toBe('unlock')
    const vault = useVaultStore()
    expect(vault.state).toBe('locked')
    expect(vault.restoreNotice).toEqual({ kind: 'restored', backupCreatedAt: restored.createdAt })
    wrapper.unmount()
  })

  it('shows a wrong passphrase on the page and keeps the vault open', async () => {
    install({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'wrong' } }, admin)
    const { wrapper, router } = await mountPanel()
    await submitRestore(wrapper, 'not the passphrase')

    expect(wrapper.get('[data-testid="restore-error"]').text()).toContain('The passphrase is not correct')
    expect(router.currentRoute.value.name).toBe('backup')
    expect(useVaultStore().state).toBe('unlocked')
    expect(useVaultStore().restoreNotice).toBeNull()
    wrapper.unmount()
  })

  it('says what newer work a restore would take back, keeps this vault by default, and restores on request', async () => {
    const client = refusedForNewerWork({
      createdAt: '2026-03-01T10:00:00.000Z',
      createdBy: 'amina.admin',
      cases: 14,
      unlinked: 1,
    })
    const { wrapper } = await mountPanel()
    await submitRestore(wrapper, 'quiet walnut ferry orbit 1987 maple')
    const question = wrapper.get('[data-testid="restore-newer-work"]')
    expect(question.text()).toContain('made on')
    expect(question.text()).toContain('by amina.admin')
    expect(question.text()).toContain('work on 14 cases')
    expect(question.text()).toContain('one screening or referral not tied to a case')
    expect(document.activeElement?.id).toBe('restore-newer-work-heading')

    client.backup.restore.mockResolvedValueOnce({ ok: true, value: restored })
    await wrapper.get('[data-testid="restore-newer-work-replace"]').trigger('click')
    await flushPromises()
    expect(client.backup.restore).toHaveBeenLastCalledWith({
      passphrase: 'quiet walnut ferry orbit 1987 maple',
      replaceNewerWork: true,
    })
    wrapper.unmount()
  })

  it('says when a backup comes from a second copy of this vault, and since when its work is counted', async () => {
    refusedForNewerWork({
      createdAt: '2026-03-01T10:00:00.000Z',
      createdBy: 'field.laptop',
      otherCopy: true,
      partedAt: '2026-01-15T09:00:00.000Z',
      cases: 3,
      unlinked: 0,
    })
    const { wrapper } = await mountPanel()
    await submitRestore(wrapper, 'quiet walnut ferry orbit 1987 maple')
    const details = wrapper.get('[data-testid="restore-newer-work-details"]').text()
    expect(details).toContain('Its history parted from this vault’s on')
    expect(details).toContain('it was made on another copy of this vault')
    expect(details).toContain('Jan')
    expect(details).toContain('by field.laptop')
    expect(wrapper.get('[data-testid="restore-newer-work"]').text()).toContain('work on 3 cases')
    wrapper.unmount()
  })

  it('says which kind of secret a backup needs when the other kind was given', async () => {
    install(
      {
        ok: false,
        error: { code: 'WRONG_PASSPHRASE', message: 'wrong kind', details: { needs: 'privateKey' } },
      },
      admin,
    )
    const { wrapper } = await mountPanel()
    await submitRestore(wrapper, 'a passphrase for a keyed backup')
    const error = wrapper.get('[data-testid="restore-error"]').text()
    expect(error).toContain('made to the organisation’s public key')
    expect(error).not.toContain('Caps Lock')
    wrapper.unmount()
  })
})
