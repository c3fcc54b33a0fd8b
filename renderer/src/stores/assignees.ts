import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type { SessionUser } from '../../../main/api/contract'
import { useVaultStore } from './vault'
import { useCasesStore } from './cases'
import { useUsersStore } from './users'

export interface Assignee {
  id: number
  displayName: string
}

/**
 * People a case can be assigned to (active admins, supervisors and caseworkers), built from the
 * other areas' stores. The user list is admin-only in main; a supervisor gets themself plus
 * everyone already assigned to a recent case, until main offers a list of assignable users.
 */
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
    } else if (me.role === 'admin') {
      const users = useUsersStore()
      await users.load()
      assignees.value = sortedUnique(
        users.users
          .filter((user) => user.active && user.role !== 'analyst')
          .map((user) => ({ id: user.id, displayName: user.displayName })),
      )
    } else {
      const assigned = await useCasesStore().recentAssignees()
      assignees.value = sortedUnique([{ id: me.id, displayName: me.displayName }, ...assigned])
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
