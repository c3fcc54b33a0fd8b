import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type { SessionUser } from '../../../main/api/contract'
import { useVaultStore } from './vault'
import { unwrap } from '../api-error'
import { casevault } from './client'

export interface Assignee {
  id: number
  displayName: string
}

/** People a case can be assigned to (active admins, supervisors and caseworkers). */
export const useAssigneesStore = defineStore('assignees', () => {
  const assignees = ref<Assignee[]>([])
  const loaded = ref(false)

  function sortedUnique(people: Assignee[]): Assignee[] {
    const byId = new Map(people.map((person) => [person.id, person]))
    return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName))
  }

  async function load(): Promise<void> {
    const vault = useVaultStore()
    const me: SessionUser | null = vault.user
    if (!me || me.role === 'caseworker' || me.role === 'analyst') {
      assignees.value = me ? [{ id: me.id, displayName: me.displayName }] : []
    } else {
      const people = unwrap(await casevault().users.assignable())
      assignees.value = sortedUnique(
        people.map((person) => ({ id: person.id, displayName: person.displayName })),
      )
    }
    loaded.value = true
  }

  function reset(): void {
    assignees.value = []
    loaded.value = false
  }

  watch(
    () => useVaultStore().state,
    (state) => {
      if (state !== 'unlocked') reset()
    },
  )

  return { assignees, loaded, load, reset }
})
