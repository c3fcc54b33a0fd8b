import { statSync } from 'node:fs'
import type { HandlerContext } from './handler'
import { noteFailedSwap } from '../core/backup/failed-swap-note'

/** Which folder sits at `path` (device and inode): a rename moves the identity with the folder. */
function folderIdentity(path: string): string | null {
  try {
    const info = statSync(path, { bigint: true })
    return `${info.dev}:${info.ino}`
  } catch {
    return null
  }
}

export interface Swap {
  /** The swap did not happen: the vault, still the live one, records that after its "restored". */
  failed(error: unknown): void
  /** Wipes the key kept for that note. */
  done(): void
}

/**
 * The moment before a restore's folder swap: the operation can no longer be cancelled (a lock
 * would have turned the swap's own error into "Cancelled"), and the vault is locked so that its
 * database is closed. A copy of the key is kept across the swap for one thing only: to record in
 * the vault's log that the swap failed, if it does (failed-swap-note.ts).
 */
export function beginSwap(ctx: HandlerContext, operation: 'restore'): Swap {
  const session = ctx.session
  const key = ctx.vault.databaseKeyCopy()
  const { dataDir } = ctx.vault
  const folderBefore = folderIdentity(dataDir)
  ctx.operations.commit(operation)
  ctx.vault.lock('user')
  return {
    failed: (error) => {
      // Only while the folder is still the one that was to be moved aside: after a swap that
      // happened, the note went into the restored vault (a reviewing helper found it there).
      if (folderBefore !== null && folderIdentity(dataDir) === folderBefore)
        noteFailedSwap(dataDir, key, session.user.username, session.clock, error)
    },
    done: () => key.fill(0),
  }
}

/**
 * Runs a restore (or bring-back) whose `beforeSwap` step calls `atSwap()` last: past that point it
 * cannot be cancelled, and a failure is noted in the vault that stayed.
 */
export async function guardedSwap<T>(
  ctx: HandlerContext,
  run: (atSwap: () => void) => Promise<T>,
): Promise<T> {
  let swap = null as Swap | null // set inside the callback: declared wide so it is not narrowed to null
  try {
    return await run(() => {
      swap = beginSwap(ctx, 'restore')
    })
  } catch (error) {
    swap?.failed(error)
    throw error
  } finally {
    swap?.done()
  }
}
