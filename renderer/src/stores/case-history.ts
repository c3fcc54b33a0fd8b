import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type { AuditEntry } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

const SCAN_PAGE_SIZE = 500
/** How many audit rows one "look further back" reads before showing what it found. */
const ROWS_PER_SCAN = 5000

/**
 * One case's audit trail (supervisors and admins: main refuses others). The audit API lists the
 * whole log newest first, so this reads it page by page and keeps the rows about `case:<id>`.
 */
export const useCaseHistoryStore = defineStore('case-history', () => {
  const caseId = ref<number | null>(null)
  const entries = ref<AuditEntry[]>([])
  const reachedStart = ref(false)
  let oldestSeen: number | undefined

  async function scan(): Promise<void> {
    const id = caseId.value
    if (id === null) return
    const target = `case:${id}`
    let read = 0
    while (read < ROWS_PER_SCAN && !reachedStart.value) {
      const input =
        oldestSeen === undefined ? { limit: SCAN_PAGE_SIZE } : { limit: SCAN_PAGE_SIZE, beforeId: oldestSeen }
      const page = unwrap(await casevault().audit.list(input))
      if (caseId.value !== id) return
      read += page.length
      oldestSeen = page.at(-1)?.id ?? oldestSeen
      entries.value = [...entries.value, ...page.filter((entry) => entry.target === target)]
      if (page.length < SCAN_PAGE_SIZE) reachedStart.value = true
    }
  }

  async function load(id: number): Promise<void> {
    reset()
    caseId.value = id
    await scan()
  }

  function reset(): void {
    caseId.value = null
    entries.value = []
    reachedStart.value = false
    oldestSeen = undefined
  }

  watch(
    () => useVaultStore().state,
    (state) => {
      if (state !== 'unlocked') reset()
    },
  )

  return { caseId, entries, reachedStart, load, loadOlder: scan, reset }
})
