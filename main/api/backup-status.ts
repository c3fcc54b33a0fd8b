// What the Backup screen and the dashboard's banner say of backups: when the last one was made,
// whether it is overdue, and what automatic backup last did.
import type { HandlerContext } from './handler'
import type { AutoBackupStatus, BackupStatus, StoredAutoBackup } from './contract/backup'
import { onSameDrive } from '../core/backup/same-drive'

const DAY_MS = 24 * 60 * 60 * 1000
/** How far ahead of this clock a recorded backup may be before its date is not believed. */
const CLOCK_SLACK_MS = 10 * 60 * 1000

export function autoStatus(ctx: HandlerContext, stored: StoredAutoBackup): AutoBackupStatus {
  const sameDriveAsVault = stored.folder ? onSameDrive(stored.folder, ctx.vault.dataDir) : null
  return { ...stored, sameDriveAsVault }
}

/** A failed automatic backup still matters while no backup (by hand or automatic) came after it. */
function failedAutoBackup(
  auto: StoredAutoBackup,
  lastBackupAt: string | null,
): BackupStatus['failedAutoBackup'] {
  if (!auto.enabled || !auto.lastFailure || !auto.lastRunAt) return null
  if (lastBackupAt && Date.parse(lastBackupAt) >= Date.parse(auto.lastRunAt)) return null
  return { at: auto.lastRunAt, failure: auto.lastFailure }
}

export function status(ctx: HandlerContext): BackupStatus {
  const { settings, clock } = ctx.session
  const lastBackupAt = settings.lastBackupAt()
  const warnAfterDays = settings.backupWarnDays()
  const age = lastBackupAt ? clock().getTime() - Date.parse(lastBackupAt) : Infinity
  // A last backup dated in the future was made while the PC's clock ran ahead, then corrected: its
  // age is unknown, and "not overdue" would have kept the warning away for years.
  const overdue = age > warnAfterDays * DAY_MS || age < -CLOCK_SLACK_MS
  return {
    lastBackupAt,
    warnAfterDays,
    overdue,
    failedAutoBackup: failedAutoBackup(settings.autoBackup(), lastBackupAt),
  }
}
