import { z } from 'zod'
import {
  bornAfterIntake,
  intakeDateProblem,
  isRealIsoDate,
  latestIntakeDate,
} from '../../../../main/api/contract'
import { EMPTY_EVENT, isEmptyRecord } from '../../../../main/api/contract/cases'
import { sectionSchema } from '../../../../main/api/contract/htcds'
import { NAME_OR_ALIAS_CODE } from '../validation-message'

// Client-side schemas for the case forms, built from the same HTCDS section schemas main parses
// with (requireCore off), so both sides agree on every field.

/** A new case: deprecated HTCDS fields refused, as main does (case-prepare.ts). */
const sectionOptions = { requireCore: false, forNewRecords: true } as const
/**
 * An existing case: a deprecated field it already holds (an import from an older HTCDS file) is
 * accepted, because main keeps it when unchanged (kept-deprecated.ts). Refused here, it failed the
 * whole save at a field the form never shows. Main still refuses one added or changed.
 */
const storedSectionOptions = { requireCore: false, forNewRecords: false } as const

/**
 * An intake date: a real day, not in the future, not before 1950. `kept`: the date the case has
 * now (edit form), which stays valid unchanged. A case imported from a file written east of here
 * may carry a date that is "today" there and still tomorrow here; main accepts it unchanged
 * (case-prepare.ts) and the form must too, or no other field of the case could be saved.
 */
function intakeDateRule(kept: () => string | undefined = () => undefined) {
  return (
    z
      .string()
      .refine(isRealIsoDate, { message: 'not a real date', params: { code: 'invalid_date' } })
      // main checks the same (case-prepare.ts), and the import: a case must survive a move to a new vault.
      .superRefine((date, context) => {
        if (!isRealIsoDate(date) || date === kept()) return
        const problem = intakeDateProblem(date, latestIntakeDate(new Date()))
        if (problem) context.addIssue({ code: 'custom', message: problem, params: { code: problem } })
      })
  )
}

export const intakeDateSchema = intakeDateRule()

/** The survivor's birthdate may not be after the intake date (both forms). */
function birthBeforeIntake(value: unknown): boolean {
  const { intakeDate, survivor } = (value ?? {}) as {
    intakeDate?: unknown
    survivor?: Record<string, unknown>
  }
  if (typeof intakeDate !== 'string' || !isRealIsoDate(intakeDate)) return true
  return !bornAfterIntake(survivor?.prs_Birthdate, intakeDate)
}

const birthAfterIntake = {
  path: ['survivor', 'prs_Birthdate'],
  params: { code: 'birth_after_intake' },
  // Shown beside the other errors of the step: the two dates are on it.
  when: () => true,
}

const aliasesSchema = z.array(z.string().trim().min(1).max(200)).max(20)

/** The same aliases in the same order (what the edit form compares with the case as loaded). */
export function sameAliases(aliases: readonly string[], stored: readonly string[] | undefined): boolean {
  return stored !== undefined && aliases.length === stored.length && aliases.every((a, i) => a === stored[i])
}

/**
 * The edit form's aliases. `kept`: the case's aliases as loaded, valid unchanged: an older import
 * took in more than 20, or longer ones, and the form sends them only when changed (main keeps an
 * absent list as stored). Refused here, no other field of such a case could be saved.
 */
function aliasesRule(kept: () => readonly string[] | undefined) {
  return z.array(z.string()).superRefine((aliases, context) => {
    if (sameAliases(aliases, kept())) return
    const result = aliasesSchema.safeParse(aliases)
    for (const issue of result.error?.issues ?? []) context.addIssue({ ...issue })
  })
}

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
  .refine(birthBeforeIntake, birthAfterIntake)

/**
 * `storedIntakeDate`, `storedAliases`: the case's as loaded, valid unchanged (see intakeDateRule,
 * aliasesRule).
 */
export const editCaseFormSchema = (
  storedIntakeDate: () => string | undefined,
  storedAliases: () => readonly string[] | undefined = () => undefined,
) =>
  z
    .object({
      intakeDate: intakeDateRule(storedIntakeDate),
      assignedUserId: z.number().int().positive().nullable().optional(),
      survivor: sectionSchema('person', storedSectionOptions),
      survivorAliases: aliasesRule(storedAliases),
      victim: sectionSchema('victim', storedSectionOptions),
      events: z
        .array(
          z
            .object({
              id: z.number().int().positive().optional(),
              record: sectionSchema('historicEvent', storedSectionOptions),
            })
            // Said at the event's first field; main refuses it too (case-prepare.ts).
            .refine((event) => event.id !== undefined || !isEmptyRecord(event.record), {
              path: ['record', 'hte_Type'],
              params: { code: EMPTY_EVENT },
            }),
        )
        .max(200),
    })
    .refine(hasNameOrAlias, nameOrAlias)
    .refine(birthBeforeIntake, birthAfterIntake)

export const perpetratorFormSchema = z.object({
  person: sectionSchema('person', sectionOptions),
  aliases: aliasesSchema,
  context: sectionSchema('perpetrator', sectionOptions),
})

/** Where main's issue paths and the edit form's paths differ: an event's fields sit under `record`. */
export function editFormPath(path: string): string {
  return path.replace(/^events\.(\d+)\.(?!record\.)/, 'events.$1.record.')
}
