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
}
