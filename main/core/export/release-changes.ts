import type { VaultDatabase } from '../db/connection'
import {
  DEIDENTIFIED_FORMATS,
  type ExportScope,
  type YearChangedSinceExport,
} from '../../api/contract/export'
import { PUBLIC_SOURCE } from './deidentified-source'

// Each year of a de-identified export is anonymised from its own cases alone, so exports of
// different years compare safely. The same year exported twice does not, when it changed in
// between: a case entered late into a finished year (a paper backlog, a partner's file imported),
// edited or deleted made the two files differ by exactly its row, with every detail (found by a
// reviewing helper). The audit log knows when each year was exported; the cases know when they
// last changed (updated_at, set at entry too); deletions name their year of intake. Each lookup
// goes through an index (migration 0012, cases_by_updated): the export screen asks on every
// change of its years.

interface ExportedRange {
  id: number
  /** When the export read the cases (older exports: when it was logged). */
  at: string
  from: number
  to: number
}

const yearOf = (date: unknown, otherwise: number) =>
  typeof date === 'string' && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : otherwise

/** The de-identified exports in the audit log, each with the years of intake it covered. */
function exportedRanges(db: VaultDatabase): ExportedRange[] {
  const formats = new Set<string>(DEIDENTIFIED_FORMATS)
  const rows = db
    .prepare<[], { id: number; at: string; format: unknown; from: unknown; to: unknown }>(
      `SELECT id, coalesce(json_extract(details, '$.readAt'), at) AS at, json_extract(details, '$.format') AS format,
         json_extract(details, '$.scope.intakeFrom') AS "from", json_extract(details, '$.scope.intakeTo') AS "to"
       FROM audit_log INDEXED BY audit_log_exports
       WHERE action = 'export.created' AND json_valid(details)`,
    )
    .all()
  return rows
    .filter((row) => typeof row.format === 'string' && formats.has(row.format))
    .map((row) => ({
      id: row.id,
      at: row.at,
      from: yearOf(row.from, -Infinity),
      to: yearOf(row.to, Infinity),
    }))
}

/** The years of intake a scope covers, bounded by the cases there are. */
function yearsOf(db: VaultDatabase, scope: ExportScope): number[] {
  const span = db
    .prepare<[], { first: string | null; last: string | null }>(
      'SELECT min(intake_date) AS first, max(intake_date) AS last FROM cases',
    )
    .get()!
  const first = Math.max(yearOf(scope.intakeFrom, -Infinity), yearOf(span.first, Infinity))
  const last = Math.min(yearOf(scope.intakeTo, Infinity), yearOf(span.last, -Infinity))
  const years: number[] = []
  for (let year = first; year <= last; year += 1) years.push(year)
  return years
}

/** Per year of intake: the cases changed after `since`, and those deleted after audit row `sinceId`. */
function changesAfter(db: VaultDatabase, since: ExportedRange) {
  // Changed since: by the clock (updated_at: imports and bulk writes log no row per case), and by
  // the audit log's order (an edit after the clock was set back has an earlier updated_at).
  const byClock = db
    .prepare<[string], { id: number; year: number }>(
      `SELECT id, CAST(substr(intake_date, 1, 4) AS INTEGER) AS year
       FROM cases INDEXED BY cases_by_updated
       WHERE updated_at > ? AND source <> '${PUBLIC_SOURCE}'`,
    )
    .all(since.at)
  const logged = (action: string, index: string) =>
    `SELECT c.id, CAST(substr(c.intake_date, 1, 4) AS INTEGER) AS year
     FROM audit_log a INDEXED BY ${index} JOIN cases c ON c.id = CAST(substr(a.target, 6) AS INTEGER)
     WHERE a.action = '${action}' AND a.id > @after AND c.source <> '${PUBLIC_SOURCE}'`
  const byLog = db
    .prepare<[{ after: number }], { id: number; year: number }>(
      `${logged('case.created', 'audit_log_case_creations')} UNION ${logged('case.updated', 'audit_log_case_updates')}`,
    )
    .all({ after: since.id })
  const caseYears = new Map<number, number>()
  for (const row of [...byClock, ...byLog]) caseYears.set(row.id, row.year)
  const changed = [...caseYears.values()].reduce(
    (counts, year) => counts.set(year, (counts.get(year) ?? 0) + 1),
    new Map<number, number>(),
  )
  // A record of CTDC's public data was in no export (PUBLIC_SOURCE): its deletion, marked
  // publicData by case-status.ts, changes nothing a release showed.
  const deleted = db
    .prepare<[number], { year: number | null; n: number }>(
      `SELECT json_extract(details, '$.intakeYear') AS year, count(*) AS n
       FROM audit_log INDEXED BY audit_log_case_deletions
       WHERE action = 'case.deleted' AND id > ? AND json_extract(details, '$.publicData') IS NOT 1
       GROUP BY year`,
    )
    .all(since.id)
  // Cases moved out of a year by an edit of their intake date: the year they left changed too.
  const moved = db
    .prepare<[number], { year: number; n: number }>(
      `SELECT json_extract(details, '$.movedFromYear') AS year, count(*) AS n
       FROM audit_log INDEXED BY audit_log_case_moves
       WHERE action = 'case.updated' AND json_extract(details, '$.movedFromYear') IS NOT NULL AND id > ?
       GROUP BY year`,
    )
    .all(since.id)
  for (const row of moved) changed.set(row.year, (changed.get(row.year) ?? 0) + row.n)
  // A deletion logged before deletions named their year counts for every year.
  const unknown = deleted.find((row) => row.year === null)?.n ?? 0
  return {
    changed,
    deleted: (year: number) => (deleted.find((row) => row.year === year)?.n ?? 0) + unknown,
  }
}

/** The years of a de-identified scope that changed since they were last exported. */
export function yearsChangedSinceExport(db: VaultDatabase, scope: ExportScope): YearChangedSinceExport[] {
  const ranges = exportedRanges(db)
  if (ranges.length === 0) return []
  const changes = new Map<number, ReturnType<typeof changesAfter>>()
  const found: YearChangedSinceExport[] = []
  for (const year of yearsOf(db, scope)) {
    const covering = ranges.filter((range) => range.from <= year && year <= range.to)
    if (covering.length === 0) continue
    const latest = covering.reduce((last, range) => (range.id > last.id ? range : last))
    let after = changes.get(latest.id)
    if (!after) changes.set(latest.id, (after = changesAfter(db, latest)))
    const changedCases = after.changed.get(year) ?? 0
    const deletedCases = after.deleted(year)
    if (changedCases + deletedCases > 0)
      found.push({ year, exportedAt: latest.at, changedCases, deletedCases })
  }
  return found
}
