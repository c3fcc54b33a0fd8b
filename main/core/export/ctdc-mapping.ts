// The CTDC column layout and its HTCDS mapping, read from resources/ctdc (data, not code: DESIGN.md
// §7). Parsed with zod at load, so a hand edit that breaks the file fails loudly, not silently.
import { z } from 'zod'
import mappingJson from '../../../resources/ctdc/ctdc-mapping.json'

const flagColumn = z.strictObject({
  name: z.string(),
  group: z.string(),
  label: z.string().optional(),
  /** Another HTCDS field than the group's (e.g. begging comes from the exploitation types). */
  field: z.string().optional(),
  codes: z.array(z.string()).optional(),
  codePrefixes: z.array(z.string()).optional(),
  otherwise: z.boolean().optional(),
  whenEmpty: z.boolean().optional(),
  allOf: z.array(z.string()).optional(),
  byCategory: z.record(z.string(), z.union([z.literal(0), z.literal(1)])).optional(),
  concatenated: z.boolean().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  note: z.string().optional(),
})

const valueColumn = z.strictObject({
  name: z.string(),
  value: z.enum([
    'year',
    'gender',
    'ageBand',
    'majorityStatus',
    'minorWhenTrafficked',
    'citizenship',
    'countryOfExploitation',
  ]),
})

const constantColumn = z.strictObject({ name: z.string(), constant: z.string(), note: z.string().optional() })

const mappingSchema = z.object({
  layout: z.string(),
  ageBands: z.array(
    z.strictObject({ min: z.number().int(), max: z.number().int().nullable(), label: z.string() }),
  ),
  adultFrom: z.number().int(),
  gender: z.record(z.string(), z.string()),
  exploitationCategories: z.record(z.string(), z.string()),
  groups: z.record(
    z.string(),
    z.strictObject({ field: z.string(), appliesTo: z.enum(['labour', 'sexual']).optional() }),
  ),
  columns: z.array(z.union([valueColumn, constantColumn, flagColumn])),
})

export type CtdcFlagColumn = z.infer<typeof flagColumn>
export type CtdcValueColumn = z.infer<typeof valueColumn>
export type CtdcColumn = z.infer<typeof mappingSchema>['columns'][number]
export type CtdcMapping = z.infer<typeof mappingSchema>

export const ctdcMapping: CtdcMapping = mappingSchema.parse(mappingJson)

/** The 63 column names in the order CTDC publishes them. */
export const CTDC_COLUMNS: readonly string[] = ctdcMapping.columns.map((column) => column.name)

export interface AgeBand {
  min: number
  max: number | null
  /** CTDC's label, e.g. `18--20`. */
  ctdc: string
  /** CaseVault's label, e.g. `18-20`. */
  label: string
}

export const AGE_BANDS: readonly AgeBand[] = ctdcMapping.ageBands.map((band) => ({
  min: band.min,
  max: band.max,
  ctdc: band.label,
  label: band.max === null ? `${band.min}+` : `${band.min}-${band.max}`,
}))
