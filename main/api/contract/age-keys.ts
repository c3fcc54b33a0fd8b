// age keys are bech32: a checksum catches a character typed or read wrong. Checked by shape only,
// a private key copied from paper with one letter wrong was taken, and the backup it did not open
// was reported as damaged (with the typed key in the error); a public key with one wrong letter
// was saved for automatic backups, and every later one failed. (Found by a reviewing helper.)
import { bech32 } from '@scure/base'

/** Whether `value` is a bech32 string of this prefix holding a 32-byte key, checksum and all. */
export function isAgeKey(value: string, prefix: 'age' | 'age-secret-key-'): boolean {
  try {
    const decoded = bech32.decode(value as `${string}1${string}`, 1024)
    return decoded.prefix === prefix && bech32.fromWords(decoded.words).length === 32
  } catch {
    return false
  }
}
