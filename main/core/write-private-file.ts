import { rename, rm, writeFile } from 'node:fs/promises'

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
