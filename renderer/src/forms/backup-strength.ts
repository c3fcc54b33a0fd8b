/**
 * The backup passphrase meter: the same zxcvbn estimator and dictionaries main uses to refuse weak
 * backup passphrases (main/core/backup/passphrase-strength.ts), so the meter and main agree.
 * The dictionaries are large: they load on first use, not with the app's first screen.
 */
import { backupProtectionSchema } from '../../../main/api/contract'

/** zxcvbn's score 0–4; main refuses a backup passphrase below this (WEAK_PASSPHRASE). */
export const MIN_BACKUP_SCORE = 3
/** The contract's minimum length for a backup passphrase, read from the schema main parses with. */
export const MIN_BACKUP_PASSPHRASE_LENGTH = backupProtectionSchema.options[0].shape.passphrase.minLength ?? 12

export interface BackupStrength {
  score: 0 | 1 | 2 | 3 | 4
  /** zxcvbn's warning key (e.g. "commonNames"), or null; shown through i18n, never as zxcvbn text. */
  warning: string | null
  suggestions: string[]
}

type Estimate = (passphrase: string, userInputs: string[]) => BackupStrength

let loading: Promise<Estimate> | undefined

async function loadEstimator(): Promise<Estimate> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ])
  // No `translations`: zxcvbn then reports feedback as keys, which the app's i18n turns into text.
  const estimator = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
  })
  return (passphrase, userInputs) => {
    const result = estimator.check(passphrase.slice(0, 256), userInputs)
    return {
      score: result.score,
      warning: result.feedback.warning || null,
      suggestions: result.feedback.suggestions,
    }
  }
}

/** Loads the estimator once (the first call starts the download of the dictionaries). */
export function backupStrengthEstimator(): Promise<Estimate> {
  loading ??= loadEstimator().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

/** Strong enough for main: the contract's length and zxcvbn's score 3 ("safely unguessable"). */
export function isStrongEnough(passphrase: string, strength: BackupStrength | null): boolean {
  return (
    passphrase.length >= MIN_BACKUP_PASSPHRASE_LENGTH &&
    strength !== null &&
    strength.score >= MIN_BACKUP_SCORE
  )
}
