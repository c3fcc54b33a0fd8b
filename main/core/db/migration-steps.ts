import type { VaultDatabase } from './connection'
import { rebuildCaseSearch } from '../cases/search-rebuild'

/**
 * Work a migration needs that SQL cannot do, run right after that migration's SQL and inside the
 * same transaction: if it fails, the whole upgrade rolls back and the vault stays as it was.
 */
export const MIGRATION_STEPS: Record<number, (db: VaultDatabase) => void> = {
  // 0009 recreated the case search with folded spellings, which only JavaScript computes.
  9: (db) => {
    rebuildCaseSearch(db)
  },
  // 0015 versions directory entries. Only a missing column is added: ALTER TABLE has no IF NOT
  // EXISTS, and the upgrade tests make an older vault by lowering a current one's user_version
  // (0012-0014 use CREATE INDEX IF NOT EXISTS for the same reason). Table names are constants.
  15: (db) => {
    for (const table of ['directory_organisations', 'directory_services']) {
      const columns = db.pragma(`table_info(${table})`) as { name: string }[]
      if (columns.some((column) => column.name === 'version')) continue
      db.exec(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)`)
    }
  },
  // 0016 folds more (letters with a stroke, apostrophes, compatibility forms, invisibles, final
  // sigma): the folded spellings already indexed are those of the old fold.
  16: (db) => {
    rebuildCaseSearch(db)
  },
}
