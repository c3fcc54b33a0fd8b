import { statSync } from 'node:fs'
import { CaseVaultError } from '../errors'
import { integrityProblems, missingTables, openEncryptedDatabase, type VaultDatabase } from '../db/connection'
import { integrityProblemsInWorker } from '../db/integrity-worker'
import { migrate } from '../db/migrate'
import { createUserRepository } from '../users/user-repository'
import type { UserSummary } from '../../api/contract/users'

/**
 * From this size on, the unlock's integrity check runs on a worker thread. A 100k-case vault
 * (~600 MB) takes ~6 s to check: on main's thread that is 6 s in which Electron's main process
 * answers nothing (windows, menus, IPC). A small vault checks in milliseconds, less than a
 * worker takes to start, so it stays on this thread.
 */
export const INTEGRITY_WORKER_FROM_BYTES = 32 * 1024 * 1024

export interface OpenVaultOptions {
  /** Overrides INTEGRITY_WORKER_FROM_BYTES (tests use 0 to take the worker path on a small vault). */
  integrityWorkerFromBytes?: number
}

/**
 * Opens the vault's database with a proven key and checks it before anyone works in it: every
 * page (a damaged or tampered page is reported now, not halfway through a form), then pending
 * migrations, then that the user exists and is active. Closes the database on any failure.
 */
export async function openVaultDatabase(
  path: string,
  databaseKey: Buffer,
  username: string,
  options: OpenVaultOptions = {},
): Promise<{ db: VaultDatabase; user: UserSummary }> {
  // An empty file is refused before it is opened: opening writes a first page into it.
  if (existsAndEmpty(path)) {
    throw new CaseVaultError('DB_CORRUPT', 'The database file is empty: it holds no vault.', {
      problems: ['empty file'],
    })
  }
  // Opening proves the key first (a wrong recovery key fails here, before any long check).
  const db = openEncryptedDatabase(path, databaseKey, { create: false })
  try {
    const fromBytes = options.integrityWorkerFromBytes ?? INTEGRITY_WORKER_FROM_BYTES
    const problems =
      statSync(path).size >= fromBytes
        ? await integrityProblemsInWorker(path, databaseKey)
        : integrityProblems(db)
    if (problems.length > 0) {
      throw new CaseVaultError('DB_CORRUPT', 'The database file is damaged.', {
        problems: problems.slice(0, 5),
      })
    }
    // An empty file (a crash, a sync tool, a full disk) opens as a new database under any key and
    // passes the check: migrating it wrote a fresh, empty vault over it, so the loss went unseen
    // and the next check found a healthy database. A vault's database holds its tables.
    // Those of the first migration: an older vault's later tables are made by migrate() below.
    if (missingTables(db, ['users', 'audit_log']).length > 0) {
      throw new CaseVaultError('DB_CORRUPT', 'The database file is empty: it holds no vault.', {
        problems: ['no vault tables'],
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

/** The file is there and empty, and no write-ahead log holds its pages either. */
function existsAndEmpty(path: string): boolean {
  const size = (file: string) => {
    try {
      return statSync(file).size
    } catch {
      return null
    }
  }
  // Missing: openEncryptedDatabase says DB_MISSING.
  return size(path) === 0 && !size(`${path}-wal`)
}
