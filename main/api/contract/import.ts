import { z } from 'zod'
import { method } from './method'
import type { ImportReasonCode, ImportReasonParams } from './import-reasons'

export * from './import-reasons'

/**
 * htcds-csv / htcds-json: CaseVault's own HTCDS layouts (what its export writes). ctdc-csv: the
 * column layout of CTDC's public datasets (rows become de-identified records). htcds-xlsx: the
 * standard's Excel toolkit sheet ("HTCDS Excel Spreadsheet single select with validation v2.0").
 */
export const importFormats = ['htcds-csv', 'htcds-json', 'ctdc-csv', 'htcds-xlsx'] as const
export const importFormatSchema = z.enum(importFormats)
export type ImportFormat = z.infer<typeof importFormatSchema>

/** Case columns beside the HTCDS fields in the flat layouts (what the export writes, plus a few). */
export const caseColumnTargets = [
  'caseNumber',
  'status',
  'intakeDate',
  'assignedTo',
  'closureReason',
  'survivorAliases',
  /** true in CaseVault's own export of a training vault's cases. */
  'isTraining',
  /** true in CaseVault's own export of a record imported from CTDC's public dataset. */
  'publicData',
  /** CaseVault's own export: where an imported record came from (JSON text). */
  'sourceRecord',
] as const

export const MAX_HEADER_CHARS = 5000
export const MAX_MAPPED_COLUMNS = 2000

/** Stops counting at max + 1: no list of a huge object's keys is made. */
function hasAtMostKeys(value: object, max: number): boolean {
  let count = 0
  for (const key in value) if (Object.hasOwn(value, key) && ++count > max) return false
  return true
}

/**
 * Source column header → where its values go (an HTCDS field name, a case column, or for
 * ctdc-csv a CTDC column name); null ignores the column. Headers not named keep the suggestion.
 */
export const columnMappingSchema = z
  // Keys are counted before any is checked: a hostile page's million-key object was validated key
  // by key (1.5 s of main's only thread) before the count refused it.
  .custom<Record<string, unknown>>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      hasAtMostKeys(value, MAX_MAPPED_COLUMNS),
    'not a mapping of at most 2000 columns',
  )
  // As long as a header can be (a survey export's whole question) and as many columns as an Excel
  // sheet may have: a mapping the preview suggests must be one the run accepts back (the readers
  // refuse a header row that does not fit: source-table.ts, assertHeadersFit).
  .pipe(z.record(z.string().max(MAX_HEADER_CHARS), z.string().min(1).max(80).nullable()))
export type ColumnMapping = z.infer<typeof columnMappingSchema>

/**
 * `row` is the row number the user sees in the file (header = row 1); for JSON, the case's
 * position. `code` + `params` say what is wrong (the renderer words it); `reason` is the same in
 * English, as the CLI prints it.
 */
export interface ImportRowError {
  row: number
  field: string
  code: ImportReasonCode
  params?: ImportReasonParams
  reason: string
}

export interface IgnoredColumn {
  column: string
  code: ImportReasonCode
  params?: ImportReasonParams
  reason: string
}

/** A file-wide remark: `code` + `params` for the renderer, `text` in English for the CLI. */
export interface ImportNote {
  code: ImportReasonCode
  params?: ImportReasonParams
  text: string
}

export interface ImportReport {
  format: ImportFormat
  dryRun: boolean
  /** Data rows read (blank rows are not counted). */
  read: number
  /** Rows that passed every check (would be, or were, imported unless all-or-nothing refused). */
  valid: number
  rejected: number
  /** Rejected rows whose case number is already in the vault or on another row of the file. */
  duplicates: number
  /** Cases written: 0 for a dry run, and for an all-or-nothing run with any rejected row. */
  imported: number
  /** False when the file could not be read to its end (e.g. an unclosed quote): nothing is written. */
  complete: boolean
  /** Total number of row errors; `errors` may hold fewer (the API caps what crosses IPC). */
  errorCount: number
  errors: ImportRowError[]
  ignoredColumns: IgnoredColumn[]
  /** File-wide remarks, e.g. "no intake date column: the import date is used, flagged". */
  notes: ImportNote[]
}

export interface ImportPreview {
  /** Null when the user cancelled the file dialog. Pass it to import:run (the path stays in main). */
  token: string | null
  fileName: string | null
  headers: string[]
  /** Saved mapping for this format, then automatic matches by name and label. */
  suggestedMapping: ColumnMapping
  /** What a column may be mapped to for this format. */
  targets: string[]
  report: ImportReport | null
}

export const previewImportInput = z.object({
  format: importFormatSchema,
  mapping: columnMappingSchema.optional(),
  /** Re-check the file chosen earlier (e.g. after the mapping changed) without a new dialog. */
  token: z.uuid().optional(),
})

export const runImportInput = z.object({
  token: z.uuid(),
  mapping: columnMappingSchema.optional(),
  /** When true, one rejected row means nothing is imported. */
  allOrNothing: z.boolean().default(false),
})

/** The most row errors one API answer carries; the count is always exact. */
export const MAX_REPORTED_ERRORS = 1000

const importRoles = ['admin', 'supervisor'] as const

export const importContract = {
  preview: method(previewImportInput, importRoles).returns<ImportPreview>(),
  run: method(runImportInput, importRoles).returns<ImportReport>(),
  /**
   * Stops the running preview or import (it then fails with CANCELLED, nothing written); false if
   * none ran. An import honours it until it starts writing: the write is one short transaction.
   */
  cancel: method(z.undefined(), importRoles).returns<boolean>(),
}
