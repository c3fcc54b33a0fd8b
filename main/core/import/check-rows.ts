import type { ImportRowError } from '../../api/contract/import'
import { checkDraft, type CaseCandidate, type DraftContext } from './case-candidate'
import type { DraftSource } from './draft-source'
import { rowProblem } from './import-reasons'
import { caseNumberKey } from '../cases/case-number-key'
import { perpetratorKeyConflicts } from './perpetrator-keys'

/**
 * Rows checked between two turns of the event loop. Main stays responsive and a Cancel or a
 * progress message gets through every few milliseconds, while 50 pauses in 50,000 rows cost
 * nothing measurable.
 */
export const CHECK_BATCH = 1000

/** Lets the event loop run (IPC: a Cancel, progress to the window) before the next batch. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export interface CheckedRows {
  /** Rows with anything in them (blank rows are not counted). */
  read: number
  /** Rows that passed every check and whose case number is new. */
  candidates: CaseCandidate[]
  /** Every problem, by row (file problems, then duplicates, then the row's own checks). */
  errors: ImportRowError[]
  rejected: number
  /** Rejected rows whose case number is already in the vault or on another row of the file. */
  duplicates: number
}

export interface CheckRowsOptions {
  context: DraftContext
  /** Problems the reader found, tied to rows: those rows are rejected whatever else they hold. */
  fileErrors: readonly ImportRowError[]
  /** Which of these case-number keys (caseNumberKey) the vault holds already. */
  takenCaseNumbers: (keys: string[]) => Set<string>
  signal?: AbortSignal | undefined
  /** Share of rows checked, 0…1. */
  onProgress?: ((fraction: number) => void) | undefined
}

/** How many other rows a duplicate's error names before it gives only their count. */
const NAMED_OTHER_ROWS = 5

interface NumberedRow {
  row: number
  caseNumber: string
  field: string
}

/** Rows whose case number is in the vault already, or on another row of the file. */
function duplicateErrors(
  numbered: readonly NumberedRow[],
  takenCaseNumbers: CheckRowsOptions['takenCaseNumbers'],
): ImportRowError[] {
  const rowsByNumber = new Map<string, number[]>()
  for (const { row, caseNumber } of numbered) {
    const key = caseNumberKey(caseNumber)
    const rows = rowsByNumber.get(key)
    if (rows) rows.push(row)
    else rowsByNumber.set(key, [row])
  }
  const inVault = takenCaseNumbers([...rowsByNumber.keys()])
  return numbered.flatMap(({ row, caseNumber, field }) => {
    const key = caseNumberKey(caseNumber)
    if (inVault.has(key)) return [rowProblem(row, field, 'numberInVault')]
    const rows = rowsByNumber.get(key)!
    if (rows.length === 1) return []
    const others = rows.filter((other) => other !== row)
    // A few rows named, then a count: one number dragged down a whole column ("TBD") had each
    // row's error name every other row, a report growing with the square of the rows (300,000
    // rows ran main out of memory).
    if (others.length <= NAMED_OTHER_ROWS)
      return [rowProblem(row, field, 'numberOnOtherRows', { rows: others.join(', ') })]
    const named = others.slice(0, NAMED_OTHER_ROWS).join(', ')
    return [
      rowProblem(row, field, 'numberOnManyRows', { rows: named, more: others.length - NAMED_OTHER_ROWS }),
    ]
  })
}

/**
 * Checks every row, in batches with a pause between them (see CHECK_BATCH); throws the signal's
 * reason when cancelled. Duplicates need the whole file, so they are found after the last batch
 * and then reject rows that passed their own checks.
 */
export async function checkRows(source: DraftSource, options: CheckRowsOptions): Promise<CheckedRows> {
  const readRows: number[] = []
  const numbered: NumberedRow[] = []
  const rowErrors: ImportRowError[] = []
  const rejectedRows = new Set(options.fileErrors.map((error) => error.row))
  const passed: CaseCandidate[] = []
  const perpetratorColumn = new Map<number, string>()
  for (let start = 0; start < source.count; start += CHECK_BATCH) {
    if (start > 0) await nextTurn()
    options.signal?.throwIfAborted()
    options.onProgress?.(start / source.count)
    const stop = Math.min(source.count, start + CHECK_BATCH)
    for (let index = start; index < stop; index += 1) {
      const draft = source.draftAt(index)
      if (!draft) continue
      readRows.push(draft.row)
      const caseNumber = draft.caseNumber.trim()
      if (caseNumber) numbered.push({ row: draft.row, caseNumber, field: draft.columnOf('caseNumber') })
      if (draft.perpetrators.length > 0) perpetratorColumn.set(draft.row, draft.columnOf('perpetrators'))
      const checked = checkDraft(draft, options.context)
      if (!Array.isArray(checked)) passed.push(checked)
      else if (checked.length > 0) {
        rowErrors.push(...checked)
        rejectedRows.add(draft.row)
      }
    }
  }
  options.signal?.throwIfAborted()
  options.onProgress?.(1)
  const duplicates = duplicateErrors(numbered, options.takenCaseNumbers)
  for (const error of duplicates) rejectedRows.add(error.row)
  // Among the rows that would be written: the same perpetrator id must mean the same person.
  const conflicts = perpetratorKeyConflicts(
    passed.filter((candidate) => !rejectedRows.has(candidate.row)),
    (row) => perpetratorColumn.get(row) ?? '',
  )
  for (const error of conflicts) rejectedRows.add(error.row)
  // Stable sort: within a row, file problems first, then the duplicate, then the row's own checks.
  const errors = [...options.fileErrors, ...duplicates, ...rowErrors, ...conflicts].sort(
    (a, b) => a.row - b.row,
  )
  return {
    read: readRows.length,
    candidates: passed.filter((candidate) => !rejectedRows.has(candidate.row)),
    errors,
    rejected: readRows.filter((row) => rejectedRows.has(row)).length,
    duplicates: new Set(duplicates.map((error) => error.row)).size,
  }
}
