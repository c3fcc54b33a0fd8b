import { CaseVaultError } from '../errors'
import { htcds, type HtcdsField, type HtcdsSectionId } from '../../api/contract/htcds'
import {
  caseColumnTargets,
  importFieldMarkers,
  type ColumnMapping,
  type IgnoredColumn,
  type ImportFormat,
  type ImportRowError,
} from '../../api/contract/import'
import headerAliases from '../../../resources/import/htcds-header-aliases.json'
import { ctdcColumns } from './ctdc-definitions'
import { ignoredColumn, ignoredColumnOf, reason, rowProblem, type ImportReason } from './import-reasons'
import { columnName, normaliseHeader } from './source-table'

/** Sections a flat row fills: the survivor, their victim context, and at most one event. */
export const ROW_SECTIONS: readonly HtcdsSectionId[] = ['person', 'victim', 'historicEvent']

export type CaseColumn = (typeof caseColumnTargets)[number]
export type ColumnTarget =
  | { kind: 'field'; field: HtcdsField; section: HtcdsSectionId }
  | { kind: 'case'; column: CaseColumn }
  | { kind: 'ctdc'; column: string }

export interface PlannedColumn {
  index: number
  header: string
  target: ColumnTarget
}

export interface ColumnPlan {
  mapping: ColumnMapping
  columns: PlannedColumn[]
  ignored: IgnoredColumn[]
  /** Columns with a header: a row with values only elsewhere (row numbers in column A) is blank. */
  named: number[]
}

/**
 * Null for a blank row. A row with values only in columns the mapping leaves out is not blank:
 * it gets one problem, so a mapping that imports nothing is noticed instead of reading 0 rows.
 */
export function rowWithoutImportedValues(
  plan: ColumnPlan,
  row: { row: number; cells: string[] },
): ImportRowError | null {
  const hasValue = plan.named.some((index) => (row.cells[index] ?? '').trim() !== '')
  return hasValue ? rowProblem(row.row, importFieldMarkers.row, 'noImportedValue') : null
}

const rowFields = new Map<string, ColumnTarget>(
  htcds.sections
    .filter((section) => ROW_SECTIONS.includes(section.id))
    .flatMap((section) =>
      section.fields
        // Lookups are ids of records in the system that wrote the file: meaningless here.
        .filter((field) => field.type !== 'lookup')
        .map((field) => [field.name, { kind: 'field', field, section: section.id }] as const),
    ),
)
const caseTargets = new Map<string, ColumnTarget>([
  ...caseColumnTargets.map((column) => [column, { kind: 'case', column }] as const),
])
// The case record's own fields are case columns in CaseVault (status, closure reason).
const caseFieldSynonyms: Record<string, CaseColumn> = {
  cas_Status: 'status',
  cas_ReasonForCaseClosure: 'closureReason',
}
const ctdcTargets = new Map<string, ColumnTarget>(
  ctdcColumns.map((column) => [column, { kind: 'ctdc', column }] as const),
)
const allFields = new Map(htcds.sections.flatMap((section) => section.fields.map((f) => [f.name, f])))
// Labels name a field too (the toolkit's second header row); for the report's reason only.
const allLabels = new Map(
  htcds.sections.flatMap((section) => section.fields.map((f) => [normaliseHeader(f.label), f])),
)

function targetTable(format: ImportFormat): Map<string, ColumnTarget> {
  if (format === 'ctdc-csv') return ctdcTargets
  if (format === 'htcds-json') return new Map()
  return new Map([...caseTargets, ...rowFields])
}

/** What a column may be mapped to in this format (shown by the mapping step). */
export function mappingTargets(format: ImportFormat): string[] {
  return [...targetTable(format).keys()]
}

/** normalised header → target name: names first, then aliases, then labels no two fields share. */
function matcher(format: ImportFormat): Map<string, string> {
  const table = targetTable(format)
  const match = new Map<string, string>()
  if (format !== 'ctdc-csv') {
    const labelCounts = new Map<string, number>()
    for (const target of table.values()) {
      if (target.kind !== 'field') continue
      const label = normaliseHeader(target.field.label)
      labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1)
    }
    for (const [name, target] of table) {
      if (target.kind !== 'field') continue
      const label = normaliseHeader(target.field.label)
      if (labelCounts.get(label) === 1) match.set(label, name)
    }
    for (const [alias, name] of Object.entries(headerAliases.aliases)) match.set(normaliseHeader(alias), name)
    for (const [field, column] of Object.entries(caseFieldSynonyms)) match.set(normaliseHeader(field), column)
    // CaseVault's own export writes the assignee's user name there; elsewhere it is a foreign record id.
    if (format === 'htcds-csv') match.set(normaliseHeader('cas_CaseOwner'), 'assignedTo')
  }
  for (const name of table.keys()) match.set(normaliseHeader(name), name)
  return match
}

function ignoredReason(format: ImportFormat, header: string): ImportReason {
  if (header.trim() === '') return reason('noHeader')
  const field = allFields.get(header.trim()) ?? allLabels.get(normaliseHeader(header))
  if (format !== 'ctdc-csv' && field) {
    return field.type === 'lookup' ? reason('foreignReference') : reason('fieldNotKept')
  }
  return reason('unknownColumn')
}

/**
 * The mapping actually used: the user's choices for this file, then the saved mapping for the
 * format, then automatic matches. A target that is not allowed, or two columns sent to one
 * target, is refused as a whole (VALIDATION) before any row is checked.
 */
export function planColumns(
  format: ImportFormat,
  headers: readonly string[],
  chosen: ColumnMapping = {},
  saved: ColumnMapping = {},
): ColumnPlan {
  const table = targetTable(format)
  const auto = matcher(format)
  const mapping: ColumnMapping = {}
  const columns: PlannedColumn[] = []
  const ignored: IgnoredColumn[] = []
  const used = new Map<string, string>()
  const seenHeaders = new Set<string>()
  headers.forEach((header, index) => {
    const name = columnName(headers, index)
    if (header !== '' && seenHeaders.has(header)) {
      ignored.push(ignoredColumn(name, 'repeatedColumn'))
      return
    }
    seenHeaders.add(header)
    // A saved choice that no longer names a target (the mapping data changed) is skipped, not fatal.
    const savedPick =
      header in saved && (saved[header] === null || table.has(saved[header]!)) ? saved[header] : undefined
    const pick = header in chosen ? chosen[header] : savedPick
    const targetName =
      pick !== undefined ? pick : header.trim() ? (auto.get(normaliseHeader(header)) ?? null) : null
    if (header !== '') mapping[header] = targetName
    if (targetName === null) {
      ignored.push(
        pick === null
          ? ignoredColumn(name, 'leftOutByMapping')
          : ignoredColumnOf(name, ignoredReason(format, header)),
      )
      return
    }
    const target = table.get(targetName)
    if (!target) {
      throw new CaseVaultError('VALIDATION', `Column "${name}" cannot be mapped to "${targetName}".`, {
        column: name,
        target: targetName,
      })
    }
    const other = used.get(targetName)
    if (other !== undefined) {
      throw new CaseVaultError(
        'VALIDATION',
        `Columns "${other}" and "${name}" both map to "${targetName}".`,
        {
          columns: [other, name],
          target: targetName,
        },
      )
    }
    used.set(targetName, name)
    columns.push({ index, header: name, target })
  })
  const named = headers.flatMap((header, index) => (header.trim() ? [index] : []))
  return { mapping, columns, ignored, named }
}
