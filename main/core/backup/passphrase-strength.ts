import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'
import { CaseVaultError } from '../errors'

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
})

/** zxcvbn score 0–4; a backup leaves the building, so it needs 3 ("safely unguessable") or more. */
export const MIN_BACKUP_SCORE = 3

export function passphraseScore(passphrase: string, userInputs: string[] = []): number {
  const result = estimator.check(passphrase.slice(0, 256), userInputs)
  return result.score
}

/**
 * A passphrase that unlocks the vault (a new user's, a reset, a change, the first admin's, one set
 * with the recovery key) is held to the backups' bar: vault.json lies beside the database, and a
 * copy of the folder lets anyone guess a staff passphrase offline, where the unlock delay does not
 * apply and any one passphrase opens every survivor's record. Only new passphrases are checked:
 * existing ones go on unlocking.
 */
export function assertStrongAccountPassphrase(passphrase: string, userInputs: string[] = []): void {
  if (passphraseScore(passphrase, userInputs) < MIN_BACKUP_SCORE) {
    throw new CaseVaultError('WEAK_PASSPHRASE', 'This passphrase is too easy to guess.', {
      minimumScore: MIN_BACKUP_SCORE,
    })
  }
}

/**
 * Refuses weak backup passphrases; the organisation's and user's names count as easy guesses. A
 * space at either end is refused too: it cannot be seen on the paper copy, and the backup would
 * not open with the words alone.
 */
export function assertStrongBackupPassphrase(
  passphrase: string,
  userInputs: string[] = [],
  protects: 'backup' | 'export' = 'backup',
): void {
  if (passphrase !== passphrase.trim()) {
    throw new CaseVaultError('VALIDATION', `The ${protects} passphrase starts or ends with a space.`, {
      issues: [{ path: 'passphrase', code: 'edge_spaces', message: 'starts or ends with a space' }],
    })
  }
  if (passphrase.length < 12 || passphraseScore(passphrase, userInputs) < MIN_BACKUP_SCORE) {
    throw new CaseVaultError('WEAK_PASSPHRASE', `The ${protects} passphrase is too easy to guess.`, {
      minimumScore: MIN_BACKUP_SCORE,
    })
  }
}
