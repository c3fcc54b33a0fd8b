import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { CreateSupportPlanInput, SupportPlan, UpdateSupportPlanInput } from '../../../main/api/contract'
import { isStaleRefusal, unwrap } from '../api-error'
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
    let updated: SupportPlan
    try {
      updated = unwrap(await casevault().referrals.updateSupportPlan(input))
    } catch (error) {
      // Someone else saved the plan first: the list loads their version (and its version number),
      // so it shows what they saved and Edit opened again starts from it, instead of being refused
      // as stale again and again until the case is left (as for perpetrators, case-parts.ts).
      const id = caseId.value
      if (id !== null && isStaleRefusal(error)) {
        await load(id).catch(() => undefined)
      }
      throw error
    }
    plans.value = plans.value.map((plan) => (plan.id === updated.id ? updated : plan))
    return updated
  }

  return { caseId, plans, load, create, update }
})
