import { MIN_PASSPHRASE_LENGTH } from '../../../main/api/contract'
import { MIN_BACKUP_SCORE, type BackupStrength } from './backup-strength'

export type StrengthLevel = 'tooShort' | 'weak' | 'good' | 'strong'

/**
 * The meter under a new vault passphrase, from the same zxcvbn verdict main refuses by (score 3,
 * as for backups: main/core/backup/passphrase-strength.ts). Before the estimator has loaded only
 * the length is known: null then, and the meter says nothing it may have to take back.
 */
export function passphraseStrength(
  passphrase: string,
  estimate: BackupStrength | null,
): StrengthLevel | null {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'tooShort'
  if (estimate === null) return null
  if (estimate.score < MIN_BACKUP_SCORE) return 'weak'
  return estimate.score === MIN_BACKUP_SCORE ? 'good' : 'strong'
}
