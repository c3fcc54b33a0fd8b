import type { Vault } from '../core/vault/vault'
import type { AutoBackupFailure, VaultLockedReason } from './contract'
import { classifyFileError } from '../core/file-errors'
import { runAutoBackup } from '../core/backup/auto-backup'
import { existsSync } from 'node:fs'
import { APP_VERSION } from '../app-version'

// Suspend and screen lock must lock at once (the lid is closing, the user walked away); a backup
// takes seconds, so those reasons lock without one. The user's own lock, idle time and quitting
// have the seconds to spare.
const BACKUP_REASONS: ReadonlySet<VaultLockedReason> = new Set(['user', 'idle'])

const pending = new WeakMap<Vault, Promise<void>>()

/**
 * Runs the automatic backup when one is configured, then locks. A failed backup never keeps the
 * vault open: it is recorded (audit row + status shown on the Backup screen) and the lock goes on.
 * A second call while the first is running waits for it instead of starting another backup.
 */
export function lockWithAutoBackup(vault: Vault, reason: VaultLockedReason): Promise<void> {
  const running = pending.get(vault)
  if (running) return running
  const work = backUpThenLock(vault, reason).finally(() => pending.delete(vault))
  pending.set(vault, work)
  return work
}

/**
 * Why an automatic backup failed, in the terms the Backup screen explains. A removed USB stick
 * is the common case, then a full or write-protected one: each is something a person can fix.
 */
export function autoBackupFailure(error: unknown, folder: string | null): AutoBackupFailure {
  if (folder && !existsSync(folder)) return 'folder_missing'
  const classified = classifyFileError(error)?.code
  if (classified === 'DISK_FULL') return 'disk_full'
  if (classified === 'FILE_NOT_ALLOWED') return 'not_allowed'
  return 'failed'
}

async function backUpThenLock(vault: Vault, reason: VaultLockedReason): Promise<void> {
  const session = vault.session()
  const settings = session?.settings.autoBackup()
  if (session && settings?.enabled && BACKUP_REASONS.has(reason)) {
    const databaseKey = vault.databaseKeyCopy()
    const at = session.clock().toISOString()
    try {
      const outcome = await runAutoBackup(session, vault.dataDir, settings, {
        appVersion: APP_VERSION,
        databaseKey,
        organisation: vault.organisation() ?? 'vault',
      })
      session.settings.saveAutoBackup({ ...settings, lastRunAt: at, lastFailure: null })
      session.audit.append({
        actor: session.user.username,
        action: 'backup.auto_created',
        details: { reason, rotatedOut: outcome.removed.length },
      })
    } catch (error) {
      const code = autoBackupFailure(error, settings.folder)
      console.error('[casevault] automatic backup failed', error)
      try {
        session.settings.saveAutoBackup({ ...settings, lastRunAt: at, lastFailure: code })
        session.audit.append({
          actor: session.user.username,
          action: 'backup.auto_failed',
          details: { reason, code },
        })
      } catch {
        // The disk may be what failed; locking matters more than the record.
      }
    } finally {
      databaseKey.fill(0)
    }
    // A suspend during the backup locked that session at once, and the person may have signed in
    // again since: the lock this backup was for has happened; the new session is not its to end.
    if (vault.session() !== session) return
  }
  vault.lock(reason)
}
