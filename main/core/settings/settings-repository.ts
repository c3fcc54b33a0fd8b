import type { VaultDatabase } from '../db/connection'
import { z } from 'zod'
import type { VaultSettings } from '../../api/contract/vault'
import {
  AGE_PUBLIC_KEY_SHAPE,
  autoBackupFailures,
  autoBackupInputSchema,
  type StoredAutoBackup,
} from '../../api/contract/backup'

const DEFAULT_AUTO_BACKUP: StoredAutoBackup = {
  enabled: false,
  folder: null,
  recipients: [],
  keep: 10,
  lastRunAt: null,
  lastFailure: null,
}

const storedAutoBackupSchema = autoBackupInputSchema.extend({
  // By shape only: settings saved before keys' checksums were checked may hold a key with a typo.
  // Read with the checksum, they fell back to the defaults (off, no folder) without a word; kept,
  // every automatic backup fails visibly, and the Backup screen refuses the key until it is fixed.
  recipients: z.array(z.string().regex(AGE_PUBLIC_KEY_SHAPE)).max(10),
  folder: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastFailure: z.enum(autoBackupFailures).nullable(),
})

export const DEFAULT_SETTINGS: VaultSettings = { autoLockMinutes: 10 }

export function createSettingsRepository(db: VaultDatabase) {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const one = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  function stored(key: string): unknown {
    const row = one.get(key)
    return row ? (JSON.parse(row.value) as unknown) : undefined
  }

  return {
    get(): VaultSettings {
      const autoLockMinutes = stored('autoLockMinutes')
      return {
        autoLockMinutes:
          typeof autoLockMinutes === 'number' ? autoLockMinutes : DEFAULT_SETTINGS.autoLockMinutes,
      }
    },
    /** Kept inside the encrypted DB too, so a lost vault.json can be rebuilt with the right name. */
    organisation(): string | null {
      const value = stored('organisation')
      return typeof value === 'string' ? value : null
    },
    /** vault.json's vault id, kept here too, so a vault.json rebuilt with the recovery key keeps it. */
    vaultId(): string | null {
      const value = stored('vaultId')
      return typeof value === 'string' ? value : null
    },
    saveVaultId(id: string): void {
      upsert.run('vaultId', JSON.stringify(id))
    },
    /** The recovery key shown at setup in the app is not confirmed yet (see VaultStatus). */
    recoveryKeyPending(): boolean {
      return stored('recoveryKeyPending') === true
    },
    saveRecoveryKeyPending(pending: boolean): void {
      upsert.run('recoveryKeyPending', JSON.stringify(pending))
    },
    /** Case number prefix chosen by the organisation; null → derived from its initials. */
    caseNumberPrefix(): string | null {
      const value = stored('caseNumberPrefix')
      return typeof value === 'string' ? value : null
    },
    /** A training vault (synthetic data for learning): every case is marked as training data. */
    isTrainingVault(): boolean {
      return stored('trainingVault') === true
    },
    lastBackupAt(): string | null {
      const value = stored('lastBackupAt')
      return typeof value === 'string' ? value : null
    },
    recordBackup(at: string): void {
      upsert.run('lastBackupAt', JSON.stringify(at))
    },
    /** Days after which the dashboard warns that there is no recent backup (default 7). */
    backupWarnDays(): number {
      const value = stored('backupWarnDays')
      return typeof value === 'number' ? value : 7
    },
    saveBackupWarnDays(days: number): void {
      upsert.run('backupWarnDays', JSON.stringify(days))
    },
    autoBackup(): StoredAutoBackup {
      const value = stored('autoBackup')
      const parsed = storedAutoBackupSchema.safeParse(value)
      return parsed.success ? parsed.data : DEFAULT_AUTO_BACKUP
    },
    saveAutoBackup(status: StoredAutoBackup): void {
      upsert.run('autoBackup', JSON.stringify(status))
    },
    /** k of the de-identified exports (k-anonymity); at least 5, the organisation may require more. */
    anonymityK(): number {
      const value = stored('anonymityK')
      return typeof value === 'number' && Number.isInteger(value) && value >= 5 ? value : 5
    },
    saveAnonymityK(k: number): void {
      upsert.run('anonymityK', JSON.stringify(k))
    },
    markAsTrainingVault(): void {
      upsert.run('trainingVault', 'true')
    },
    saveOrganisation(name: string): void {
      upsert.run('organisation', JSON.stringify(name))
    },
    save(settings: VaultSettings): void {
      for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value))
    },
  }
}
