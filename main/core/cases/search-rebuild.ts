import type { VaultDatabase } from '../db/connection'
import { createCaseSearch } from './case-search'
import { searchDocument } from './search-document'

/**
 * Indexes every case again, as case-service's reindex() indexes one (search-document.ts). Run by
 * each migration that changed how the index cuts and folds words (0009, 0016), inside its
 * transaction. Returns the cases indexed.
 */
export function rebuildCaseSearch(db: VaultDatabase): number {
  const search = createCaseSearch(db)
  const perpetrators = groupByCase(
    db
      .prepare<[], { case_id: number; display_name: string; aliases: string }>(
        `SELECT cp.case_id, p.display_name, p.aliases
         FROM case_perpetrators cp JOIN persons p ON p.id = cp.person_id`,
      )
      .all(),
  )
  const comments = groupByCase(
    db
      .prepare<[], { case_id: number; body: string }>('SELECT case_id, body FROM case_comments ORDER BY id')
      .all(),
  )
  // .all(), not .iterate(): better-sqlite3 allows no write while a read is being stepped.
  const cases = db
    .prepare<[], { id: number; case_number: string; display_name: string; aliases: string }>(
      `SELECT c.id, c.case_number, p.display_name, p.aliases
       FROM cases c JOIN persons p ON p.id = c.survivor_id`,
    )
    .all()
  db.exec('DELETE FROM case_search')
  for (const row of cases) {
    search.add(
      row.id,
      searchDocument(row.case_number, row, perpetrators.get(row.id) ?? [], comments.get(row.id) ?? []),
    )
  }
  return cases.length
}

function groupByCase<Row extends { case_id: number }>(rows: Row[]): Map<number, Row[]> {
  const byCase = new Map<number, Row[]>()
  for (const row of rows) {
    const list = byCase.get(row.case_id)
    if (list) list.push(row)
    else byCase.set(row.case_id, [row])
  }
  return byCase
}
