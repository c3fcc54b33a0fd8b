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
import { TRAINING_COLUMN } from '../export/training-mark'
import { ignoredColumn, ignoredColumnOf, reason, rowProblem, type ImportReason } from './import-reasons'
import { columnName, normaliseHeader, type SourceRow } from './source-table'

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
// CaseVault's own mark on a training vault's CTDC rows is read too, so that they are refused in a
// real vault (export/training-mark.ts); ignored as an unknown column, they were stored as real cases.
const ctdcTargets = new Map<string, ColumnTarget>(
  [...ctdcColumns, TRAINING_COLUMN].map((column) => [column, { kind: 'ctdc', column }] as const),
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

const matchers = new Map<ImportFormat, Map<string, string>>()

/** Whether a header names a column the import reads (by name, alias or label), as matching does. */
export function isKnownHeader(format: ImportFormat, header: string): boolean {
  let match = matchers.get(format)
  if (!match) matchers.set(format, (match = matcher(format)))
  return match.has(normaliseHeader(header))
}

function ignoredReason(format: ImportFormat, header: string): ImportReason {
  if (header.trim() === '') return reason('noHeader')
  const field = allFields.get(header.trim()) ?? allLabels.get(normaliseHeader(header))
  if (format !== 'ctdc-csv' && field) {
    return field.type === 'lookup' ? reason('foreignReference') : reason('fieldNotKept')
  }
  return reason('unknownColumn')
}

/** Whose choice sent a column to its target: the user's for this file beats the saved mapping beats a match. */
const PICKED_BY = { match: 1, saved: 2, user: 3 } as const

/**
 * The mapping actually used: the user's choices for this file, then the saved mapping for the
 * format, then automatic matches. A target that is not allowed is refused as a whole (VALIDATION)
 * before any row is checked, and so are two columns the user sent to one target. When two columns
 * reach one target otherwise (a saved choice and a match, or two matches: "Gender" and
 * "prs_Gender"), the stronger choice, else the first column, keeps it and the other is left out
 * with the reason: refusing the file then left the user without a mapping step to fix it in, and
 * a saved mapping went on refusing every later file with those headers.
 */
export function planColumns(
  format: ImportFormat,
  headers: readonly string[],
  chosen: ColumnMapping = {},
  saved: ColumnMapping = {},
): ColumnPlan {
  const table = targetTable(format)
  const auto = matcher(format)
  const seenHeaders = new Set<string>()
  const picks = headers.map((header, index) => {
    const name = columnName(headers, index)
    if (header !== '' && seenHeaders.has(header)) return { name, repeated: true as const }
    seenHeaders.add(header)
    // A saved choice that no longer names a target (the mapping data changed) is skipped, not fatal.
    // Own keys only: a column named "constructor" or "__proto__" is not Object.prototype's.
    const savedPick =
      Object.hasOwn(saved, header) && (saved[header] === null || table.has(saved[header]!))
        ? saved[header]
        : undefined
    const chosenHere = Object.hasOwn(chosen, header)
    const pickedBy = chosenHere ? PICKED_BY.user : savedPick !== undefined ? PICKED_BY.saved : PICKED_BY.match
    const pick = chosenHere ? chosen[header] : savedPick
    const targetName =
      pick !== undefined ? pick : header.trim() ? (auto.get(normaliseHeader(header)) ?? null) : null
    if (targetName !== null && !table.has(targetName)) {
      throw new CaseVaultError('VALIDATION', `Column "${name}" cannot be mapped to "${targetName}".`, {
        column: name,
        target: targetName,
      })
    }
    return { name, header, pick, pickedBy, targetName }
  })
  // Each target's column: the strongest choice, then the first column.
  const keeper = new Map<string, number>()
  picks.forEach((column, index) => {
    if ('repeated' in column || column.targetName === null) return
    const held = keeper.get(column.targetName)
    const holder = held === undefined ? undefined : picks[held]
    if (!holder || 'repeated' in holder) return void keeper.set(column.targetName, index)
    if (column.pickedBy === PICKED_BY.user && holder.pickedBy === PICKED_BY.user) {
      throw new CaseVaultError(
        'VALIDATION',
        `Columns "${holder.name}" and "${column.name}" both map to "${column.targetName}".`,
        { columns: [holder.name, column.name], target: column.targetName },
      )
    }
    if (column.pickedBy > holder.pickedBy) keeper.set(column.targetName, index)
  })
  // No prototype: a column named "__proto__" is a key like any other, not the object's prototype.
  const mapping: ColumnMapping = Object.create(null) as ColumnMapping
  const columns: PlannedColumn[] = []
  const ignored: IgnoredColumn[] = []
  picks.forEach((column, index) => {
    if ('repeated' in column) return void ignored.push(ignoredColumn(column.name, 'repeatedColumn'))
    const { name, header, pick, targetName } = column
    const keptBy = targetName === null ? undefined : keeper.get(targetName)
    if (targetName !== null && keptBy !== index) {
      if (header !== '') mapping[header] = null
      ignored.push(ignoredColumn(name, 'sameTargetAsColumn', { column: picks[keptBy!]!.name }))
      return
    }
    if (header !== '') mapping[header] = targetName
    if (targetName === null) {
      ignored.push(
        pick === null
          ? ignoredColumn(name, 'leftOutByMapping')
          : ignoredColumnOf(name, ignoredReason(format, header)),
      )
      return
    }
    columns.push({ index, header: name, target: table.get(targetName)! })
  })
  const named = headers.flatMap((header, index) => (header.trim() ? [index] : []))
  return { mapping, columns, ignored, named }
}

/** The row's problems, those of single cells only for the columns the plan reads (SourceRow). */
export function rowProblemsIn(row: SourceRow, plan: ColumnPlan): ImportRowError[] {
  if (!row.cellProblems?.length) return row.problems
  const read = new Set(plan.columns.map((column) => column.index))
  const cells = row.cellProblems.filter((cell) => read.has(cell.column)).map((cell) => cell.problem)
  return cells.length ? [...row.problems, ...cells] : row.problems
}
