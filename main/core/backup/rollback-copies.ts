// The vaults a restore moved aside (`<data folder>.rollback-<time>`, restore-backup.ts). Each is a
// whole vault as it was: as large as the live one, and still openable with the passphrases that
// were valid then — a former colleague's among them, or one that was the reason for restoring. An
// admin sees them on the Backup screen and can remove them once the restored vault has proven
// itself. Only folders named exactly so, beside this data folder, are ever touched.
import { existsSync, readdirSync, rmSync, statSync, type Dirent } from 'node:fs'
import { rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { RollbackCopy } from '../../api/contract/backup'
import { CaseVaultError } from '../errors'
import { classifyFileError } from '../file-errors'
import { DATABASE_FILE, readHeader, syncDirectory } from '../vault/vault-header'
import { folderStamp, rollbackPrefix } from './beside-data-folder'
import { assertNotOpenElsewhere } from '../vault/in-use-marker'
import { assertNoSwapPending, clearSwapJournal, writeSwapJournal } from './swap-journal'

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
  const prefix = rollbackPrefix(dataDir)
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

/** Where a vault moved aside at `at` goes: `<data folder>.rollback-<time>`, beside it. */
export function rollbackFolderFor(dataDir: string, at: Date): string {
  return join(dirname(dataDir), `${rollbackPrefix(dataDir)}${folderStamp(at)}`)
}

/**
 * Undoes a restore: the rollback copy `name` becomes the vault again, and the vault it replaces is
 * moved aside as a rollback copy in turn (so this can be undone too). Only a folder listed as a
 * copy of this data folder, holding a readable vault header, is taken. `beforeSwap` runs once the
 * copy is found good and before anything moves: the caller records it and locks the vault there.
 */
export async function bringBackRollbackCopy(
  dataDir: string,
  name: string,
  now: Date,
  beforeSwap: (movedAsideAt: string) => void,
): Promise<{ movedAsideAt: string }> {
  const parent = dirname(dataDir)
  const found = rollbackFolders(dataDir).find(({ entry }) => entry.name === name)
  if (!found) throw new CaseVaultError('NOT_FOUND', 'There is no such copy beside the data folder.')
  const copy = join(parent, found.entry.name)
  readHeader(copy) // a copy without a readable vault header is not brought back
  if (!existsSync(join(copy, DATABASE_FILE)))
    throw new CaseVaultError('DB_MISSING', 'The copy has no database file.')
  assertNotOpenElsewhere(dataDir) // before the caller logs it and locks the vault
  beforeSwap(found.at)
  await swapIntoDataFolder(dataDir, copy, now)
  return { movedAsideAt: found.at }
}

/**
 * Puts the vault folder `incoming` in the data folder's place: the vault there (if any) is renamed
 * to a dated rollback copy first, and put back if the second rename fails. Both are renames on
 * one disk, recorded first in a note that the next start reads if the power goes between them
 * (swap-journal.ts). Returns where the replaced vault went (null when the data folder was absent).
 */
export async function swapIntoDataFolder(
  dataDir: string,
  incoming: string,
  now: Date,
): Promise<string | null> {
  assertNoSwapPending(dataDir)
  assertNotOpenElsewhere(dataDir)
  const rollbackDir = existsSync(dataDir) ? rollbackFolderFor(dataDir, now) : null
  // Power lost between the two renames is finished (or undone) at the next start: swap-journal.ts.
  writeSwapJournal(dataDir, incoming, rollbackDir)
  try {
    if (rollbackDir) await rename(dataDir, rollbackDir)
  } catch (error) {
    clearSwapJournal(dataDir) // nothing moved (on Windows, a file in the folder held open elsewhere)
    throw classifyFileError(error) ?? error // FILE_IN_USE says why, in the user's words
  }
  try {
    await rename(incoming, dataDir)
  } catch (error) {
    if (rollbackDir) await rename(rollbackDir, dataDir)
    clearSwapJournal(dataDir)
    throw classifyFileError(error) ?? error
  }
  try {
    syncDirectory(dirname(dataDir))
  } catch {
    // The swap is done; a folder that cannot be synced (FAT on some systems) must not report it failed.
  }
  clearSwapJournal(dataDir)
  return rollbackDir
}

/** Deletes every rollback copy of this data folder; returns how many were removed. */
export function removeRollbackCopies(dataDir: string): number {
  const parent = dirname(dataDir)
  const folders = rollbackFolders(dataDir)
  for (const { entry } of folders) rmSync(join(parent, entry.name), { recursive: true, force: true })
  return folders.length
}
