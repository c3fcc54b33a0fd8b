import { useRouter } from 'vue-router'
import type { Role } from '../../main/api/contract'
import { useVaultStore } from './stores/vault'

/** A route without `meta.roles` is open to every signed-in user; otherwise the role must be listed. */
export function roleAllows(roles: readonly Role[] | undefined, role: Role | undefined): boolean {
  return roles === undefined || (role !== undefined && roles.includes(role))
}

/**
 * Whether the signed-in user may open a named route, read from the route's own meta so the menus
 * and the router guard cannot disagree. Showing a link is not a permission: main checks every call.
 */
export function useCanVisit(): (name: string) => boolean {
  const router = useRouter()
  const vault = useVaultStore()
  return (name) => roleAllows(router.resolve({ name }).meta.roles, vault.user?.role)
}
