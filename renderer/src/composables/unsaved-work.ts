import { onBeforeUnmount } from 'vue'

// Every screen and form dialog that can hold typed, unsaved work says how to tell (its guard
// registers here). A lock closes them all without a question, as it must: the vault is closing.
// The unlock screen then says that typed work was not kept (vault store: lostUnsavedWork). It had
// read exactly as after a lock with nothing typed, and a half-written note was lost without a word.
const checks = new Set<() => boolean>()

/** Registers a component's "has unsaved work" check for as long as it is mounted. */
export function trackUnsavedWork(isDirty: () => boolean): void {
  checks.add(isDirty)
  onBeforeUnmount(() => checks.delete(isDirty))
}

/** Whether any mounted screen or open dialog holds typed work not saved yet. */
export function anyUnsavedWork(): boolean {
  for (const isDirty of checks) if (isDirty()) return true
  return false
}
