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

export const displayNameSchema = z.string().trim().min(1).max(120)

/** 16 groups of 4 hex digits plus a 4-hex-digit checksum group; spaces and dashes are ignored. */
export const recoveryKeySchema = z.string().trim().min(1).max(200)
