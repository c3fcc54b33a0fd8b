// Which kind of secret a backup needs, told when the wrong kind was given.
import { open } from 'node:fs/promises'
import { CaseVaultError } from '../errors'
import type { BackupCredentials } from './backup-format'

/**
 * What the age file at `file` is protected with, from its header's recipient stanzas: a
 * passphrase ("-> scrypt") or public keys ("-> X25519"); null when neither can be read.
 */
export async function protectedWith(file: string): Promise<'passphrase' | 'keys' | null> {
  try {
    const handle = await open(file, 'r')
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0)
      const header = buffer.subarray(0, bytesRead).toString('latin1')
      if (/^-> scrypt /m.test(header)) return 'passphrase'
      if (/^-> X25519 /m.test(header)) return 'keys'
      return null
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

/**
 * A secret that does not open the file. When it is the wrong kind (a passphrase for a backup made
 * to the organisation's keys, as every automatic backup is, or a private key for a passphrase
 * backup), the error says which kind the backup needs: "the passphrase is not correct" sent
 * people looking for a passphrase that never existed.
 */
export function wrongSecret(
  credentials: BackupCredentials,
  protection: 'passphrase' | 'keys' | null,
): CaseVaultError {
  if ('passphrase' in credentials && protection === 'keys')
    return new CaseVaultError('WRONG_PASSPHRASE', 'This backup opens with the private key.', {
      needs: 'privateKey',
    })
  if ('identity' in credentials && protection === 'passphrase')
    return new CaseVaultError('WRONG_PASSPHRASE', 'This backup opens with its passphrase.', {
      needs: 'passphrase',
    })
  return new CaseVaultError('WRONG_PASSPHRASE', 'The backup passphrase (or key) is not correct.')
}
