import { CaseVaultError } from '../core/errors'
import type { OperationKind, OperationProgress } from './contract/progress'

export type ReportProgress = (stage: string, fraction: number | null) => void

// Enough for a smooth bar; more would flood IPC with a message per encrypted chunk.
const MIN_INTERVAL_MS = 100

/**
 * The long operations running now: one of each kind at a time, each with an AbortController the
 * Cancel button reaches and a throttled progress reporter that main forwards to the window.
 */
/** `now`: a monotonic clock by default, as host.ts's idle check compares these times with its own. */
export function createOperations(
  emit: (progress: OperationProgress) => void,
  now: () => number = () => performance.now(),
) {
  const running = new Map<OperationKind, AbortController>()
  // Each running operation's work, settled or not: a quit waits for them (see whenIdle).
  const inFlight = new Set<Promise<unknown>>()
  // Operations past the point where stopping is possible (a restore's folder swap).
  const committed = new Set<OperationKind>()
  // When each running operation started and last reported progress (see activity()).
  const times = new Map<OperationKind, { startedAt: number; progressAt: number }>()

  /** Counts work among what a quit waits for (see whenIdle), until it settles either way. */
  function track(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      () => undefined,
    )
    inFlight.add(tracked)
    void tracked.then(() => inFlight.delete(tracked))
  }

  return {
    async run<T>(
      operation: OperationKind,
      work: (signal: AbortSignal, report: ReportProgress) => Promise<T>,
    ): Promise<T> {
      if (running.has(operation)) {
        throw new CaseVaultError('CONFLICT', 'This is already running. Wait for it to finish.', { operation })
      }
      const controller = new AbortController()
      running.set(operation, controller)
      const startedAt = now()
      times.set(operation, { startedAt, progressAt: startedAt })
      let lastAt = -Infinity
      let lastStage = ''
      const report: ReportProgress = (stage, fraction) => {
        const at = now()
        times.set(operation, { startedAt, progressAt: at })
        // Stage changes always go out; within a stage, at most one message per interval.
        if (stage === lastStage && at - lastAt < MIN_INTERVAL_MS) return
        lastAt = at
        lastStage = stage
        emit({ operation, stage, fraction })
      }
      try {
        const working = work(controller.signal, report)
        track(working)
        const result = await working
        emit({ operation, stage: 'done', fraction: 1 })
        return result
      } catch (error) {
        if (controller.signal.aborted)
          throw new CaseVaultError('CANCELLED', 'Cancelled. Nothing was written.')
        throw error
      } finally {
        running.delete(operation)
        committed.delete(operation)
        times.delete(operation)
      }
    },

    /**
     * From here on the running operation of this kind cannot be cancelled, by Cancel or by a lock.
     * A restore says so just before its swap, and then locks the vault itself: that lock aborted
     * the restore's own signal, so a swap the operating system refused was reported as
     * "Cancelled. Nothing was written." instead of why (found by a reviewing helper).
     */
    commit(operation: OperationKind): void {
      if (running.has(operation)) committed.add(operation)
    },

    /** Aborts the running operation of this kind; false when none is running (or it is committed). */
    cancel(operation: OperationKind): boolean {
      const controller = running.get(operation)
      if (!controller || committed.has(operation)) return false
      controller.abort()
      return true
    },

    /**
     * Aborts everything running (the vault was locked). A backup, check, export or import started
     * before the lock must not go on reading or writing the vault's data after it; each ends with
     * CANCELLED and leaves no file.
     */
    cancelAll(): void {
      for (const [operation, controller] of running) if (!committed.has(operation)) controller.abort()
    },

    /**
     * Counts a write made outside run() (an attachment saved out, a directory export) among the
     * work a quit waits for: a quit during it left its plaintext temporary file behind.
     */
    track,

    isRunning(operation: OperationKind): boolean {
      return running.has(operation)
    },

    /** When each running operation started and when it last reported progress (the idle lock's). */
    activity(): { startedAt: number; progressAt: number }[] {
      return [...times.values()]
    },

    /**
     * Resolves once every operation running now has ended, its clean-up done (a cancelled export
     * removes its temporary file), or after `capMs`. A quit waits for this: it quit while an export
     * to a slow stick still held a plaintext temporary file, which nothing then removed.
     */
    async whenIdle(capMs = 30_000): Promise<void> {
      if (inFlight.size === 0) return
      let timer: NodeJS.Timeout | undefined
      const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)))
      await Promise.race([Promise.allSettled([...inFlight]), cap])
      clearTimeout(timer)
    },
  }
}

export type Operations = ReturnType<typeof createOperations>
