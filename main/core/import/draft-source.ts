import type { ImportFormat, ImportNote } from '../../api/contract/import'
import type { CaseDraft } from './case-candidate'
import type { ColumnPlan } from './column-mapping'
import { ctdcRowDraft } from './ctdc-rows'
import { htcdsRowDraft } from './htcds-rows'
import { jsonCaseDraft, readJsonDocument, type IgnoredKeys } from './json-cases'
import { readCsv } from './read-csv'
import { readXlsx } from './read-xlsx'
import { unreadable, type SourceTable } from './source-table'
import { isTar, readCsvBundle, type RelatedParts } from './csv-bundle'
import { caseNumberKey } from '../cases/case-number-key'
import { importNote, rowProblemOf } from './import-reasons'
import type { FileTemplate } from './screening-templates-import'

/** `screeningTemplates`: the template versions a CaseVault export lists for its screenings. */
export type ParsedFile =
  | {
      kind: 'table'
      table: SourceTable
      related?: Map<string, RelatedParts>
      notes?: ImportNote[]
      screeningTemplates?: FileTemplate[]
      /** An Excel workbook that counts date serials from 1904 (read-xlsx.ts). */
      date1904?: boolean
    }
  | { kind: 'json'; cases: unknown[]; screeningTemplates: FileTemplate[] }

/** age's armour or binary header: an encrypted CaseVault export, which must be decrypted first. */
function isAgeFile(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 40))
  return start.startsWith('age-encryption.org/') || start.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')
}

export async function parseFile(format: ImportFormat, bytes: Uint8Array): Promise<ParsedFile> {
  if (isAgeFile(bytes)) {
    throw unreadable(
      'encrypted',
      'The file is encrypted (age). Decrypt it first, e.g. with age -d, then import it.',
    )
  }
  switch (format) {
    case 'htcds-json':
      return { kind: 'json', ...readJsonDocument(bytes) }
    case 'htcds-xlsx':
      return { kind: 'table', ...(await readXlsx(bytes)) }
    case 'htcds-csv':
      return isTar(bytes)
        ? { kind: 'table', ...(await readCsvBundle(bytes)) }
        : { kind: 'table', table: readCsv(bytes) }
    case 'ctdc-csv':
      return { kind: 'table', table: readCsv(bytes) }
  }
}

/** Adds what the export's side tables hold for this case (events, perpetrators, comments, aliases, casework, screenings). */
function withRelated(
  draft: CaseDraft | null,
  related: Map<string, RelatedParts> | undefined,
): CaseDraft | null {
  const parts = draft && related?.get(caseNumberKey(draft.caseNumber.trim()))
  if (!draft || !parts) return draft
  return {
    ...draft,
    events: [...draft.events, ...parts.events],
    perpetrators: parts.perpetrators,
    comments: parts.comments,
    casework: parts.casework,
    screenings: parts.screenings,
    survivorAliases: [...draft.survivorAliases, ...parts.survivorAliases],
    problems: [
      ...draft.problems,
      ...parts.problems.map((problem) => rowProblemOf(draft.row, problem.field, problem.cause)),
    ],
  }
}

/**
 * How many case numbers the side tables name that no row of cases.csv has (a row deleted by hand,
 * a number mistyped): what they hold has no case to go to, and is said so rather than dropped.
 */
function caseNumbersOnlyInSideTables(
  table: SourceTable,
  plan: ColumnPlan,
  related: ReadonlyMap<string, RelatedParts>,
): number {
  const column = plan.columns.find((c) => c.target.kind === 'case' && c.target.column === 'caseNumber')
  const inCases = new Set(
    column ? table.rows.map((row) => caseNumberKey((row.cells[column.index] ?? '').trim())) : [],
  )
  return [...related.keys()].filter((key) => !inCases.has(key)).length
}

/**
 * A file's rows as drafts, made one at a time when asked for: the checks take them in batches
 * and keep only what passed, so tens of thousands of drafts never have to be alive at once.
 * Null for a blank row.
 */
export interface DraftSource {
  count: number
  draftAt(index: number): CaseDraft | null
}

export function tableDraftSource(
  format: ImportFormat,
  parsed: Extract<ParsedFile, { kind: 'table' }>,
  plan: ColumnPlan,
  today: string,
  notes: ImportNote[],
): DraftSource {
  const { table, related } = parsed
  notes.push(...(parsed.notes ?? []))
  const rows = table.rows
  if (format === 'ctdc-csv')
    return { count: rows.length, draftAt: (index) => ctdcRowDraft(rows[index]!, plan, today) }
  const hasIntakeDate = plan.columns.some((c) => c.target.kind === 'case' && c.target.column === 'intakeDate')
  if (!hasIntakeDate) {
    notes.push(importNote('noIntakeDateColumn', { date: today }))
  }
  const unmatched = related ? caseNumbersOnlyInSideTables(table, plan, related) : 0
  if (unmatched > 0) notes.push(importNote('sideRowsWithoutCase', { numbers: unmatched }))
  const options = {
    format,
    fallbackIntakeDate: hasIntakeDate ? null : today,
    date1904: parsed.date1904 === true,
  }
  return {
    count: rows.length,
    draftAt: (index) => withRelated(htcdsRowDraft(rows[index]!, plan, options), related),
  }
}

export function jsonDraftSource(cases: unknown[], ignored: IgnoredKeys): DraftSource {
  return { count: cases.length, draftAt: (index) => jsonCaseDraft(cases[index], index, ignored) }
}
