import { Decrypter, Encrypter } from 'age-encryption'
import { z } from 'zod'
import { CaseVaultError } from '../errors'
import { unwrapDatabaseKey, wrapDatabaseKey } from '../vault/key-slot'
import type { KdfParams } from '../vault/kdf'
import { keySlotSchema } from '../vault/vault-header'
import type { BackupCredentials, BackupProtection } from './backup-format'
import { wrongSecret } from './wrong-secret'

/**
 * The backup carries the database key, sealed to the same secret as the backup itself, so that
 * verify and restore can open the snapshot with only the backup passphrase (or identity). The
 * snapshot stays SQLCipher-encrypted inside the age file: with `age -d` and the recovery key it
 * also opens in any SQLCipher tool.
 */
const backupKeySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passphrase-slot'), vaultId: z.string(), slot: z.unknown() }),
  z.strictObject({ kind: z.literal('age'), sealed: z.string() }),
])
export type BackupKeyFile = z.infer<typeof backupKeySchema>

const BACKUP_SLOT_NAME = 'backup'

export async function sealDatabaseKey(
  databaseKey: Buffer,
  protection: BackupProtection,
  vaultId: string,
  kdf: KdfParams,
  now: Date,
): Promise<BackupKeyFile> {
  if ('passphrase' in protection) {
    const slot = await wrapDatabaseKey(
      vaultId,
      BACKUP_SLOT_NAME,
      protection.passphrase,
      databaseKey,
      kdf,
      now,
    )
    return { kind: 'passphrase-slot', vaultId, slot }
  }
  const encrypter = new Encrypter()
  for (const recipient of protection.recipients) encrypter.addRecipient(recipient)
  const sealed = await encrypter.encrypt(databaseKey)
  return { kind: 'age', sealed: Buffer.from(sealed).toString('base64') }
}

export async function openDatabaseKey(json: unknown, credentials: BackupCredentials): Promise<Buffer> {
  const parsed = backupKeySchema.safeParse(json)
  if (!parsed.success) throw new CaseVaultError('CORRUPT_HEADER', 'The backup’s key file is damaged.')
  const file = parsed.data
  if (file.kind === 'passphrase-slot') {
    if (!('passphrase' in credentials)) throw wrongSecret(credentials, 'passphrase')
    const slot = keySlotSchema.safeParse(file.slot)
    if (!slot.success) throw new CaseVaultError('CORRUPT_HEADER', 'The backup’s key file is damaged.')
    const key = await unwrapDatabaseKey(file.vaultId, slot.data, credentials.passphrase)
    if (!key) throw new CaseVaultError('WRONG_PASSPHRASE', 'The backup passphrase is not correct.')
    return key
  }
  if (!('identity' in credentials)) throw wrongSecret(credentials, 'keys')
  const decrypter = new Decrypter()
  decrypter.addIdentity(credentials.identity)
  let plain: Uint8Array
  try {
    plain = await decrypter.decrypt(Buffer.from(file.sealed, 'base64'))
  } catch {
    throw new CaseVaultError('WRONG_PASSPHRASE', 'This private key does not open the backup.')
  }
  try {
    return Buffer.from(plain)
  } finally {
    plain.fill(0) // the key, as age handed it over: only the caller's copy (wiped on lock) stays
  }
}
