// A restored vault is the state of its backup, so its own settings say it was never backed up,
// and its audit log ends at the moment of the backup: the restore itself is only in the log of the
// vault it replaced (kept as a rollback copy). The restore leaves this small note in the restored
// data folder (dates only, nothing about any person); the first unlock afterwards records the
// backup's date as the last backup and an audit row saying from which backup this vault came, then
// deletes the note.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { VaultSession } from '../vault/vault-session'

export const RESTORE_MARKER_FILE = 'restored-from.json'

const markerSchema = z.object({
  backupCreatedAt: z.iso.datetime(),
  restoredAt: z.iso.datetime(),
})
export type RestoreMarker = z.infer<typeof markerSchema>

/** Written into the staged vault before the swap, so it arrives with it or not at all. */
export function writeRestoreMarker(vaultDir: string, marker: RestoreMarker): void {
  const path = join(vaultDir, RESTORE_MARKER_FILE)
  writeFileSync(`${path}.partial`, JSON.stringify(marker), { mode: 0o600 })
  renameSync(`${path}.partial`, path)
}

/**
 * On unlock: records what the note says (once), then removes it. A damaged note is just removed.
 * Never fails the unlock it follows: if the records cannot be written (a full disk), the note
 * stays for the next unlock.
 */
export function applyRestoreMarker(dataDir: string, session: VaultSession): RestoreMarker | null {
  try {
    return applyNote(dataDir, session)
  } catch (error) {
    console.error('[casevault] could not record the restore; will try at the next unlock', error)
    return null
  }
}

function applyNote(dataDir: string, session: VaultSession): RestoreMarker | null {
  const path = join(dataDir, RESTORE_MARKER_FILE)
  if (!existsSync(path)) return null
  let marker: RestoreMarker | null
  try {
    marker = markerSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
  } catch {
    marker = null
  }
  if (marker) {
    const recorded = marker
    session.db.transaction(() => {
      const last = session.settings.lastBackupAt()
      if (!last || Date.parse(last) < Date.parse(recorded.backupCreatedAt))
        session.settings.recordBackup(recorded.backupCreatedAt)
      session.audit.append({
        actor: session.user.username,
        action: 'backup.restored_here',
        details: { backupCreatedAt: recorded.backupCreatedAt, restoredAt: recorded.restoredAt },
      })
    })()
  }
  rmSync(path, { force: true })
  return marker
}
