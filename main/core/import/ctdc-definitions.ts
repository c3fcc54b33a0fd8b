import { z } from 'zod'
import { codesOf, fieldByName } from '../../api/contract/htcds'
import layoutFile from '../../../resources/ctdc/ctdc-mapping.json'
import importFile from '../../../resources/ctdc/ctdc-import.json'

// Both files are data (DESIGN.md §7). ctdc-mapping.json is shared with the de-identified export
// (which validates it strictly); only the parts the importer reads are checked here, loosely, so
// the export side can add keys. Parsed once at load: a bad edit fails loudly, not as odd values.
const layoutSchema = z.object({
  ageBands: z.array(z.object({ label: z.string() })).min(1),
  groups: z.record(z.string(), z.object({ field: z.string() })),
  columns: z.array(
    z.object({
      name: z.string(),
      value: z.string().optional(),
      group: z.string().optional(),
      field: z.string().optional(),
      codes: z.array(z.string()).optional(),
      codePrefixes: z.array(z.string()).optional(),
    }),
  ),
})
const importSchema = z.object({
  version: z.literal(1),
  caseNumberPrefix: z.string().regex(/^[A-Z]{2,8}$/),
  survivorDisplayName: z.string().includes('{row}'),
  earliestYear: z.number().int(),
  missingValues: z.array(z.string()),
  flagValues: z.object({ yes: z.array(z.string()), no: z.array(z.string()) }),
  gender: z.record(z.string(), z.string()),
  otherGender: z.string(),
  countryOfExploitationEventType: z.string(),
  flagCodes: z.record(z.string(), z.object({ codes: z.array(z.string()), detail: z.string().optional() })),
})

const layout = layoutSchema.parse(layoutFile)
const choices = importSchema.parse(importFile)

/** A 0/1 column: when 1, `codes` go into `field`; `detail` says what a stand-in code stands for. */
export interface CtdcFlagRule {
  column: string
  field: string
  codes: string[]
  detail?: string
}

/** ISIC prefixes ("I_") name a section: its tier-1 code is what an import can honestly claim. */
function tierOneCode(field: string, prefixes: readonly string[]): string[] {
  const list = fieldByName(field)?.codeList ?? field
  const code = codesOf(list).find((entry) => !entry.parent && prefixes.some((p) => entry.code.startsWith(p)))
  return code ? [code.code] : []
}

function flagRule(column: z.infer<typeof layoutSchema>['columns'][number]): CtdcFlagRule | null {
  const field = column.field ?? (column.group ? layout.groups[column.group]?.field : undefined)
  if (!field) return null
  const override = choices.flagCodes[column.name]
  const codes =
    override?.codes ??
    (column.codes?.length ? [column.codes[0]!] : tierOneCode(field, column.codePrefixes ?? []))
  if (codes.length === 0) return null
  return { column: column.name, field, codes, ...(override?.detail ? { detail: override.detail } : {}) }
}

function valueColumn(kind: string): string {
  const column = layout.columns.find((entry) => entry.value === kind)
  if (!column) throw new Error(`resources/ctdc/ctdc-mapping.json has no '${kind}' column`)
  return column.name
}

export const ctdcImport = {
  ...choices,
  columns: {
    year: valueColumn('year'),
    gender: valueColumn('gender'),
    ageBand: valueColumn('ageBand'),
    citizenship: valueColumn('citizenship'),
    countryOfExploitation: valueColumn('countryOfExploitation'),
  },
  ageBands: layout.ageBands.map((band) => band.label),
  flags: layout.columns.map(flagRule).filter((rule): rule is CtdcFlagRule => rule !== null),
}

/** Every column of CTDC's layout, in the order CTDC publishes them. */
export const ctdcColumns: readonly string[] = layout.columns.map((column) => column.name)
