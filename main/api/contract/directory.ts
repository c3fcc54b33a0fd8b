import { z } from 'zod'
import { method, type AreaSpec } from './method'
import { codesOf } from './htcds'
import type { ImportReasonCode, ImportReasonParams } from './import-reasons'

/**
 * The service directory: organisations (HTCDS org_Type) and the services they offer (HTCDS
 * spl_Type support-plan types), for referrals. Everyone doing casework reads it (caseworkers pick
 * services for referrals); admins and supervisors keep it. Analysts have no use for it and no access.
 */
const readerRoles = ['admin', 'supervisor', 'caseworker'] as const
const keeperRoles = ['admin', 'supervisor'] as const

const idSchema = z.number().int().positive()
const codeEnum = (list: string) => z.enum(codesOf(list).map((entry) => entry.code) as [string, ...string[]])

export const orgTypeSchema = codeEnum('org_Type')
export const serviceTypeSchema = codeEnum('spl_Type')
export const countrySchema = codeEnum('iso3166')
export const languageSchema = codeEnum('iso639')

/** Blank means "not known": stored as null, never as an empty string. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))

const looksLikeEmail = (value: string) => z.email().safeParse(value).success
const looksLikeWebsite = (value: string) => {
  if (!/^https?:\/\/\S+$/i.test(value)) return false
  try {
    return Boolean(new URL(value).hostname)
  } catch {
    return false
  }
}
// Phone numbers are written in every national style; all we insist on is a few digits and no letters
// beyond an extension marker, so a name or a note cannot end up in the phone column.
const looksLikePhone = (value: string) =>
  /^[+0-9()./\-\s]*(?:(?:x|ext\.?)\s*[0-9]+)?$/i.test(value) && (value.match(/[0-9]/g)?.length ?? 0) >= 3

const coordinate = (limit: number) =>
  z
    .number()
    .min(-limit)
    .max(limit)
    .nullish()
    .transform((value) => value ?? null)

/** Contact and location fields, shared by organisations and services (a service may differ). */
const contactAndLocation = {
  phone: optionalText(60).refine((value) => value === null || looksLikePhone(value), 'not a phone number'),
  email: optionalText(254).refine((value) => value === null || looksLikeEmail(value), 'not an email address'),
  website: optionalText(500).refine(
    (value) => value === null || looksLikeWebsite(value),
    'not a web address (http:// or https://)',
  ),
  address: optionalText(500),
  city: optionalText(200),
  region: optionalText(200),
  postalCode: optionalText(40),
  country: countrySchema.nullish().transform((value) => value ?? null),
  latitude: coordinate(90),
  longitude: coordinate(180),
}

/**
 * The version the edit dialog loaded: required with `id` (main refuses an update without it), so
 * that a save from an older copy is refused as stale instead of erasing a colleague's newer one.
 * Checked in main rather than by a refinement here: HSDS import reuses these schemas without `id`.
 */
const loadedVersion = z.number().int().positive().optional()

export const saveOrganisationInput = z.strictObject({
  /** Absent: create; present: update that organisation. */
  id: idSchema.optional(),
  version: loadedVersion,
  name: z.string().trim().min(1).max(300),
  orgType: orgTypeSchema.nullish().transform((value) => value ?? null),
  description: optionalText(5000),
  ...contactAndLocation,
  /** Absent on update: unchanged; absent on create: active. */
  active: z.boolean().optional(),
})
export type SaveOrganisationInput = z.input<typeof saveOrganisationInput>
export type OrganisationDraft = z.output<typeof saveOrganisationInput>

export const saveServiceInput = z.strictObject({
  id: idSchema.optional(),
  version: loadedVersion,
  organisationId: idSchema,
  name: z.string().trim().min(1).max(300),
  description: optionalText(5000),
  /** HTCDS spl_Type codes; duplicates are dropped. */
  serviceTypes: z
    .array(serviceTypeSchema)
    .max(20)
    .default([])
    .transform((codes) => [...new Set(codes)]),
  ...contactAndLocation,
  /** ISO 639-1 codes of the languages the service is delivered in. */
  languages: z
    .array(languageSchema)
    .max(50)
    .default([])
    .transform((codes) => [...new Set(codes)]),
  /** Who the service is for (HSDS eligibility_description). */
  eligibilityNotes: optionalText(5000),
  openingHours: optionalText(1000),
  active: z.boolean().optional(),
})
export type SaveServiceInput = z.input<typeof saveServiceInput>
export type ServiceDraft = z.output<typeof saveServiceInput>

interface ContactAndLocation {
  phone: string | null
  email: string | null
  website: string | null
  address: string | null
  city: string | null
  region: string | null
  postalCode: string | null
  country: string | null
  latitude: number | null
  longitude: number | null
}

export interface DirectoryOrganisation extends ContactAndLocation {
  id: number
  /** The HSDS id (UUID) exports carry; re-importing it updates this organisation. */
  hsdsId: string
  name: string
  orgType: string | null
  description: string | null
  active: boolean
  serviceCount: number
  /** Moves on with every change; an edit sends back the one it was made from. */
  version: number
  createdAt: string
  updatedAt: string
}

