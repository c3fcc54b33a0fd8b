import { backupCredentialsSchema, backupProtectionSchema } from '../../../main/api/contract'
import type { Translate } from './validation-message'

// The key formats are the contract's (the schemas main parses with); only the wording is ours.
const recipientsSchema = backupProtectionSchema.options[1].shape.recipients
const recipientSchema = recipientsSchema.element
const identitySchema = backupCredentialsSchema.options[1].shape.identity

/** The contract's limit on public keys; zod 4 keeps .max() as a check on the array's definition. */
export const MAX_RECIPIENTS = ((): number => {
  for (const check of recipientsSchema.def.checks ?? []) {
    const def = check._zod.def as { check?: string; maximum?: number }
    if (def.check === 'max_length' && typeof def.maximum === 'number') return def.maximum
  }
  return 10
})()

/** Public keys from the textarea: one per line, blank lines and surrounding spaces ignored. */
export function recipientLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

/** The first problem with the typed public keys, in the reader's language; null when all are fine. */
export function recipientsError(text: string, t: Translate): string | null {
  const lines = text.split(/\r?\n/).map((line) => line.trim())
  const keys = lines.filter((line) => line.length > 0)
  if (keys.length === 0) return t('backup.create.recipientsRequired')
  if (keys.length > MAX_RECIPIENTS) return t('backup.create.recipientsTooMany', { max: MAX_RECIPIENTS })
  const bad = lines.findIndex((line) => line.length > 0 && !recipientSchema.safeParse(line).success)
  if (bad >= 0) return t('backup.create.recipientNotAKey', { line: bad + 1 })
  return null
}

/** A private key as typed from paper: spaces and line breaks dropped, letters upper-cased. */
export function normaliseIdentity(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

export function identityError(text: string, t: Translate): string | null {
  const identity = normaliseIdentity(text)
  if (identity === '') return t('validation.required')
  return identitySchema.safeParse(identity).success ? null : t('backup.credentials.identityInvalid')
}
