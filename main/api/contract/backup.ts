import { z } from 'zod'
import { method } from './method'

/** A backup is protected by a passphrase OR age X25519 public keys (age allows no mix of the two). */
export const backupProtectionSchema = z.union([
  z.strictObject({ passphrase: z.string().min(12).max(1024) }),
  z.strictObject({
    recipients: z
      .array(z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'not an age public key (age1…)'))
      .min(1)
      .max(10),
  }),
])

/** Opening a backup: its passphrase, or the organisation's private key (AGE-SECRET-KEY-1…). */
export const backupCredentialsSchema = z.union([
  z.strictObject({ passphrase: z.string().min(1).max(1024) }),
  z.strictObject({ identity: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/, 'not an age private key') }),
])

export const backupSettingsSchema = z.object({
  /** Warn on the dashboard when the last backup is older than this. */
  warnAfterDays: z.number().int().min(1).max(365),
})
export type BackupSettings = z.infer<typeof backupSettingsSchema>

export interface BackupStatus {
  lastBackupAt: string | null
  warnAfterDays: number
  /** True when there is no backup yet or the last one is older than warnAfterDays. */
  overdue: boolean
}

export interface BackupResult {
  /** Null when the user cancelled the file dialog. */
  file: string | null
  counts: Record<string, number>
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
  restore: method(backupCredentialsSchema, ['admin']).returns<BackupCheck>(),
  updateSettings: method(backupSettingsSchema, ['admin']).returns<BackupStatus>(),
}
