import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { CreateSupportPlanInput, SupportPlan, UpdateSupportPlanInput } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'

/** The open case's support plans (HTCDS spl_). */
export const useSupportPlansStore = defineStore('support-plans', () => {
  const caseId = ref<number | null>(null)
  const plans = ref<SupportPlan[]>([])

  async function load(id: number): Promise<void> {
    if (caseId.value !== id) plans.value = []
    caseId.value = id
    const loaded = unwrap(await casevault().referrals.supportPlans({ caseId: id }))
    if (caseId.value === id) plans.value = loaded
  }

  async function create(input: CreateSupportPlanInput): Promise<SupportPlan> {
    const created = unwrap(await casevault().referrals.createSupportPlan(input))
    plans.value = [created, ...plans.value]
    return created
  }

  async function update(input: UpdateSupportPlanInput): Promise<SupportPlan> {
    const updated = unwrap(await casevault().referrals.updateSupportPlan(input))
    plans.value = plans.value.map((plan) => (plan.id === updated.id ? updated : plan))
    return updated
  }

  return { caseId, plans, load, create, update }
})
