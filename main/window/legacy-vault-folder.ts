// Until the vault got a folder of its own (data-dir.ts), an app started without --data kept
// vault.json and casevault.db directly in Electron's per-user folder. Such a vault is moved into
// the new folder at start, before anything opens it, so nobody finds an empty first-run screen.
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { RESTORE_MARKER_FILE } from '../core/backup/restore-marker'
import { listRollbackCopies } from '../core/backup/rollback-copies'
import { rollbackPrefix } from '../core/backup/beside-data-folder'
import { DATABASE_FILE, HEADER_FILE, syncDirectory } from '../core/vault/vault-header'

/** vault.json goes last: while it is still in the old folder, the move is not finished. */
const VAULT_FILES = [
  DATABASE_FILE,
  `${DATABASE_FILE}-wal`,
  `${DATABASE_FILE}-shm`,
  RESTORE_MARKER_FILE,
  HEADER_FILE,
] as const

/**
 * Moves the vault files from `oldFolder` into `dataDir` when `oldFolder` still holds a vault
 * header and `dataDir` holds none. A move cut short (header still in the old folder) is resumed at
 * the next start; a file already in `dataDir` is never overwritten. Returns whether it moved.
 */
export function moveVaultFromOldFolder(oldFolder: string, dataDir: string): boolean {
  if (!existsSync(join(oldFolder, HEADER_FILE)) || existsSync(join(dataDir, HEADER_FILE))) return false
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  try {
    for (const name of VAULT_FILES) {
      const from = join(oldFolder, name)
      const to = join(dataDir, name)
      if (existsSync(from) && !existsSync(to)) renameSync(from, to)
    }
  } catch (error) {
    // Put back everything moved, in this start or in one the power cut short (a file held open by
    // another program, say), so the vault stays whole in the old folder, which this start uses.
    for (const name of VAULT_FILES) {
      const from = join(dataDir, name)
      const to = join(oldFolder, name)
      if (existsSync(from) && !existsSync(to)) renameSync(from, to)
    }
    throw error
  }
  syncDirectory(dataDir)
  syncDirectory(oldFolder)
  return true
}

/**
 * The rollback copies such a vault's restores left beside the per-user folder
 * (`<per-user folder>.rollback-<time>`, in the system's application-data folder) go beside the new
 * data folder, where the Backup screen lists them and can remove them. Left where they were, they
 * would be whole old vaults nobody sees. Returns how many moved.
 */
export function moveOldRollbackCopies(oldFolder: string, dataDir: string): number {
  const oldPrefix = rollbackPrefix(oldFolder)
  let moved = 0
  for (const copy of listRollbackCopies(oldFolder)) {
    const target = join(dirname(dataDir), `${rollbackPrefix(dataDir)}${copy.name.slice(oldPrefix.length)}`)
    if (existsSync(target)) continue
    renameSync(join(dirname(oldFolder), copy.name), target)
    moved += 1
  }
  return moved
}
