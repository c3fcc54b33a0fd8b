import { createHash } from 'node:crypto'
import { CaseVaultError } from '../errors'

// The recovery key is the database key itself: 64 hex digits in 16 groups of 4, then one group of
// 4 hex digits = the first two bytes of SHA-256(key), so a mistyped digit is caught before use.

function checksumOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 4)
}

export function formatRecoveryKey(key: Buffer): string {
  if (key.length !== 32) throw new Error('recovery key must be 32 bytes')
  const hex = key.toString('hex') + checksumOf(key)
  return hex.match(/.{4}/g)!.join('-')
}

/** Parses a typed recovery key (any case, spaces or dashes between groups). Returns a fresh Buffer. */
export function parseRecoveryKey(typed: string): Buffer {
  const hex = typed.replace(/[\s-]/g, '').toLowerCase()
  if (!/^[0-9a-f]{68}$/.test(hex)) {
    throw new CaseVaultError('BAD_RECOVERY_KEY', 'A recovery key has 17 groups of 4 characters (0-9, a-f).', {
      reason: 'format',
    })
  }
  const key = Buffer.from(hex.slice(0, 64), 'hex')
  if (checksumOf(key) !== hex.slice(64)) {
    key.fill(0)
    throw new CaseVaultError(
      'BAD_RECOVERY_KEY',
      'The recovery key has a typo: its last group does not match.',
      { reason: 'checksum' },
    )
  }
  return key
}
