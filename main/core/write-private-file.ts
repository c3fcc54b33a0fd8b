import { rmSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { CaseVaultError } from './errors'

/** A whole file's content: one buffer, or chunks in order (a large export is never joined first). */
export type FileData = Uint8Array | Iterable<Uint8Array>

/**
 * Writes with owner-only permissions (an exported document is as sensitive as the vault), under a
 * temporary name renamed at the end: a full disk or a pulled USB stick leaves no half-written file
 * under the name the user chose, and no partial one beside it.
 */
export async function writePrivateFile(path: string, data: FileData): Promise<void> {
  const temp = `${path}.partial`
  try {
    await writeFile(temp, data, { mode: 0o600 })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
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
