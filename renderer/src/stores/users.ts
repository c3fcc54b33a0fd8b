import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type {
  CaseHolder,
  CreateUserInput,
  ResetPassphraseInput,
  UserSummary,
} from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

/**
 * The vault's user accounts (admin only; main checks the role on every call), and the people the
 * case list can be filtered by (admins and supervisors).
 */
export const useUsersStore = defineStore('users', () => {
  const users = ref<UserSummary[]>([])
  const loaded = ref(false)
  const caseHolders = ref<CaseHolder[]>([])

  function replace(updated: UserSummary): void {
    users.value = users.value.map((user) => (user.id === updated.id ? updated : user))
  }

  async function load(): Promise<void> {
    users.value = unwrap(await casevault().users.list())
    loaded.value = true
  }

  /** Read again on every visit to the list: an account deactivated meanwhile is marked as such. */
  async function loadCaseHolders(): Promise<void> {
    caseHolders.value = unwrap(await casevault().users.caseHolders())
  }

  async function create(input: CreateUserInput): Promise<UserSummary> {
    const created = unwrap(await casevault().users.create(input))
    users.value = [...users.value, created]
    return created
  }

  async function deactivate(username: string): Promise<UserSummary> {
    const updated = unwrap(await casevault().users.deactivate({ username }))
    replace(updated)
    return updated
  }

  async function resetPassphrase(input: ResetPassphraseInput): Promise<void> {
    unwrap(await casevault().users.resetPassphrase(input))
  }

  function reset(): void {
    users.value = []
    loaded.value = false
  }

  // The next person to unlock may not see everyone's cases: their filter must not offer these.
  watch(
    () => useVaultStore().state,
    (state) => {
      if (state !== 'unlocked') caseHolders.value = []
    },
  )

  return { users, loaded, caseHolders, load, loadCaseHolders, create, deactivate, resetPassphrase, reset }
})
