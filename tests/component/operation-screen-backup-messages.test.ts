// @vitest-environment jsdom
// What the backup, restore, export, import and first-run screens say when main refuses, and what
// they keep. Found by a reviewing helper; each test failed before its fix. This half: main names a
// backup's damaged parts and a newer backup with the vault's own codes (the screens then said the
// vault in use was damaged). "Already running", stale and missing feedback, and settings saved
// over are in operation-screen-feedback-messages.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { RollbackCopy } from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import BackupRollbackCopies from '../../renderer/src/components/backup/BackupRollbackCopies.vue'
import { ok } from './import-view-support'
import {
  admin,
  installClient,
  makeRouter,
  mountRestore,
  mountVerify,
  plugins,
  refused,
} from './operation-screens-support'

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
