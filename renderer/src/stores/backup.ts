import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { z } from 'zod'
import type {
  AutoBackupInput,
  AutoBackupStatus,
  BackupCheck,
  backupCredentialsSchema,
  backupProtectionSchema,
  BackupResult,
  BackupSettings,
  BackupStatus,
  RestoreInput,
  RollbackCopy,
} from '../../../main/api/contract'
import { errorCodeOf, unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

/** How a backup is protected when it is made: a backup passphrase, or organisation public keys. */
export type BackupProtection = z.infer<typeof backupProtectionSchema>
/** How a backup is opened: its passphrase, or the organisation's private key. */
export type BackupCredentials = z.infer<typeof backupCredentialsSchema>

/**
 * Backups: when the last one was made, making, checking and restoring one (admin only; main
 * checks the role on every call). The file dialogs are main's: the renderer never names a path.
 */
export const useBackupStore = defineStore('backup', () => {
  const status = ref<BackupStatus | null>(null)
  /** Stops that backup, check or restore-check (it then fails with CANCELLED); false if none runs. */
  async function cancel(operation: 'backup' | 'verify' | 'restore'): Promise<boolean> {
    return unwrap(await casevault().backup.cancel(operation))
  }
  const overdue = computed(() => status.value?.overdue ?? false)

  async function loadStatus(): Promise<BackupStatus> {
    status.value = unwrap(await casevault().backup.status())
    return status.value
  }

  /** Opens main's save dialog; `file` is null when the user cancelled it (nothing was written). */
  async function create(protection: BackupProtection): Promise<BackupResult> {
    const result = unwrap(await casevault().backup.create(protection))
    // The banner and the status card follow at once; a failed refresh does not hide the success.
    if (result.file !== null) await loadStatus().catch(() => undefined)
    return result
  }

  /** Opens main's open dialog and checks the chosen backup completely, without restoring it. */
  async function verify(credentials: BackupCredentials): Promise<BackupCheck> {
    return unwrap(await casevault().backup.verify(credentials))
  }

  /**
   * After a restore or a copy brought back failed: most refusals (wrong passphrase, damaged file,
   * a copy gone) come before main locks, so ask which it was. Still open: no notice. Locked: the
   * unlock screen tells what became of it.
   */
  async function afterRefusal(error: unknown): Promise<void> {
    const vault = useVaultStore()
    await vault.refresh().catch(() => undefined)
    if (vault.state === 'unlocked') vault.noteRestore(null)
    else await vault.afterRestore({ kind: 'failed', code: errorCodeOf(error) })
  }

  /**
   * Replaces the vault with the backup. Main verifies it completely first, then locks the vault
   * and swaps the folders; the unlock screen then says which backup is in place. A failure after
   * main has locked is told there too, since this screen is gone by then.
   */
  async function restore(input: RestoreInput): Promise<BackupCheck> {
    const vault = useVaultStore()
    vault.noteRestore({ kind: 'restoring' })
    let checked: BackupCheck
    try {
      checked = unwrap(await casevault().backup.restore(input))
    } catch (error) {
      await afterRefusal(error)
      throw error
    }
    if (checked.file === null) {
      vault.noteRestore(null)
      return checked
    }
    await vault.afterRestore({ kind: 'restored', backupCreatedAt: checked.createdAt })
    return checked
  }

  /**
   * First run on a new computer: restores a backup into the empty data folder (main refuses once a
   * vault exists). On success the unlock screen says which backup is in place.
   */
  async function restoreFirst(credentials: BackupCredentials): Promise<BackupCheck> {
    const checked = unwrap(await casevault().backup.restoreFirst(credentials))
    if (checked.file !== null) {
      await useVaultStore().afterRestore({ kind: 'restored', backupCreatedAt: checked.createdAt })
    }
    return checked
  }

  /** Over a vault whose database cannot be read, just after a passphrase opened its key. */
  async function restoreDamaged(credentials: BackupCredentials): Promise<BackupCheck> {
    const checked = unwrap(await casevault().backup.restoreDamaged(credentials))
    if (checked.file !== null) {
      await useVaultStore().afterRestore({ kind: 'restored', backupCreatedAt: checked.createdAt })
    }
    return checked
  }

  async function cancelRestoreFirst(): Promise<boolean> {
    return unwrap(await casevault().backup.cancelRestoreFirst())
  }

  async function updateSettings(settings: BackupSettings): Promise<BackupStatus> {
    status.value = unwrap(await casevault().backup.updateSettings(settings))
    return status.value
  }

  async function loadAutoStatus(): Promise<AutoBackupStatus> {
    return unwrap(await casevault().backup.autoStatus())
  }

  /** Main's folder dialog; the folder is saved there and then. Unchanged when cancelled. */
  async function chooseAutoFolder(): Promise<AutoBackupStatus> {
    return unwrap(await casevault().backup.chooseAutoFolder())
  }

  async function updateAuto(input: AutoBackupInput): Promise<AutoBackupStatus> {
    return unwrap(await casevault().backup.updateAuto(input))
  }

  async function loadRollbackCopies(): Promise<RollbackCopy[]> {
    return unwrap(await casevault().backup.rollbackCopies())
  }

  async function removeRollbackCopies(): Promise<RollbackCopy[]> {
    return unwrap(await casevault().backup.removeRollbackCopies())
  }

  /**
   * Undoes a restore: the copy becomes the vault again. Main locks the vault to swap the folders;
   * the unlock screen then says which vault is back. A refusal before the lock (the copy is gone
   * or damaged) leaves the vault open and is shown where the button was.
   */
  async function bringBackRollbackCopy(name: string): Promise<void> {
    const vault = useVaultStore()
    let movedAsideAt: string
    try {
      ;({ movedAsideAt } = unwrap(await casevault().backup.bringBackRollbackCopy({ name })))
    } catch (error) {
      await afterRefusal(error)
      throw error
    }
    await vault.afterRestore({ kind: 'broughtBack', movedAsideAt })
  }

  function reset(): void {
    status.value = null
  }

  return {
    cancel,
    status,
    overdue,
    loadStatus,
    create,
    verify,
    restore,
    restoreFirst,
    restoreDamaged,
    cancelRestoreFirst,
    updateSettings,
    loadAutoStatus,
    chooseAutoFolder,
    updateAuto,
    loadRollbackCopies,
    removeRollbackCopies,
    bringBackRollbackCopy,
    reset,
  }
})
