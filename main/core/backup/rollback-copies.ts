// The vaults a restore moved aside (`<data folder>.rollback-<time>`, restore-backup.ts). Each is a
// whole vault as it was: as large as the live one, and still openable with the passphrases that
// were valid then — a former colleague's among them, or one that was the reason for restoring. An
// admin sees them on the Backup screen and can remove them once the restored vault has proven
// itself. Only folders named exactly so, beside this data folder, are ever touched.
import { readdirSync, rmSync, statSync, type Dirent } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { RollbackCopy } from '../../api/contract/backup'

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/

function movedAsideAt(name: string, prefix: string): string | null {
  const match = STAMP.exec(name.slice(prefix.length))
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z` : null
}

function folderBytes(path: string): number {
  let total = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const inner = join(path, entry.name)
    if (entry.isDirectory()) total += folderBytes(inner)
    else if (entry.isFile()) total += statSync(inner).size
  }
  return total
}

function rollbackFolders(dataDir: string): { entry: Dirent; at: string }[] {
  const parent = dirname(dataDir)
  const prefix = `${basename(dataDir)}.rollback-`
  let entries: Dirent[]
  try {
    entries = readdirSync(parent, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    const at = entry.isDirectory() && entry.name.startsWith(prefix) ? movedAsideAt(entry.name, prefix) : null
    return at ? [{ entry, at }] : []
  })
}

/** The rollback copies of this data folder, oldest first. */
export function listRollbackCopies(dataDir: string): RollbackCopy[] {
  const parent = dirname(dataDir)
  return rollbackFolders(dataDir)
    .map(({ entry, at }) => ({
      name: entry.name,
      movedAsideAt: at,
      bytes: folderBytes(join(parent, entry.name)),
    }))
    .sort((a, b) => a.movedAsideAt.localeCompare(b.movedAsideAt))
}

/** Deletes every rollback copy of this data folder; returns how many were removed. */
export function removeRollbackCopies(dataDir: string): number {
  const parent = dirname(dataDir)
  const folders = rollbackFolders(dataDir)
  for (const { entry } of folders) rmSync(join(parent, entry.name), { recursive: true, force: true })
  return folders.length
}
