import type { HandlerContext } from './handler'
import { noteFailedSwap } from '../core/backup/failed-swap-note'

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
  ctx.operations.commit(operation)
  ctx.vault.lock('user')
  return {
    failed: (error) => noteFailedSwap(ctx.vault.dataDir, key, session.user.username, session.clock, error),
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
  let swap: Swap | null = null
  try {
    return await run(() => {
      swap = beginSwap(ctx, 'restore')
    })
  } catch (error) {
    ;(swap as Swap | null)?.failed(error)
    throw error
  } finally {
    ;(swap as Swap | null)?.done()
  }
}
