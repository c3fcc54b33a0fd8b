import { MIN_PASSPHRASE_LENGTH } from '../../../main/api/contract'

export type StrengthLevel = 'tooShort' | 'fair' | 'good' | 'strong'

/**
 * A rough hint, not a guarantee: length matters most for passphrases, and a few words or mixed
 * kinds of characters add some. Main enforces the minimum; Argon2 does the rest.
 */
export function passphraseStrength(passphrase: string): StrengthLevel {
  const length = [...passphrase].length
  if (length < MIN_PASSPHRASE_LENGTH) return 'tooShort'
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((re) => re.test(passphrase)).length
  const words = passphrase
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 3).length
  const score = length + kinds * 2 + (words >= 4 ? 8 : words >= 3 ? 4 : 0)
  if (score >= 30) return 'strong'
  if (score >= 20) return 'good'
  return 'fair'
}
