import { CaseVaultError } from '../errors'
import { classifySqliteError, type VaultDatabase } from './connection'
import { MIGRATION_STEPS } from './migration-steps'

export interface Migration {
  version: number
  name: string
  sql: string
  /** Work SQL cannot do (migration-steps.ts), run after `sql` in the same transaction. */
  step?: (db: VaultDatabase) => void
}

// Vite inlines every numbered migration at build time, so the list is never hand-kept.
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true })

export function loadMigrations(sources: Record<string, unknown> = files): Migration[] {
  const migrations = Object.entries(sources).map(([path, sql]) => {
    const match = /\/(\d{4})_([a-z0-9_]+)\.sql$/.exec(path)
    if (!match || typeof sql !== 'string') throw new Error(`Bad migration file name: ${path}`)
    return { version: Number(match[1]), name: match[2]!, sql }
  })
  migrations.sort((a, b) => a.version - b.version)
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002… without gaps; found ${migration.version}`)
    }
  })
  return migrations
}

export const MIGRATIONS = loadMigrations().map((migration) => ({
  ...migration,
  step: MIGRATION_STEPS[migration.version],
}))
export const SCHEMA_VERSION = MIGRATIONS.length

export function schemaVersion(db: VaultDatabase): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Applies every pending migration in ONE transaction, user_version set inside it: any failure
 * rolls everything back and aborts the unlock. A database newer than this app is refused.
 */
export function migrate(
  db: VaultDatabase,
  migrations: Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const from = schemaVersion(db)
  const latest = migrations.length
  if (from > latest) {
    throw new CaseVaultError(
      'SCHEMA_TOO_NEW',
      'This vault was written by a newer CaseVault. Update the app.',
      {
        vaultSchema: from,
        appSchema: latest,
      },
    )
  }
  if (from === latest) return { from, to: latest }
  let failedAt = from + 1
  try {
    db.transaction(() => {
      for (const [index, migration] of migrations.slice(from).entries()) {
        failedAt = from + index + 1
        db.exec(migration.sql)
        migration.step?.(db)
      }
      db.pragma(`user_version = ${latest}`)
    })()
  } catch (error) {
    // Rolled back whole (the vault is as it was). Said with its own code and the schemas: it had
    // reached the window as "Something went wrong", with nothing to tell support. A full drive or
    // a file in use is said as such (DISK_FULL, FILE_IN_USE…): "made by an older CaseVault" would
    // send the manager for help when freeing space is the answer.
    if (error instanceof CaseVaultError) throw error
    const classified = classifySqliteError(error)
    if (classified) throw classified
    console.error('[casevault] upgrade failed at migration', failedAt, error)
    throw new CaseVaultError(
      'UPGRADE_FAILED',
      'This vault could not be upgraded to this version. Nothing was changed.',
      {
        vaultSchema: from,
        appSchema: latest,
        failedAt,
      },
    )
  }
  return { from, to: latest }
}
