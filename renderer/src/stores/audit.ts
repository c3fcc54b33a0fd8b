import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AuditEntry, AuditVerification } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'

export const AUDIT_PAGE_SIZE = 50

/** The audit log, newest first, read a page at a time; and the result of checking its hash chain. */
export const useAuditStore = defineStore('audit', () => {
  const entries = ref<AuditEntry[]>([])
  const hasMore = ref(false)
  const verification = ref<AuditVerification | null>(null)

  async function loadFirstPage(): Promise<void> {
    const page = unwrap(await casevault().audit.list({ limit: AUDIT_PAGE_SIZE }))
    entries.value = page
    hasMore.value = page.length === AUDIT_PAGE_SIZE
  }

  async function loadNextPage(): Promise<void> {
    const oldest = entries.value.at(-1)
    if (!oldest) return loadFirstPage()
    const page = unwrap(await casevault().audit.list({ limit: AUDIT_PAGE_SIZE, beforeId: oldest.id }))
    entries.value = [...entries.value, ...page]
    hasMore.value = page.length === AUDIT_PAGE_SIZE
  }

  /** Puts rows written since the first load on top, keeping the older pages already read. */
  async function loadNewest(): Promise<void> {
    const newestShown = entries.value[0]?.id
    const page = unwrap(await casevault().audit.list({ limit: AUDIT_PAGE_SIZE }))
    const newer = newestShown === undefined ? page : page.filter((entry) => entry.id > newestShown)
    if (newer.length === AUDIT_PAGE_SIZE) {
      // A full page of new rows may leave a gap below it: start over from the newest page.
      entries.value = page
      hasMore.value = true
      return
    }
    entries.value = [...newer, ...entries.value]
  }

  async function verify(): Promise<AuditVerification> {
    verification.value = unwrap(await casevault().audit.verify())
    return verification.value
  }

  function reset(): void {
    entries.value = []
    hasMore.value = false
    verification.value = null
  }

  return { entries, hasMore, verification, loadFirstPage, loadNextPage, loadNewest, verify, reset }
})
