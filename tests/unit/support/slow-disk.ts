import { rm } from 'node:fs/promises'
import type * as WritePrivateFile from '../../../main/core/write-private-file'

/**
 * A slow USB stick: the real private-file writer (write-private-file.ts), step by step, with its
 * sync held for `disk.slowSyncMs` (a sync of a large export to a stick takes seconds); with 0 it is
 * the real writer. For `vi.mock` of write-private-file, with `disk` from `vi.hoisted`.
 */
export function slowDiskWriter(
  real: typeof WritePrivateFile,
  disk: { slowSyncMs: number },
): typeof WritePrivateFile {
  return {
    ...real,
    async writePrivateFile(path: string, data: Uint8Array | Iterable<Uint8Array>, signal?: AbortSignal) {
      const { temp, file } = await real.newFileBeside(path)
      try {
        try {
          await file.writeFile(data)
          await new Promise((resolve) => setTimeout(resolve, disk.slowSyncMs))
          await file.sync()
        } finally {
          await file.close()
        }
        real.commitUnlessAborted(temp, path, signal)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
      real.syncFolderOf(path)
    },
  }
}
