import { CaseVaultError } from '../core/errors'
import type { OperationKind, OperationProgress } from './contract/progress'

export type ReportProgress = (stage: string, fraction: number | null) => void

// Enough for a smooth bar; more would flood IPC with a message per encrypted chunk.
const MIN_INTERVAL_MS = 100

/**
 * The long operations running now: one of each kind at a time, each with an AbortController the
 * Cancel button reaches and a throttled progress reporter that main forwards to the window.
 */
export function createOperations(emit: (progress: OperationProgress) => void, now: () => number = Date.now) {
  const running = new Map<OperationKind, AbortController>()

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
      let lastAt = -Infinity
      let lastStage = ''
      const report: ReportProgress = (stage, fraction) => {
        const at = now()
        // Stage changes always go out; within a stage, at most one message per interval.
        if (stage === lastStage && at - lastAt < MIN_INTERVAL_MS) return
        lastAt = at
        lastStage = stage
        emit({ operation, stage, fraction })
      }
      try {
        const result = await work(controller.signal, report)
        emit({ operation, stage: 'done', fraction: 1 })
        return result
      } catch (error) {
        if (controller.signal.aborted)
          throw new CaseVaultError('CANCELLED', 'Cancelled. Nothing was written.')
        throw error
      } finally {
        running.delete(operation)
      }
    },

    /** Aborts the running operation of this kind; false when none is running. */
    cancel(operation: OperationKind): boolean {
      const controller = running.get(operation)
      if (!controller) return false
      controller.abort()
      return true
    },

    /**
     * Aborts everything running (the vault was locked). A backup, check, export or import started
     * before the lock must not go on reading or writing the vault's data after it; each ends with
     * CANCELLED and leaves no file.
     */
    cancelAll(): void {
      for (const controller of running.values()) controller.abort()
    },

    isRunning(operation: OperationKind): boolean {
      return running.has(operation)
    },
  }
}

export type Operations = ReturnType<typeof createOperations>
