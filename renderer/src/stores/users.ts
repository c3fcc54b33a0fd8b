import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { CreateUserInput, ResetPassphraseInput, UserSummary } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'

/** The vault's user accounts (admin only; main checks the role on every call). */
export const useUsersStore = defineStore('users', () => {
  const users = ref<UserSummary[]>([])
  const loaded = ref(false)

  function replace(updated: UserSummary): void {
    users.value = users.value.map((user) => (user.id === updated.id ? updated : user))
  }

  async function load(): Promise<void> {
    users.value = unwrap(await casevault().users.list())
    loaded.value = true
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

  return { users, loaded, load, create, deactivate, resetPassphrase, reset }
})
