import { sweepAbandonedScratch } from '../core/backup/scratch-folder'
import { Vault, type VaultOptions } from '../core/vault/vault'
import { createUserService } from '../core/users/user-service'
import { shouldAutoLock } from '../core/vault/auto-lock'
import { CaseVaultError } from '../core/errors'
import { dispatch } from './dispatch'
import { lockWithAutoBackup } from './lock-with-backup'
import { createOperations } from './operations'
import type { OperationProgress } from './contract/progress'
import type { HandlerContext } from './handler'
import type { ApiHost } from './host-types'
import { noFileAccess, sessionBoundFileAccess, type FileAccess } from './file-access'
import { bundledExportWorker } from '../core/export/export-worker-script'

export type { ApiHost } from './host-types'
export interface HostOptions extends VaultOptions {
  /** OS save/open dialogs (Electron main); omitted → file export is unavailable. */
  files?: FileAccess
  /**
   * The built export worker (export-worker.ts). Default: the one beside this bundle
   * (export-worker-script.ts); null, or none found: full-record exports read in main, in one go.
   */
  exportWorker?: URL | string | null
}

/** An operation started this long after the last input was not started by a person. */
const STARTED_BY_PERSON_MS = 60_000
/** An operation with no progress for this long is stalled: it no longer holds off the idle lock. */
const STALLED_AFTER_MS = 5 * 60_000

function isWatchedWork(
  work: { startedAt: number; progressAt: number },
  now: number,
  systemIdleSeconds: number,
): boolean {
  const lastInputAt = now - systemIdleSeconds * 1000
  return work.startedAt - lastInputAt <= STARTED_BY_PERSON_MS && now - work.progressAt <= STALLED_AFTER_MS
}

/** The real API over one data folder; main/index.ts, the e2e harness and tests all use this. */
export function createApiHost(options: HostOptions): ApiHost {
  const vault = new Vault(options)
  const userService = createUserService(vault)
  const progressListeners = new Set<(progress: OperationProgress) => void>()
  const operations = createOperations((progress) => {
    for (const listener of progressListeners) listener(progress)
  })
  // Locking stops what is running (the admin restore locks the vault itself just before its swap,
  // after its last check of the signal, so it still completes).
  vault.onLocked(() => operations.cancelAll())
  // What a check or restore cut short by a crash left behind (an unpacked backup, in RAM on Linux).
  void sweepAbandonedScratch(options.dataDir).catch(() => undefined)
  // When a long operation was last seen running, on both clocks: idle time counts from its end.
  let busyAt = { monotonic: -Infinity, wall: -Infinity }
  const ctx: HandlerContext = {
    vault,
    userService,
    operations,
    files: sessionBoundFileAccess(
      options.files ?? noFileAccess,
      () => vault.session(),
      vault.dataDir,
      (write) => operations.track(write),
    ),
    exportWorker: options.exportWorker === undefined ? bundledExportWorker() : options.exportWorker,
    get session() {
      const session = vault.session()
      if (!session) throw new CaseVaultError('LOCKED', 'The vault is locked.')
      return session
    },
  }

  return {
    dispatch: (channel, input) => dispatch(ctx, channel, input),
    lock: (reason) => vault.lock(reason),
    onLocked: (listener) => vault.onLocked(listener),
    onProgress(listener) {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
    },
    async checkIdle(systemIdleSeconds) {
      const session = vault.session()
      if (!session) return
      // A backup, check, export or import that runs is work, not idleness: an administrator who
      // watched the bar of a long backup without touching anything had it cancelled by the idle
      // lock ("Cancelled. Nothing was written."). Idle time counts from when it ended. Only an
      // operation a person started (within a minute of their last key or click) and that still
      // moves counts: one the page started while nobody was there, or one stalled on a dead
      // share, must not keep an unattended vault open.
      // Time since the work was last seen, the longer of two readings: the monotonic clock's (the
      // wall clock set back an hour made the work's end lie an hour ahead, and the vault stayed
      // open, unattended, until the clock caught up), and the wall clock's (the monotonic one
      // stands still while the computer sleeps: a missed 'suspend' left the vault open on waking).
      const now = { monotonic: performance.now(), wall: Date.now() }
      if (operations.activity().some((work) => isWatchedWork(work, now.monotonic, systemIdleSeconds)))
        busyAt = now
      const sinceBusy = Math.max(now.monotonic - busyAt.monotonic, now.wall - busyAt.wall)
      const idleSeconds = Math.min(systemIdleSeconds, sinceBusy / 1000)
      if (shouldAutoLock(idleSeconds, session.settings.get().autoLockMinutes))
        await lockWithAutoBackup(vault, 'idle')
    },
    dispose: () => vault.lock('user'),
    // The lock cancels what runs; the quit then waits for it to wind down (its files removed).
    shutdown: async () => {
      await lockWithAutoBackup(vault, 'user').catch(() => vault.lock('user'))
      await operations.whenIdle()
    },
  }
}
