import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'

/**
 * Who sees which case: caseworkers their assigned cases; supervisors and admins every case;
 * analysts none (they get aggregates only, through reports). Returns the user id to filter on,
 * or null for "all cases".
 */
export function caseVisibilityFilter(session: VaultSession): number | null {
  switch (session.user.role) {
    case 'admin':
    case 'supervisor':
      return null
    case 'caseworker':
      return session.user.id
    case 'analyst':
      throw new CaseVaultError('FORBIDDEN', 'Analysts see aggregate reports, not case records.')
  }
}

/**
 * Throws FORBIDDEN (and records the refusal) when this user may not open the case. The reason
 * lets the screens say "someone else's" rather than "your role may not" (which sent caseworkers to
 * ask for a role change they did not need). It is the same fixed value for every refused case: no
 * id, name or assignee, so it tells nothing a bare FORBIDDEN did not.
 */
export function assertCanSeeCase(session: VaultSession, caseId: number, assignedUserId: number | null): void {
  const onlyFor = caseVisibilityFilter(session)
  if (onlyFor === null || onlyFor === assignedUserId) return
  session.audit.append({
    actor: session.user.username,
    action: 'access.denied',
    target: `case:${caseId}`,
    details: { reason: 'not assigned' },
  })
  throw new CaseVaultError('FORBIDDEN', 'This case is assigned to someone else.', { reason: 'not_assigned' })
}
