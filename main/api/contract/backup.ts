import { z } from 'zod'
import { method } from './method'
import { isAgeKey } from './age-keys'

/** The age public-key format (its shape; the checksum below); private keys never enter the app for automatic backups. */
export const AGE_PUBLIC_KEY_SHAPE = /^age1[02-9ac-hj-np-z]{58}$/
const agePublicKey = z
  .string()
  .regex(AGE_PUBLIC_KEY_SHAPE, 'not an age public key (age1…)')
  .refine((key) => isAgeKey(key, 'age'), 'not an age public key (a character is wrong)')
/** The passphrase that opens a backup, and the organisation's private key (AGE-SECRET-KEY-1…). */
const backupPassphrase = z.string().min(1).max(1024)
const agePrivateKey = z
  .string()
  .regex(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/, 'not an age private key')
  .refine((key) => isAgeKey(key, 'age-secret-key-'), 'not an age private key (a character is wrong)')

/** A backup is protected by a passphrase OR age X25519 public keys (age allows no mix of the two). */
export const backupProtectionSchema = z.union([
  z.strictObject({ passphrase: z.string().min(12).max(1024) }),
  z.strictObject({ recipients: z.array(agePublicKey).min(1).max(10) }),
])

/** Opening a backup: its passphrase, or the organisation's private key. */
export const backupCredentialsSchema = z.union([
  z.strictObject({ passphrase: backupPassphrase }),
  z.strictObject({ identity: agePrivateKey }),
])

/**
 * Restoring: the backup's secret, and what the user confirmed after a first refusal, when main
 * then takes that same file again, without a dialog: `anotherVault` for a backup of another vault
 * (OTHER_VAULT), `replaceNewerWork` for one older than work recorded here since (NEWER_WORK).
 */
const anotherVault = z.literal(true).optional()
const replaceNewerWork = z.literal(true).optional()
export const restoreInputSchema = z.union([
  z.strictObject({ passphrase: backupPassphrase, anotherVault, replaceNewerWork }),
  z.strictObject({ identity: agePrivateKey, anotherVault, replaceNewerWork }),
])
export type RestoreInput = z.infer<typeof restoreInputSchema>

export const backupSettingsSchema = z.object({
  /** Warn on the dashboard when the last backup is older than this. */
  warnAfterDays: z.number().int().min(1).max(365),
})
export type BackupSettings = z.infer<typeof backupSettingsSchema>

/**
 * Automatic backup when the vault locks (by the user or after idle time) and when the app quits:
 * encrypted to the organisation's public keys into a folder picked in main's folder dialog (the
 * renderer never names a path), keeping the newest `keep` files.
 */
export const autoBackupInputSchema = z.strictObject({
  enabled: z.boolean(),
  recipients: z.array(agePublicKey).max(10),
  keep: z.number().int().min(1).max(100),
})
export type AutoBackupInput = z.infer<typeof autoBackupInputSchema>

export interface AutoBackupSettings extends AutoBackupInput {
  folder: string | null
}

export const autoBackupFailures = ['folder_missing', 'disk_full', 'not_allowed', 'failed'] as const
export type AutoBackupFailure = (typeof autoBackupFailures)[number]

export interface AutoBackupStatus extends AutoBackupSettings {
  lastRunAt: string | null
  /** Why the last automatic backup failed; null after a success. */
  lastFailure: AutoBackupFailure | null
  /** Whether the folder is on the vault's own drive (no protection from a lost computer); null without a folder. */
  sameDriveAsVault: boolean | null
}

/** What the settings keep; `sameDriveAsVault` is worked out each time it is shown. */
export type StoredAutoBackup = Omit<AutoBackupStatus, 'sameDriveAsVault'>

export interface BackupStatus {
  lastBackupAt: string | null
  warnAfterDays: number
  /** True when there is no backup yet or the last one is older than warnAfterDays. */
  overdue: boolean
  /**
   * The last automatic backup, when it failed and no backup has been made since: the failure
   * happens as the vault locks, so nobody sees it unless the next screen says so.
   */
  failedAutoBackup: { at: string; failure: AutoBackupFailure } | null
}

export interface BackupResult {
  /** Null when the user cancelled the file dialog. */
  file: string | null
  counts: Record<string, number>
  /** The file was saved on the vault's own drive: the screen asks for a copy elsewhere. */
  sameDriveAsVault: boolean
}

/** A vault a restore moved aside (`<data folder>.rollback-<time>`). */
export interface RollbackCopy {
  name: string
  /** When the restore moved it aside, ISO 8601. */
  movedAsideAt: string
  bytes: number
}

export interface BackupCheck {
  file: string | null
  counts: Record<string, number>
  createdAt: string | null
  createdBy: string | null
  organisation: string | null
}

export const backupContract = {
  status: method(z.undefined(), 'session').returns<BackupStatus>(),
  create: method(backupProtectionSchema, ['admin']).returns<BackupResult>(),
  verify: method(backupCredentialsSchema, ['admin']).returns<BackupCheck>(),
  /** Replaces the vault with the backup's content; the vault is locked afterwards. */
  restore: method(restoreInputSchema, ['admin']).returns<BackupCheck>(),
  /**
   * First run on a new computer: restores a backup into the empty data folder (VAULT_EXISTS once a
   * vault is there). Public: there is nobody to sign in yet; the backup's own secret is the gate.
   */
  restoreFirst: method(backupCredentialsSchema, 'public').returns<BackupCheck>(),
  /**
   * Over a vault whose database cannot be read, from the unlock screen: allowed only just after a
   * passphrase opened its key slot (api/restore-damaged.ts); the damaged vault is kept aside.
   */
  restoreDamaged: method(backupCredentialsSchema, 'public').returns<BackupCheck>(),
  /** Stops a first-run restore while it is still checking; false when none is running. */
  cancelRestoreFirst: method(z.undefined(), 'public').returns<boolean>(),
  updateSettings: method(backupSettingsSchema, ['admin']).returns<BackupStatus>(),
  autoStatus: method(z.undefined(), ['admin']).returns<AutoBackupStatus>(),
  /** Enabling needs a folder and at least one public key (VALIDATION otherwise). */
  updateAuto: method(autoBackupInputSchema, ['admin']).returns<AutoBackupStatus>(),
  /** Main's folder dialog; the chosen folder is saved at once. Unchanged when cancelled. */
  chooseAutoFolder: method(z.undefined(), ['admin']).returns<AutoBackupStatus>(),
  /** The vaults earlier restores moved aside, oldest first (each still opens with its old passphrases). */
  rollbackCopies: method(z.undefined(), ['admin']).returns<RollbackCopy[]>(),
  /** Deletes them all, audited; returns what is left (none). */
  removeRollbackCopies: method(z.undefined(), ['admin']).returns<RollbackCopy[]>(),
  /**
   * Undoes a restore: the copy named (as listed) becomes the vault again, and the current vault is
   * moved aside as a copy in turn. The vault is locked afterwards, as after a restore.
   */
  bringBackRollbackCopy: method(z.strictObject({ name: z.string().min(1).max(300) }), ['admin']).returns<{
    movedAsideAt: string
  }>(),
  /**
   * Stops the backup, check or restore-check that is running (it then fails with CANCELLED, having
   * written and changed nothing); false when none was running. The screen names the one its Cancel
   * belongs to: a backup and a check can run at once, and Cancel under the check stopped the backup.
   */
  cancel: method(z.enum(['backup', 'verify', 'restore']).optional(), ['admin']).returns<boolean>(),
}
