import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { DashboardSummary } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'

/** The dashboard: what needs doing today, read fresh each time the screen opens. */
export const useDashboardStore = defineStore('dashboard', () => {
  const summary = ref<DashboardSummary | null>(null)

  async function load(): Promise<DashboardSummary> {
    summary.value = unwrap(await casevault().dashboard.summary())
    return summary.value
  }

  function reset(): void {
    summary.value = null
  }

  return { summary, load, reset }
})
