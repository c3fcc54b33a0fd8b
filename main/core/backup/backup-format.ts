import { z } from 'zod'
import { organisationSlug } from '../file-name-slug'

export const BACKUP_FORMAT = 'casevault-backup'
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_EXTENSION = '.cvbackup'

/** Files inside the (age-encrypted) tar, in this order. Nothing else is ever accepted. */
export const PART_NAMES = ['manifest.json', 'vault.json', 'casevault.db', 'backup-key.json'] as const
export type PartName = (typeof PART_NAMES)[number]
export const HASHED_PARTS = ['vault.json', 'casevault.db', 'backup-key.json'] as const

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string().max(64),
  organisation: z.string().max(200),
  counts: z.record(z.string().max(64), z.number().int().nonnegative()),
  parts: z.array(
    z.strictObject({ name: z.enum(HASHED_PARTS), sha256: sha256Hex, size: z.number().int().nonnegative() }),
  ),
})
export type BackupManifest = z.infer<typeof manifestSchema>

/** Tables whose row counts the manifest records and verify compares. */
export const COUNTED_TABLES = [
  'users',
  'cases',
  'persons',
  'trafficking_events',
  'case_comments',
  'attachments',
  'assessments',
  'directory_organisations',
  'directory_services',
  'referrals',
  'support_plans',
  'audit_log',
] as const

/** How the backup is encrypted: to a passphrase, or to X25519 public keys (age recipients). */
export type BackupProtection = { passphrase: string } | { recipients: string[] }

/** How a backup is opened: the passphrase, or an age identity (AGE-SECRET-KEY-1…). */
export type BackupCredentials = { passphrase: string } | { identity: string }

/** `CaseVault-<org>-<yyyy-mm-dd-hhmm>.cvbackup`, with the organisation reduced to safe characters. */
export function backupFileName(organisation: string, at: Date): string {
  const org = organisationSlug(organisation)
  const pad = (n: number) => String(n).padStart(2, '0')
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`
  return `CaseVault-${org}-${stamp}${BACKUP_EXTENSION}`
}
