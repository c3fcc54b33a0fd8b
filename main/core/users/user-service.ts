import { CaseVaultError } from '../errors'
import type { Vault } from '../vault/vault'
import { commitUserSlot } from '../vault/vault-slots'
import type { VaultSession } from '../vault/vault-session'
import type { CaseHolder, CreateUserInput, UserSummary } from '../../api/contract/users'

/** Staff accounts: a DB row (who, role, active) plus a key slot in vault.json (how they unlock). */
export function createUserService(vault: Vault) {
  function findExisting(session: VaultSession, username: string): UserSummary {
    const user = session.users.findByUsername(username)
    if (!user) throw new CaseVaultError('NOT_FOUND', 'No such user.', { username })
    return user
  }

  // Names whose account is being made (Argon2 takes a while): a double-click's second call found
  // no row yet, wrote its own slot over the first one's, then failed on the unique name and
  // deactivated the slot the first call had made: a listed, active account that could not unlock.
  const beingCreated = new Set<string>()
  const taken = () =>
    new CaseVaultError('CONFLICT', 'A user with this name already exists.', { field: 'username' })

  /**
   * The slot is made first (Argon2, which writes nothing), then the row, the slot and the audit
   * row in one synchronous stretch that no lock can cut in two. The unique name is still claimed
   * in the database before the slot is written: two programs on one data folder creating the same
   * name cannot both write a slot. With the row inserted before Argon2, a lock meanwhile left a
   * listed, active account that could not unlock, whose name could not be used again, and a
   * deactivation meanwhile let the creation write an active slot for a deactivated user.
   */
  async function createAccount(session: VaultSession, input: CreateUserInput): Promise<UserSummary> {
    const prepared = await vault.prepareSlot(input.username, input.passphrase, {
      displayName: input.displayName,
    })
    if (vault.session() !== session) throw new CaseVaultError('LOCKED', 'The vault was locked.')
    let user: UserSummary
    try {
      user = session.users.insert(input, session.clock().toISOString())
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw taken()
      throw error
    }
    try {
      commitUserSlot(prepared)
    } catch (error) {
      session.users.remove(user.id)
      throw error
    }
    session.audit.append({
      actor: session.user.username,
      action: 'user.created',
      target: `user:${user.id}`,
      details: { role: user.role },
    })
    return user
  }

  return {
    list(session: VaultSession): UserSummary[] {
      return session.users.list()
    },

    /**
     * Whom the case list can be filtered by: whoever a case can be assigned to, and whoever still
     * holds cases. Deactivating an account reassigns nothing, and a leaver's survivors, seen by no
     * caseworker, could not be listed by the supervisor who must hand them on.
     */
    caseHolders(session: VaultSession): CaseHolder[] {
      const holding = session.users.idsHoldingCases()
      return session.users
        .list()
        .filter((user) => (user.active && user.role !== 'analyst') || holding.has(user.id))
        .map(({ id, displayName, role, active }) => ({ id, displayName, role, active }))
    },

    async create(session: VaultSession, input: CreateUserInput): Promise<UserSummary> {
      // Names differ by case only in display (the column is NOCASE): one key per name.
      const name = input.username.toLowerCase()
      if (beingCreated.has(name) || session.users.findByUsername(input.username)) throw taken()
      beingCreated.add(name)
      try {
        return await createAccount(session, input)
      } finally {
        beingCreated.delete(name)
      }
    },

    deactivate(session: VaultSession, username: string): UserSummary {
      const user = findExisting(session, username)
      if (user.id === session.user.id) {
        throw new CaseVaultError('CONFLICT', 'You cannot deactivate your own account.')
      }
      const activeAdmins = session.users.list().filter((other) => other.active && other.role === 'admin')
      if (user.role === 'admin' && activeAdmins.length <= 1) {
        throw new CaseVaultError('CONFLICT', 'The last active administrator cannot be deactivated.')
      }
      session.db.transaction(() => {
        session.users.setActive(user.id, false, session.clock().toISOString())
        session.audit.append({
          actor: session.user.username,
          action: 'user.deactivated',
          target: `user:${user.id}`,
        })
        vault.deactivateSlot(user.username)
      })()
      return { ...user, active: false }
    },

    async resetPassphrase(session: VaultSession, username: string, newPassphrase: string): Promise<void> {
      const user = findExisting(session, username)
      if (!user.active) throw new CaseVaultError('CONFLICT', 'This user is deactivated.')
      // One's own passphrase is changed with the current one: a reset of one's own account let
      // anyone at an unlocked admin session take it over and lock its owner out.
      if (user.id === session.user.id)
        throw new CaseVaultError('CONFLICT', 'Change your own passphrase with your current one.', {
          ownAccount: true,
        })
      await vault.writeSlot(user.username, newPassphrase)
      session.audit.append({
        actor: session.user.username,
        action: 'user.passphrase_reset',
        target: `user:${user.id}`,
      })
    },

    /** Rewraps the caller's own slot; the database is not re-encrypted. */
    async changeOwnPassphrase(
      session: VaultSession,
      currentPassphrase: string,
      newPassphrase: string,
    ): Promise<void> {
      if (!(await vault.verifyOwnPassphrase(currentPassphrase))) {
        throw new CaseVaultError('WRONG_PASSPHRASE', 'The current passphrase is not correct.')
      }
      await vault.writeSlot(session.user.username, newPassphrase)
      session.audit.append({
        actor: session.user.username,
        action: 'user.passphrase_changed',
        target: `user:${session.user.id}`,
      })
    },
  }
}

export type UserService = ReturnType<typeof createUserService>
