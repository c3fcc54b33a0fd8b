import { nextTick } from 'vue'
import type { z } from 'zod'
import type { InvalidSubmissionContext, TypedSchema, TypedSchemaError } from 'vee-validate'
import { validationMessage, type Translate } from './validation-message'

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/**
 * A schema issue's path the way vee-validate names its fields: `events[0].record.hte_Date`.
 * vee-validate looks a field up by that name in the adapter's own result when a check is no longer
 * the latest; with `events.0.…` the field found nothing and cleared the error it had just shown.
 * The same mismatch is reported upstream (logaretm/vee-validate#5108, fix proposed for v5 in #5131).
 */
function formPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('')
}

/**
 * Lets vee-validate use a zod 4 schema from the API contract (the same one main parses with).
 * vee-validate 4.15 reads only its own TypedSchema shape and @vee-validate/zod supports zod 3,
 * so this small adapter stands in; messages come translated from validationMessage.
 */
export function zodFormSchema<S extends z.ZodType>(
  schema: S,
  t: Translate,
): TypedSchema<z.input<S>, z.output<S>> {
  return {
    __type: 'VVTypedSchema',
    async parse(values) {
      const result = await schema.safeParseAsync(values)
      if (result.success) return { value: result.data, errors: [] }
      const byPath = new Map<string, string[]>()
      for (const issue of result.error.issues) {
        const path = formPath(issue.path)
        const messages = byPath.get(path) ?? []
        messages.push(validationMessage(issue, valueAt(values, issue.path), t))
        byPath.set(path, messages)
      }
      const errors: TypedSchemaError[] = [...byPath].map(([path, messages]) => ({ path, errors: messages }))
      return { errors }
    },
  }
}

/** Validate a field when it loses focus; once it shows an error, re-check on every keystroke. */
export function lazyThenEager(state: { errors: string[]; dirty: boolean }) {
  // Leaving an empty field the user never typed in is not an error yet: showing "required" on that
  // blur moved the links below (a click on "Forgot your passphrase?" then landed on empty space).
  return {
    validateOnModelUpdate: state.errors.length > 0,
    validateOnBlur: state.dirty || state.errors.length > 0,
  }
}

/** After a refused submit, put the cursor in the first field that needs fixing (keyboard and screen readers). */
export function focusFirstInvalid(context: Pick<InvalidSubmissionContext, 'evt'>): void {
  const form = context.evt?.target instanceof HTMLFormElement ? context.evt.target : null
  void nextTick(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
