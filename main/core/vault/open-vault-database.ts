import { CaseVaultError } from '../errors'
import { integrityProblems, openEncryptedDatabase, type VaultDatabase } from '../db/connection'
import { migrate } from '../db/migrate'
import { createUserRepository } from '../users/user-repository'
import type { UserSummary } from '../../api/contract/users'

/**
 * Opens the vault's database with a proven key and checks it before anyone works in it: every
 * page (a damaged or tampered page is reported now, not halfway through a form), then pending
 * migrations, then that the user exists and is active. Closes the database on any failure.
 */
export function openVaultDatabase(
  path: string,
  databaseKey: Buffer,
  username: string,
): { db: VaultDatabase; user: UserSummary } {
  const db = openEncryptedDatabase(path, databaseKey, { create: false })
  try {
    const problems = integrityProblems(db)
    if (problems.length > 0) {
      throw new CaseVaultError('DB_CORRUPT', 'The database file is damaged.', {
        problems: problems.slice(0, 5),
      })
    }
    migrate(db)
    const user = createUserRepository(db).findByUsername(username)
    if (!user) throw new CaseVaultError('UNKNOWN_USER', 'There is no user with this name in this vault.')
    if (!user.active) throw new CaseVaultError('USER_DEACTIVATED', 'This user has been deactivated.')
    return { db, user }
  } catch (error) {
    db.close()
    throw error
  }
}
