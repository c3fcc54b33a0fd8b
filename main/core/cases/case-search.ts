import type { VaultDatabase } from '../db/connection'
import type { CaseSearchHit, CaseStatus } from '../../api/contract/cases'
import { foldForSearch, foldedForms, isSearchable, searchWords } from './search-fold'
import { foldedSnippet } from './folded-snippet'

export interface SearchDocument {
  caseNumber: string
  names: string[]
  notes: string[]
}

/**
 * Turns what a caseworker types into a safe FTS5 query: each word becomes a quoted prefix term,
 * so quotes, operators (AND/NOT/NEAR) and column filters in the input are plain text, never syntax.
 * Words are folded (search-fold.ts): they match the text as written or its folded spellings.
 */
export function toFtsQuery(typed: string): string | null {
  const terms = searchWords(typed)
    // A word that folds to nothing (a lone vowel mark pasted with a name) matched nothing, and
    // with AND hid the name typed beside it. A lone Latin accent ("\u0301", a dead key) is left by
    // the fold but removed by the tokenizer: an empty prefix, which matched every case.
    .filter((word) => isSearchable(foldForSearch(word)))
    .slice(0, 12)
    .map((word) => {
      const folded = foldForSearch(word)
      // Typed as written ("Παπαδοπούλου"): the written form matches too, so the snippet can quote
      // the record rather than its folded spelling.
      return folded === word.toLowerCase() ? `"${folded}"*` : `("${folded}"* OR "${word}"*)`
    })
  if (terms.length === 0) return null
  return terms.join(' AND ')
}

interface SearchRow {
  id: number
  case_number: string
  survivor_name: string
  status: CaseStatus
  snippet: string
  names: string
  notes: string
  folded: string
}

/**
 * FTS5's snippet, unless it quotes the folded spellings (a hit through them only): then the
 * record's own words, as written, around the word that matched (folded-snippet.ts).
 */
function writtenSnippet(row: SearchRow, typed: string): string {
  const quoted = row.snippet.replace(/\[\[|\]\]|…/g, '').trim()
  if (quoted === '' || !row.folded.includes(quoted)) return row.snippet
  const terms = searchWords(typed).map(foldForSearch).filter(isSearchable)
  return foldedSnippet(row.names, terms) ?? foldedSnippet(row.notes, terms) ?? row.snippet
}

/**
 * The FTS5 index over case number, names (survivor, aliases, perpetrators) and notes, plus the
 * folded spellings of their words (search-fold.ts); rowid = case id.
 */
export function createCaseSearch(db: VaultDatabase) {
  const remove = db.prepare('DELETE FROM case_search WHERE rowid = ?')
  const insert = db.prepare(
    'INSERT INTO case_search (rowid, case_number, names, notes, folded) VALUES (?, ?, ?, ?, ?)',
  )
  const query = db.prepare<[string, number], SearchRow>(
    `SELECT c.id, c.case_number, p.display_name AS survivor_name, c.status,
            snippet(case_search, -1, '[[', ']]', '…', 12) AS snippet,
            case_search.names, case_search.notes, case_search.folded
     FROM case_search
     JOIN cases c ON c.id = case_search.rowid
     JOIN persons p ON p.id = c.survivor_id
     WHERE case_search MATCH ?
     ORDER BY rank
     LIMIT ?`,
  )
  const queryForUser = db.prepare<[string, number, number], SearchRow>(
    `SELECT c.id, c.case_number, p.display_name AS survivor_name, c.status,
            snippet(case_search, -1, '[[', ']]', '…', 12) AS snippet,
            case_search.names, case_search.notes, case_search.folded
     FROM case_search
     JOIN cases c ON c.id = case_search.rowid
     JOIN persons p ON p.id = c.survivor_id
     WHERE case_search MATCH ? AND c.assigned_user_id = ?
     ORDER BY rank
     LIMIT ?`,
  )

  function add(caseId: number, document: SearchDocument): void {
    insert.run(
      caseId,
      document.caseNumber,
      document.names.join(' · '),
      document.notes.join('\n'),
      foldedForms([...document.names, ...document.notes]),
    )
  }

  return {
    index(caseId: number, document: SearchDocument): void {
      remove.run(caseId)
      add(caseId, document)
    },
    /** Indexes a case inserted in this transaction: it has no row yet, so none is removed first. */
    add,
    remove(caseId: number): void {
      remove.run(caseId)
    },
    /** Ranked (bm25) hits; `onlyAssignedTo` limits a caseworker to their own cases. */
    search(typed: string, limit: number, onlyAssignedTo: number | null): CaseSearchHit[] {
      const fts = toFtsQuery(typed)
      if (!fts) return []
      const rows =
        onlyAssignedTo === null ? query.all(fts, limit) : queryForUser.all(fts, onlyAssignedTo, limit)
      return rows.map((row) => ({
        id: row.id,
        caseNumber: row.case_number,
        survivorName: row.survivor_name,
        status: row.status,
        snippet: writtenSnippet(row, typed),
      }))
    },
  }
}

export type CaseSearch = ReturnType<typeof createCaseSearch>
