import { z } from 'zod'

// Passphrases: long enough to resist guessing once vault.json is copied; upper bound stops
// a hostile payload from feeding megabytes into Argon2.
export const MIN_PASSPHRASE_LENGTH = 12
export const passphraseSchema = z.string().min(MIN_PASSPHRASE_LENGTH).max(1024)

/** A passphrase being checked, not set: any non-empty string, so old short ones still unlock. */
export const existingPassphraseSchema = z.string().min(1).max(1024)

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash and underscore only')

/** Marks a name refused for holding invisible characters (see shownNameSchema). */
export const HIDDEN_CHARACTERS = 'hidden_characters'

// Control characters (a line break, NUL, C1) and the bidi embeddings, overrides and isolates.
// A name carrying "\u202E" reverses the text after it wherever it is shown: an audit row could
// then read as another person's action. The marks LRM and RLM stay allowed: names in Arabic
// or Hebrew script may need them, and they reorder nothing beyond a neutral character.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN_CHARACTER = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u

/** A person's or an organisation's name as it is shown to people: no invisible characters. */
export function shownNameSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !HIDDEN_CHARACTER.test(name), { params: { code: HIDDEN_CHARACTERS } })
}

export const displayNameSchema = shownNameSchema(120)

/** 16 groups of 4 hex digits plus a 4-hex-digit checksum group; spaces and dashes are ignored. */
export const recoveryKeySchema = z.string().trim().min(1).max(200)
