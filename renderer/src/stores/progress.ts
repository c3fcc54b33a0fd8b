import { onScopeDispose, ref } from 'vue'
import { defineStore } from 'pinia'
import type { OperationKind, OperationProgress } from '../../../main/api/contract'
import { casevault } from './client'

/**
 * Progress main reports for long operations (backup, check, restore, export), by operation.
 * One subscription for the whole window, dropped with the store when the vault locks.
 */
export const useProgressStore = defineStore('progress', () => {
  const latest = ref<Partial<Record<OperationKind, OperationProgress>>>({})
  // Guarded: component tests may install their stub after the store exists.
  const unsubscribe = casevault()?.onProgress?.((progress) => {
    latest.value = { ...latest.value, [progress.operation]: progress }
  })
  onScopeDispose(() => unsubscribe?.())

  /** Share done (0…1) of this operation, or null while its current step has no known length. */
  function fraction(operation: OperationKind): number | null {
    const progress = latest.value[operation]
    return progress && progress.stage !== 'done' ? progress.fraction : null
  }

  /** The step main reports now ('read', 'encrypt'…), or null before the first report. */
  function stage(operation: OperationKind): string | null {
    return latest.value[operation]?.stage ?? null
  }

  /** Forget the last run's progress before starting again. */
  function clear(operation: OperationKind): void {
    const next = { ...latest.value }
    delete next[operation]
    latest.value = next
  }

  return { latest, fraction, stage, clear }
})
