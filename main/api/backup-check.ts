import type { BackupCheck } from './contract/backup'
import type { BackupManifest } from '../core/backup/backup-format'

/** What a backup action answers when the user closed the file dialog: nothing chosen, nothing done. */
export const noBackupChosen: BackupCheck = {
  file: null,
  counts: {},
  createdAt: null,
  createdBy: null,
  organisation: null,
}

/** What a checked (or restored) backup holds, as the Backup screen shows it. */
export function checkOf(file: string, manifest: BackupManifest, counts: Record<string, number>): BackupCheck {
  return {
    file,
    counts,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    organisation: manifest.organisation,
  }
}
