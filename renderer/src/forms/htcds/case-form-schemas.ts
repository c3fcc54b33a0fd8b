import { z } from 'zod'
import { isRealIsoDate } from '../../../../main/api/contract'
import { sectionSchema } from '../../../../main/api/contract/htcds'
import { NAME_OR_ALIAS_CODE } from '../validation-message'

// Client-side schemas for the case forms, built from the same HTCDS section schemas main parses
// with (requireCore off, deprecated fields refused), so both sides agree on every field.

const sectionOptions = { requireCore: false, forNewRecords: true } as const

export const intakeDateSchema = z
  .string()
  .refine(isRealIsoDate, { message: 'not a real date', params: { code: 'invalid_date' } })

const aliasesSchema = z.array(z.string().trim().min(1).max(200)).max(20)

function text(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== ''
}

/** Main needs something to call the survivor by: a first, middle or second name, or an alias. */
export function hasNameOrAlias(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  const { survivor, survivorAliases } = value as {
    survivor?: Record<string, unknown>
    survivorAliases?: unknown
  }
  const named = ['prs_FirstName', 'prs_MiddleName', 'prs_SecondName'].some((name) => text(survivor?.[name]))
  return named || (Array.isArray(survivorAliases) && survivorAliases.some(text))
}

const nameOrAlias = {
  path: ['survivor', 'prs_FirstName'],
  params: { code: NAME_OR_ALIAS_CODE },
  // Check it even while other fields have errors: it belongs to the step the person is on.
  when: () => true,
}

export const newCaseFormSchema = z
  .object({
    intakeDate: intakeDateSchema,
    assignedUserId: z.number().int().positive().nullable().optional(),
    survivor: sectionSchema('person', sectionOptions),
    survivorAliases: aliasesSchema,
    victim: sectionSchema('victim', sectionOptions),
  })
  .refine(hasNameOrAlias, nameOrAlias)

export const editCaseFormSchema = z
  .object({
    intakeDate: intakeDateSchema,
    assignedUserId: z.number().int().positive().nullable().optional(),
    survivor: sectionSchema('person', sectionOptions),
    survivorAliases: aliasesSchema,
    victim: sectionSchema('victim', sectionOptions),
    events: z
      .array(
        z.object({
          id: z.number().int().positive().optional(),
          record: sectionSchema('historicEvent', sectionOptions),
        }),
      )
      .max(200),
  })
  .refine(hasNameOrAlias, nameOrAlias)

export const perpetratorFormSchema = z.object({
  person: sectionSchema('person', sectionOptions),
  aliases: aliasesSchema,
  context: sectionSchema('perpetrator', sectionOptions),
})

/** Where main's issue paths and the edit form's paths differ: an event's fields sit under `record`. */
export function editFormPath(path: string): string {
  return path.replace(/^events\.(\d+)\.(?!record\.)/, 'events.$1.record.')
}
