// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { BackupResult, BackupStatus, VaultStatus } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupCreatePanel from '../../renderer/src/components/backup/BackupCreatePanel.vue'

const admin: VaultStatus = {
  state: 'unlocked',
  user: { id: 1, username: 'amina.admin', displayName: 'Amina Okafor', role: 'admin' },
  settings: { autoLockMinutes: 10 },
  organisation: 'Safe Harbour Network',
}
// jsdom has no ResizeObserver; PrimeVue's auto-resizing Textarea asks for one.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const STRONG = 'quiet walnut ferry orbit 1987 maple'
const KEY = 'age1z5vgv3q0ss2u3g90534hgv8geqkfp452775zeeqp775r4szh9u0qzmadhq' // a real key: the checksum is checked

function install(result: BackupResult) {
  const status: BackupStatus = {
    lastBackupAt: '2026-03-01T10:00:00.000Z',
    warnAfterDays: 7,
    overdue: false,
    failedAutoBackup: null,
  }
  const backup = {
    create: vi.fn(async () => ({ ok: true as const, value: result })),
    status: vi.fn(async () => ({ ok: true as const, value: status })),
  }
  Object.defineProperty(window, 'casevault', {
    value: { backup } as unknown as CaseVaultClient,
    configurable: true,
  })
  return backup
}

function mountPanel() {
  useVaultStore().status = admin
  return mount(BackupCreatePanel, {
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] },
    attachTo: document.body,
  })
}

type Panel = ReturnType<typeof mountPanel>
const submit = (wrapper: Panel) => wrapper.get('[data-testid="backup-create"]')

async function typePassphrase(wrapper: Panel, passphrase: string): Promise<void> {
  await wrapper.get('[data-testid="backup-passphrase"]').setValue(passphrase)
  await wrapper.get('[data-testid="backup-passphrase-confirm"]').setValue(passphrase)
}

/** The zxcvbn dictionaries load on first use: wait until the meter shows a score. */
async function scored(wrapper: Panel): Promise<HTMLElement> {
  await vi.waitFor(() => expect(wrapper.find('[data-score]').exists()).toBe(true), { timeout: 15_000 })
  return wrapper.get('[data-score]').element as HTMLElement
}

describe('making a backup', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('keeps the button disabled until zxcvbn scores the passphrase 3 or more', async () => {
    const backup = install({
      file: '/media/usb/backup.cvbackup',
      counts: { cases: 3 },
      sameDriveAsVault: false,
    })
    const wrapper = mountPanel()
    expect(submit(wrapper).attributes('disabled')).toBeDefined()

    await typePassphrase(wrapper, 'password1234')
    expect(Number((await scored(wrapper)).dataset.score)).toBeLessThan(3)
    expect(submit(wrapper).attributes('disabled')).toBeDefined()
    // zxcvbn's warning, in the app's own words (en.ts), not zxcvbn's English.
    expect(wrapper.findAll('[data-testid="backup-strength"] li').length).toBeGreaterThan(0)
    // Main's easy guesses count here too: the organisation's name is not a passphrase.
    await typePassphrase(wrapper, 'Safe Harbour Network')
    await vi.waitFor(() =>
      expect(Number(wrapper.get('[data-score]').attributes('data-score'))).toBeLessThan(3),
    )
    expect(submit(wrapper).attributes('disabled')).toBeDefined()

    await typePassphrase(wrapper, STRONG)
    await vi.waitFor(() =>
      expect(Number(wrapper.get('[data-score]').attributes('data-score'))).toBeGreaterThan(2),
    )
    expect(submit(wrapper).attributes('disabled')).toBeUndefined()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).toHaveBeenCalledWith({ passphrase: STRONG })
    const result = wrapper.get('[data-testid="backup-result"]').text()
    expect(result).toContain('/media/usb/backup.cvbackup')
    expect(wrapper.get('[data-table="cases"] dd').text()).toBe('3')
    expect(wrapper.find('[data-testid="backup-same-drive"]').exists()).toBe(false)
    // The passphrase does not stay in the form once the file is written.
    expect((wrapper.get('[data-testid="backup-passphrase"]').element as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })

  it('asks for a copy elsewhere when the file landed on the vault’s own drive', async () => {
    install({ file: '/home/shelter/backup.cvbackup', counts: {}, sameDriveAsVault: true })
    const wrapper = mountPanel()
    await typePassphrase(wrapper, STRONG)
    await vi.waitFor(() =>
      expect(Number(wrapper.get('[data-score]').attributes('data-score'))).toBeGreaterThan(2),
    )
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="backup-same-drive"]').text()).toContain('same drive as the vault')
    wrapper.unmount()
  })

  it('refuses a passphrase with a space at the start or the end, and sends nothing', async () => {
    const backup = install({ file: '/media/usb/b.cvbackup', counts: {}, sameDriveAsVault: false })
    const wrapper = mountPanel()
    await typePassphrase(wrapper, `  ${STRONG} `)
    await vi.waitFor(() =>
      expect(Number(wrapper.get('[data-score]').attributes('data-score'))).toBeGreaterThan(2),
    )
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Remove the space at the start or the end')
    expect(document.activeElement?.id).toBe('backup-passphrase')
    await typePassphrase(wrapper, STRONG)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).toHaveBeenCalledWith({ passphrase: STRONG })
    wrapper.unmount()
  })

  it('refuses two different passphrases and sends nothing', async () => {
    const backup = install({ file: '/tmp/b.cvbackup', counts: {}, sameDriveAsVault: true })
    const wrapper = mountPanel()
    await wrapper.get('[data-testid="backup-passphrase"]').setValue(STRONG)
    await wrapper.get('[data-testid="backup-passphrase-confirm"]').setValue(`${STRONG}!`)
    await scored(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).not.toHaveBeenCalled()
    expect(wrapper.get('[role="alert"]').text()).toBe('The two passphrases are not the same.')
    wrapper.unmount()
  })

  it('checks public keys line by line with the contract’s format, then sends them', async () => {
    const backup = install({ file: null, counts: {}, sameDriveAsVault: false })
    const wrapper = mountPanel()
    await wrapper.get('[data-testid="backup-protection-keys"]').setValue(true)
    const keys = wrapper.get('[data-testid="backup-recipients"]')
    await keys.setValue(`${KEY}\nage1notakey`)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).not.toHaveBeenCalled()
    expect(wrapper.get('[role="alert"]').text()).toContain('Line 2 is not an age public key')

    await keys.setValue(`  ${KEY}  \n\n`)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(backup.create).toHaveBeenCalledWith({ recipients: [KEY] })
    // A cancelled save dialog: nothing was written, and the page says so.
    expect(wrapper.get('[data-testid="backup-result"]').text()).toBe(
      'No place was chosen, so nothing was written.',
    )
    wrapper.unmount()
  })
})
