import { z } from 'zod'
import { method } from './method'
import { backupProtectionSchema } from './backup'
import { isoDateSchema } from './dates'
import type { Role } from './roles'

/**
 * What leaves the vault. The HTCDS formats carry full records (names, dates, free text); the
 * others are de-identified (k-anonymous records, or aggregate counts with small cells suppressed).
 */
export const exportFormats = [
  'htcds-json',
  'htcds-csv',
  'deidentified-csv',
  'ctdc-csv',
  'aggregates-csv',
] as const
export const exportFormatSchema = z.enum(exportFormats)
export type ExportFormat = z.infer<typeof exportFormatSchema>

/** Who may produce each format: analysts see de-identified data only (DESIGN.md §4, issue 5). */
export const EXPORT_ROLES: Record<ExportFormat, readonly Role[]> = {
  'htcds-json': ['admin', 'supervisor'],
  'htcds-csv': ['admin', 'supervisor'],
  'deidentified-csv': ['admin', 'supervisor', 'analyst'],
  'ctdc-csv': ['admin', 'supervisor', 'analyst'],
  'aggregates-csv': ['admin', 'supervisor', 'analyst'],
}

export const DEIDENTIFIED_FORMATS: readonly ExportFormat[] = [
  'deidentified-csv',
  'ctdc-csv',
  'aggregates-csv',
]

/** The smallest k the standard allows; an organisation may require more (setting), never less. */
export const MIN_ANONYMITY_K = 5
export const MAX_ANONYMITY_K = 100

/**
 * Encrypted with age to a passphrase or to public keys (the default), or plaintext — only when
 * the user confirmed the warning that anyone with the file can read it.
 */
export const exportProtectionSchema = z.union([
  ...backupProtectionSchema.options,
  z.strictObject({ plaintext: z.literal(true), confirmed: z.literal(true) }),
])
export type ExportProtection = z.infer<typeof exportProtectionSchema>

/**
 * Which cases: by intake date (inclusive); absent bounds mean "from the first" / "to the last".
 * De-identified formats accept whole years only (yyyy-01-01 … yyyy-12-31): ranges a day apart
 * could otherwise be differenced down to single cases.
 */
export const exportScopeSchema = z.strictObject({
  intakeFrom: isoDateSchema.optional(),
  intakeTo: isoDateSchema.optional(),
})
export type ExportScope = z.infer<typeof exportScopeSchema>

export const runExportInput = z.strictObject({
  format: exportFormatSchema,
  protection: exportProtectionSchema,
  scope: exportScopeSchema.default({}),
  /** A stricter k for this export; below the organisation's setting is refused. */
  k: z.number().int().min(MIN_ANONYMITY_K).max(MAX_ANONYMITY_K).optional(),
})
export type RunExportInput = z.input<typeof runExportInput>

export const exportSettingsSchema = z.strictObject({
  k: z.number().int().min(MIN_ANONYMITY_K).max(MAX_ANONYMITY_K),
})
export type ExportSettings = z.infer<typeof exportSettingsSchema>

/**
 * One generalisation step, e.g. citizenship → "UN sub-region", applied to every row of the years
 * named (each year of intake is anonymised on its own).
 */
export interface GeneralisationStep {
  quasiIdentifier: string
  level: number
  description: string
  years: number[]
}

/** What de-identification did; counts and names only, never values. */
export interface DeidentificationReport {
  k: number
  quasiIdentifiers: string[]
  inputRows: number
  outputRows: number
  generalised: GeneralisationStep[]
  /** Rows kept with every quasi-identifier replaced by "*" (they form one class of ≥ k rows). */
  rowsWithSuppressedCells: number
  suppressedCells: number
  /** Rows left out entirely (too few to form even a fully suppressed class of k). */
  suppressedRows: number
  /** aggregates-csv: cells below the threshold left out of the tables. */
  suppressedTableCells: number
  /** Cases in scope imported from CTDC's public dataset, never exported again (not in inputRows). */
  publicRecordsLeftOut: number
}

export interface ExportResult {
  /** Null when the user cancelled the save dialog (nothing was read or written). */
  file: string | null
  rows: number
  encrypted: boolean
  report: DeidentificationReport | null
}

/**
 * A year in an export's scope that changed after it was last exported de-identified: someone
 * holding both files can compare them and single out the cases added, changed or deleted since.
 */
export interface YearChangedSinceExport {
  year: number
  /** When the year was last exported in a de-identified format (ISO 8601). */
  exportedAt: string
  /** Cases of that year added or changed since. */
  changedCases: number
  /** Cases of that year deleted since (an older deletion whose year is unknown counts for every year). */
  deletedCases: number
}

export const exportContract = {
  run: method(runExportInput, ['admin', 'supervisor', 'analyst']).returns<ExportResult>(),
  getSettings: method(z.undefined(), ['admin', 'supervisor', 'analyst']).returns<ExportSettings>(),
  updateSettings: method(exportSettingsSchema, ['admin']).returns<ExportSettings>(),
  /** The years of a de-identified scope that changed since they were last exported (warned). */
  changedYears: method(exportScopeSchema, ['admin', 'supervisor', 'analyst']).returns<
    YearChangedSinceExport[]
  >(),
  /** Stops the running export (it then fails with CANCELLED, no file written); false if none ran. */
  cancel: method(z.undefined(), ['admin', 'supervisor', 'analyst']).returns<boolean>(),
}
