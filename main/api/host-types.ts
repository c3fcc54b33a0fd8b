import type { ApiResult, OperationProgress, VaultLockedReason } from './contract'

/**
 * What main/index.ts, the e2e harness and the unit tests hold: the real API over one data folder.
 * The transport (ipcMain, page.exposeFunction, a direct call) is the only thing that differs.
 */
export interface ApiHost {
  /** Parse, check role, run; never throws. `channel` is `area:method`. */
  dispatch(channel: string, input: unknown): Promise<ApiResult<unknown>>
  /** Lock now (suspend, screen lock, quit). Safe to call when already locked. */
  lock(reason: VaultLockedReason): void
  /** Subscribe to lock events from any cause. Returns an unsubscribe. */
  onLocked(listener: (reason: VaultLockedReason) => void): () => void
  /** Subscribe to progress of long operations (backup, check…). Returns an unsubscribe. */
  onProgress(listener: (progress: OperationProgress) => void): () => void
  /**
   * Seconds of system idle time → lock (after the automatic backup, when configured) when over
   * the configured minutes. Call every ~30 s; resolves when done.
   */
  checkIdle(systemIdleSeconds: number): Promise<void>
  /** Lock and release everything, at once (no automatic backup). */
  dispose(): void
  /** Quitting: the automatic backup when one is configured, then lock. Never rejects. */
  shutdown(): Promise<void>
}
