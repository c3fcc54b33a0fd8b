import { mkdtemp, statfs } from 'node:fs/promises'
import { freemem, tmpdir } from 'node:os'
import { join } from 'node:path'

const SHARED_MEMORY = '/dev/shm'

/**
 * A private folder for unpacking a backup only to check it. On Linux, in memory (tmpfs) when
 * there is room for twice the backup with as much RAM to spare: verifying a 600 MB backup then
 * writes nothing to disk (the database inside stays SQLCipher-encrypted either way).
 * Elsewhere, or when memory is short, the system temp folder.
 */
export async function scratchFolder(prefix: string, bytes: number): Promise<string> {
  if (process.platform === 'linux') {
    try {
      const space = await statfs(SHARED_MEMORY)
      if (space.bavail * space.bsize > 2 * bytes && freemem() > 2 * bytes) {
        return await mkdtemp(join(SHARED_MEMORY, prefix))
      }
    } catch {
      // No tmpfs here (or not writable): the temp folder will do.
    }
  }
  return mkdtemp(join(tmpdir(), prefix))
}
