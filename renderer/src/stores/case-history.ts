import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type { AuditEntry } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

const PAGE_SIZE = 200

/** One case's audit trail, newest first (supervisors and admins: main refuses others). */
export const useCaseHistoryStore = defineStore('case-history', () => {
  const caseId = ref<number | null>(null)
  const entries = ref<AuditEntry[]>([])
  const reachedStart = ref(false)
  let oldestSeen: number | undefined

  async function scan(): Promise<void> {
    const id = caseId.value
    if (id === null || reachedStart.value) return
    const target = `case:${id}`
    const input =
      oldestSeen === undefined
        ? { limit: PAGE_SIZE, target }
        : { limit: PAGE_SIZE, target, beforeId: oldestSeen }
    const page = unwrap(await casevault().audit.list(input))
    if (caseId.value !== id) return
    oldestSeen = page.at(-1)?.id ?? oldestSeen
    entries.value = [...entries.value, ...page]
    if (page.length < PAGE_SIZE) reachedStart.value = true
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
