import type { VaultSession } from './vault-session'
import type { FailedAttempts } from './unlock-throttle'
import type { UserSummary } from '../../api/contract/users'

/**
 * An unlock's rows in the audit log: first one per account that was tried and refused since the
 * last unlock (wrong passphrases, a deactivated account signing in), filed under that account
 * with no actor (whoever was at the keyboard is not known), then the unlock itself with the total.
 * The total alone, on the next unlock's row, named the person who signed in next, not the account
 * that was guessed at.
 */
export function auditUnlock(
  session: VaultSession,
  user: UserSummary,
  action: string,
  failed: FailedAttempts,
): void {
  for (const tried of failed.byUser) {
    const account = session.users.findByUsername(tried.username)
    if (!account) continue
    const details: Record<string, number> = {}
    if (tried.failedAttempts > 0) details['failedAttempts'] = tried.failedAttempts
    if (tried.attemptsWhileDeactivated > 0)
      details['attemptsWhileDeactivated'] = tried.attemptsWhileDeactivated
    session.audit.append({
      actor: null,
      action: 'session.unlock_refused',
      target: `user:${account.id}`,
      details,
    })
  }
  session.audit.append({
    actor: user.username,
    action,
    target: `user:${user.id}`,
    details: failed.total > 0 ? { failedAttemptsBefore: failed.total } : null,
  })
}

/**
 * A wrong current passphrase on "Change passphrase", logged at once: guesses at an open desk
 * followed by the right one had left only "passphrase changed" (the success cleared the count
 * that the next unlock would have reported).
 */
export function auditWrongOwnPassphrase(session: VaultSession): void {
  session.audit.append({
    actor: session.user.username,
    action: 'user.passphrase_check_failed',
    target: `user:${session.user.id}`,
  })
}
