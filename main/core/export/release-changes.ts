import type { VaultDatabase } from '../db/connection'
import {
  DEIDENTIFIED_FORMATS,
  type ExportScope,
  type YearChangedSinceExport,
} from '../../api/contract/export'

// Each year of a de-identified export is anonymised from its own cases alone, so exports of
// different years compare safely. The same year exported twice does not, when it changed in
// between: a case entered late into a finished year (a paper backlog, a partner's file imported),
// edited or deleted made the two files differ by exactly its row, with every detail (found by a
// reviewing helper). The audit log knows when each year was exported; the cases know when they
// were entered or last changed; deletions name their year of intake.

interface ExportedRange {
  at: string
  from: number
  to: number
}

const PUBLIC_SOURCE = 'ctdc-deidentified'
const yearOf = (date: unknown, otherwise: number) =>
  typeof date === 'string' && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : otherwise

/** The de-identified exports in the audit log, each with the years of intake it covered. */
function exportedRanges(db: VaultDatabase): ExportedRange[] {
  const formats = DEIDENTIFIED_FORMATS.map((format) => `'${format}'`).join(', ')
  const rows = db
    .prepare<[], { at: string; from: unknown; to: unknown }>(
      `SELECT at, json_extract(details, '$.scope.intakeFrom') AS "from",
         json_extract(details, '$.scope.intakeTo') AS "to"
       FROM audit_log
       WHERE action = 'export.created' AND json_valid(details)
         AND json_extract(details, '$.format') IN (${formats})`,
    )
    .all()
  return rows.map((row) => ({ at: row.at, from: yearOf(row.from, -Infinity), to: yearOf(row.to, Infinity) }))
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

/** The years of a de-identified scope that changed since they were last exported. */
export function yearsChangedSinceExport(db: VaultDatabase, scope: ExportScope): YearChangedSinceExport[] {
  const ranges = exportedRanges(db)
  if (ranges.length === 0) return []
  const changed = db
    .prepare<[{ from: string; to: string; since: string }], number>(
      `SELECT count(*) FROM cases
       WHERE intake_date >= @from AND intake_date <= @to AND source <> '${PUBLIC_SOURCE}'
         AND (created_at > @since OR updated_at > @since)`,
    )
    .pluck()
  const deleted = db
    .prepare<[{ year: number; since: string }], number>(
      `SELECT count(*) FROM audit_log
       WHERE action = 'case.deleted' AND at > @since
         AND coalesce(json_extract(details, '$.intakeYear'), @year) = @year`,
    )
    .pluck()
  const found: YearChangedSinceExport[] = []
  for (const year of yearsOf(db, scope)) {
    const covering = ranges.filter((range) => range.from <= year && year <= range.to)
    if (covering.length === 0) continue
    const since = covering.reduce((latest, range) => (range.at > latest ? range.at : latest), '')
    const days = { from: `${year}-01-01`, to: `${year}-12-31`, since }
    const changedCases = changed.get(days)!
    const deletedCases = deleted.get({ year, since })!
    if (changedCases + deletedCases > 0) found.push({ year, exportedAt: since, changedCases, deletedCases })
  }
  return found
}