export interface DirectoryService extends ContactAndLocation {
  id: number
  hsdsId: string
  organisationId: number
  organisationName: string
  organisationType: string | null
  /** An inactive organisation's services are out of pickers even when themselves active. */
  organisationActive: boolean
  name: string
  description: string | null
  serviceTypes: string[]
  languages: string[]
  eligibilityNotes: string | null
  openingHours: string | null
  active: boolean
  version: number
  createdAt: string
  updatedAt: string
}

const searchText = z.string().trim().max(200).optional()

export const listOrganisationsInput = z
  .strictObject({
    query: searchText,
    orgType: orgTypeSchema.optional(),
    activeOnly: z.boolean().default(false),
  })
  .default({ activeOnly: false })

export const listServicesInput = z
  .strictObject({
    /** Matches service or organisation name, description and eligibility notes. */
    query: searchText,
    serviceType: serviceTypeSchema.optional(),
    orgType: orgTypeSchema.optional(),
    organisationId: idSchema.optional(),
    /** Only services that are active and whose organisation is active (what referrals offer). */
    activeOnly: z.boolean().default(false),
  })
  .default({ activeOnly: false })
export type ListServicesInput = z.input<typeof listServicesInput>

export const directoryIdInput = z.strictObject({ id: idSchema })
export const setActiveInput = z.strictObject({ id: idSchema, active: z.boolean() })

// --- HSDS 3.0 exchange -------------------------------------------------------------------------

/** HSDS JSON (one file), or HSDS's tabular data package (CSV files + datapackage.json, as a tar). */
export const hsdsFormats = ['hsds-json', 'hsds-csv'] as const
export const hsdsFormatSchema = z.enum(hsdsFormats)
export type HsdsFormat = z.infer<typeof hsdsFormatSchema>

/** A directory file is small; a bigger one is refused before it is parsed. */
export const MAX_HSDS_IMPORT_BYTES = 20 * 1024 * 1024
/** The most row errors one answer carries; errorCount stays exact. */
export const MAX_DIRECTORY_IMPORT_ERRORS = 500

const importFileSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  content: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected file bytes')
    .refine((bytes) => bytes.byteLength > 0, 'empty file')
    .refine((bytes) => bytes.byteLength <= MAX_HSDS_IMPORT_BYTES, 'larger than 20 MB'),
})

/**
 * The files the user picked: one HSDS JSON file, one tar of the CSV package, or the package's CSV
 * files (with or without datapackage.json) picked together. The bytes come from the page's file
 * picker, like attachments: a directory holds no survivor data, and main never opens a path the
 * renderer names.
 */
export const directoryImportInput = z
  .strictObject({ files: z.array(importFileSchema).min(1).max(20) })
  .refine(
    (input) =>
      input.files.reduce((total, file) => total + file.content.byteLength, 0) <= MAX_HSDS_IMPORT_BYTES,
    'larger than 20 MB',
  )
export type DirectoryImportInput = z.input<typeof directoryImportInput>

/** `table` is the CSV file (organizations.csv…) or the JSON array (services…); `row` counts from 1 (header = row 1 in CSV). */
export interface DirectoryImportError {
  table: string
  row: number
  field: string
  reason: string
  /** Problems found by the CSV reader the case import shares carry its code, so they read the same. */
  code?: ImportReasonCode
  params?: ImportReasonParams
}

export interface DirectoryImportCounts {
  read: number
  /** Would be (dry run) or were created / updated (matched by HSDS id). */
  created: number
  updated: number
}

export interface DirectoryImportReport {
  format: HsdsFormat
  dryRun: boolean
  /** True only when a real run wrote; any error means nothing is written. */
  imported: boolean
  organisations: DirectoryImportCounts
  services: DirectoryImportCounts
  errorCount: number
  errors: DirectoryImportError[]
  /** File-wide remarks (codes translated in the renderer by `directory.import.notes.<code>`). */
  notes: string[]
}

export const directoryExportInput = z.strictObject({
  format: hsdsFormatSchema,
  /** Inactive organisations and services travel too (with their status) unless left out. */
  includeInactive: z.boolean().default(true),
})

export interface DirectoryExportResult {
  /** Null when the user cancelled the save dialog. */
  file: string | null
  organisations: number
  services: number
}

export const directoryContract = {
  listOrganisations: method(listOrganisationsInput, readerRoles).returns<DirectoryOrganisation[]>(),
  getOrganisation: method(directoryIdInput, readerRoles).returns<DirectoryOrganisation>(),
  saveOrganisation: method(saveOrganisationInput, keeperRoles).returns<DirectoryOrganisation>(),
  setOrganisationActive: method(setActiveInput, keeperRoles).returns<DirectoryOrganisation>(),
  listServices: method(listServicesInput, readerRoles).returns<DirectoryService[]>(),
  getService: method(directoryIdInput, readerRoles).returns<DirectoryService>(),
  saveService: method(saveServiceInput, keeperRoles).returns<DirectoryService>(),
  setServiceActive: method(setActiveInput, keeperRoles).returns<DirectoryService>(),
  importPreview: method(directoryImportInput, keeperRoles).returns<DirectoryImportReport>(),
  importRun: method(directoryImportInput, keeperRoles).returns<DirectoryImportReport>(),
  export: method(directoryExportInput, keeperRoles).returns<DirectoryExportResult>(),
} satisfies AreaSpec
