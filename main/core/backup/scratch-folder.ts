import { mkdtemp, readdir, rm, stat, statfs } from 'node:fs/promises'
import { freemem, tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { pendingSwapIncoming } from './swap-journal'
import { folderStamp, restoreStagingPrefix } from './beside-data-folder'

const SHARED_MEMORY = '/dev/shm'
export const VERIFY_SCRATCH_PREFIX = 'casevault-verify-'
/** Older than this, a scratch or staging folder belongs to no running check or restore. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000

/**
 * Where a restore unpacks and checks a backup before the swap: beside the data folder (same disk,
 * so the swap is a rename), hidden, dated.
 */
export function restoreStagingFolder(dataDir: string, at: Date): string {
  return join(dirname(dataDir), `${restoreStagingPrefix(dataDir)}${folderStamp(at)}`)
}

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

/**
 * Removes what a check or restore left behind when the app was killed or the power went in the
 * middle (each removes its own folder when it ends, even on failure): an unpacked backup in
 * memory (/dev/shm holds it until the next reboot, hundreds of MB of a shelter PC's RAM) or on
 * disk. Only folders older than an hour are touched, so a check running in another CaseVault
 * process (the command line) is left alone. Best effort: a folder that cannot be removed stays.
 */
export async function sweepAbandonedScratch(dataDir: string, now: Date = new Date()): Promise<string[]> {
  const places = [
    { folder: dirname(dataDir), prefix: restoreStagingPrefix(dataDir) },
    { folder: tmpdir(), prefix: VERIFY_SCRATCH_PREFIX },
    ...(process.platform === 'linux' ? [{ folder: SHARED_MEMORY, prefix: VERIFY_SCRATCH_PREFIX }] : []),
  ]
  // A staging folder whose vault a cut-short swap still has to move in (swap-journal.ts) stays.
  const pending = pendingSwapIncoming(dataDir)
  const removed: string[] = []
  for (const { folder, prefix } of places) {
    let names: string[]
    try {
      names = (await readdir(folder)).filter((name) => name.startsWith(prefix))
    } catch {
      continue
    }
    for (const name of names) {
      const path = join(folder, name)
      if (pending && (pending === path || pending.startsWith(path + sep))) continue
      try {
        const info = await stat(path)
        if (!info.isDirectory() || now.getTime() - info.mtimeMs < ABANDONED_AFTER_MS) continue
        await rm(path, { recursive: true, force: true })
        removed.push(path)
      } catch {
        // Another user's folder, or gone meanwhile: not ours to insist on.
      }
    }
  }
  return removed
}
