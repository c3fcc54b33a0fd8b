import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type { AuditEntry } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

const PAGE_SIZE = 200
// A case opened every day has pages of nothing but "case opened": read on past them to a row the
// tab shows, but not without end (a few pages per look; the tab offers to look further back).
const MAX_PAGES_PER_LOOK = 5

/** One case's audit trail, newest first (supervisors and admins: main refuses others). */
export const useCaseHistoryStore = defineStore('case-history', () => {
  const caseId = ref<number | null>(null)
  const entries = ref<AuditEntry[]>([])
  const reachedStart = ref(false)
  let oldestSeen: number | undefined
  // Bumped by reset: a page that arrives after a reload (same case or another) is dropped.
  let generation = 0

  async function scan(): Promise<void> {
    const id = caseId.value
    if (id === null || reachedStart.value) return
    const started = generation
    const target = `case:${id}`
    const input =
      oldestSeen === undefined
        ? { limit: PAGE_SIZE, target }
        : { limit: PAGE_SIZE, target, beforeId: oldestSeen }
    const page = unwrap(await casevault().audit.list(input))
    if (generation !== started) return
    oldestSeen = page.at(-1)?.id ?? oldestSeen
    entries.value = [...entries.value, ...page]
    if (page.length < PAGE_SIZE) reachedStart.value = true
  }

  /** Reads older pages until one holds an entry the reader wants, or the start, or the bound. */
  async function loadOlder(wanted: (entry: AuditEntry) => boolean = () => true): Promise<void> {
    const started = generation
    for (let page = 0; page < MAX_PAGES_PER_LOOK && !reachedStart.value && generation === started; page++) {
      const before = entries.value.length
      await scan()
      if (entries.value.slice(before).some(wanted)) return
    }
  }

  async function load(id: number, wanted?: (entry: AuditEntry) => boolean): Promise<void> {
    reset()
    caseId.value = id
    await loadOlder(wanted)
  }

  function reset(): void {
    generation += 1
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

  return { caseId, entries, reachedStart, load, loadOlder, reset }
})
