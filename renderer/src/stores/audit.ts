import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AuditEntry, AuditVerification } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'

const PAGE_SIZE = 100

/** The audit log, newest first, read a page at a time; and the result of checking its hash chain. */
export const useAuditStore = defineStore('audit', () => {
  const entries = ref<AuditEntry[]>([])
  const hasMore = ref(false)
  const verification = ref<AuditVerification | null>(null)

  async function loadFirstPage(): Promise<void> {
    const page = unwrap(await casevault().audit.list({ limit: PAGE_SIZE }))
    entries.value = page
    hasMore.value = page.length === PAGE_SIZE
  }

  async function loadNextPage(): Promise<void> {
    const oldest = entries.value.at(-1)
    if (!oldest) return loadFirstPage()
    const page = unwrap(await casevault().audit.list({ limit: PAGE_SIZE, beforeId: oldest.id }))
    entries.value = [...entries.value, ...page]
    hasMore.value = page.length === PAGE_SIZE
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

  return { entries, hasMore, verification, loadFirstPage, loadNextPage, verify, reset }
})
