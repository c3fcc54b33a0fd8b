import { randomBytes } from 'node:crypto'
import { renameSync, rmSync } from 'node:fs'
import { open, rm, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { CaseVaultError } from './errors'
import { syncDirectory } from './vault/vault-header'

/** A whole file's content: one buffer, or chunks in order (a large export is never joined first). */
export type FileData = Uint8Array | Iterable<Uint8Array>

/**
 * Writes with owner-only permissions (an exported document is as sensitive as the vault), under a
 * temporary name renamed at the end: a full disk or a pulled USB stick leaves no half-written file
 * under the name the user chose, and no partial one beside it. The content is on the disk before
 * the rename, and the rename before this returns: "saved" is said when a stick pulled out at once
 * still holds the whole file (without the syncs it may sit in memory for seconds, and the rename
 * can reach the disk before the content: a file of the right name, empty or cut short).
 */
export async function writePrivateFile(path: string, data: FileData, signal?: AbortSignal): Promise<void> {
  const { temp, file } = await newFileBeside(path)
  try {
    try {
      await file.writeFile(data)
      await file.sync()
    } finally {
      await file.close()
    }
    commitUnlessAborted(temp, path, signal)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  syncFolderOf(path)
}

/**
 * The temporary file takes its name, unless the work was cancelled: checked, then renamed, with no
 * await in between, so that no Cancel comes after the check and before the caller's own
 * (discardIfAborted). A Cancel heard after the last sync renamed over the file the user chose to
 * replace (an earlier backup), and the discard then removed both: "Cancelled", and no backup.
 */
export function commitUnlessAborted(temp: string, path: string, signal: AbortSignal | undefined): void {
  signal?.throwIfAborted()
  renameSync(temp, path)
}

/**
 * A new owner-only file beside `path`, under a random temporary name, made by this call. Opening a
 * fixed `<path>.partial` with 'w' wrote through whatever sat there: someone with write access to a
 * shared export folder could plant a link to a file of theirs and receive a plaintext export in it.
 * 'wx' refuses an existing name, link or not, and the random part keeps a planted name unguessable.
 */
export async function newFileBeside(path: string): Promise<{ temp: string; file: FileHandle }> {
  // A short name of its own, not the chosen name plus a suffix: a name the drive accepts (up to
  // 255 bytes) had gone past the limit once ".<hex>.partial" was added, and the export failed.
  const temp = join(dirname(path), `.casevault-${randomBytes(6).toString('hex')}.partial`)
  return { temp, file: await open(temp, 'wx', 0o600) }
}

/**
 * Puts a rename in `path`'s folder on the disk (syncDirectory, as the vault's own writes do). Best
 * effort: some file systems refuse to sync a folder (FAT on some systems); the file is synced.
 */
export function syncFolderOf(path: string): void {
  try {
    syncDirectory(dirname(path))
  } catch {
    // The data itself is on the disk already.
  }
}

/**
 * The last step before a written file is audit-logged: if the work was cancelled or the vault
 * locked while it was written, its session cannot log it, and no file may exist that the audit
 * log does not know of. So it is removed and the call ends with CANCELLED. Synchronous on
 * purpose: from here to the caller's audit row nothing awaits, so no lock comes in between.
 */
export function discardIfAborted(path: string, signal: AbortSignal | undefined, message: string): void {
  if (!signal?.aborted) return
  rmSync(path, { force: true })
  throw new CaseVaultError('CANCELLED', message)
}
