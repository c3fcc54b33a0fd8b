import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { deriveKey, type KdfParams } from './kdf'
import { canonicalPassphrase, passphraseForms } from '../passphrase-forms'

/** One user's wrapped copy of the database key, as stored in vault.json. */
export interface KeySlot {
  username: string
  /** 'deactivated' slots keep the name (for a clear error) but no longer hold any key material. */
  status: 'active' | 'deactivated'
  kdf: { algorithm: 'argon2id'; version: 19 } & KdfParams
  salt: string
  nonce: string
  /** AES-256-GCM ciphertext of the database key followed by the 16-byte tag, base64. Empty when deactivated. */
  wrappedKey: string
  updatedAt: string
}

/**
 * Binds the ciphertext to the vault, the user name and the KDF parameters: moving a slot to another
 * user, or lowering its Argon2 cost in vault.json, makes it fail authentication.
 */
function associatedData(vaultId: string, slot: Pick<KeySlot, 'username' | 'kdf' | 'salt'>): Buffer {
  const { algorithm, version, memoryKiB, iterations, parallelism } = slot.kdf
  return Buffer.from(
    JSON.stringify([
      'casevault-slot-v1',
      vaultId,
      slot.username.toLowerCase(),
      algorithm,
      version,
      memoryKiB,
      iterations,
      parallelism,
      slot.salt,
    ]),
  )
}

export async function wrapDatabaseKey(
  vaultId: string,
  username: string,
  passphrase: string,
  databaseKey: Buffer,
  params: KdfParams,
  now: Date,
): Promise<KeySlot> {
  const salt = randomBytes(16)
  const nonce = randomBytes(12)
  const kek = await deriveKey(canonicalPassphrase(passphrase), salt, params)
  try {
    const slot: KeySlot = {
      username,
      status: 'active',
      kdf: { algorithm: 'argon2id', version: 19, ...params },
      salt: salt.toString('base64'),
      nonce: nonce.toString('base64'),
      wrappedKey: '',
      updatedAt: now.toISOString(),
    }
    const cipher = createCipheriv('aes-256-gcm', kek, nonce)
    cipher.setAAD(associatedData(vaultId, slot))
    const ciphertext = Buffer.concat([cipher.update(databaseKey), cipher.final(), cipher.getAuthTag()])
    slot.wrappedKey = ciphertext.toString('base64')
    return slot
  } finally {
    kek.fill(0)
  }
}

/**
 * Returns the database key, or null when the passphrase (or the slot) does not authenticate. Each
 * Unicode form of the passphrase is tried (passphrase-forms.ts): a slot written before new
 * passphrases were normalised holds the form that was typed then.
 */
export async function unwrapDatabaseKey(
  vaultId: string,
  slot: KeySlot,
  passphrase: string,
): Promise<Buffer | null> {
  const sealed = Buffer.from(slot.wrappedKey, 'base64')
  if (sealed.length !== 32 + 16) return null
  for (const form of passphraseForms(passphrase)) {
    const kek = await deriveKey(form, Buffer.from(slot.salt, 'base64'), slot.kdf)
    const key = openSealedKey(vaultId, slot, sealed, kek)
    if (key) return key
  }
  return null
}

/** AES-GCM opening of a slot with one key-encryption key (wiped here); null when it does not authenticate. */
function openSealedKey(vaultId: string, slot: KeySlot, sealed: Buffer, kek: Buffer): Buffer | null {
  // The key as deciphered, before GCM has said it is authentic: wiped unless it is returned (a
  // wrong passphrase leaves 32 bytes that are no key, but nothing of a decryption stays behind).
  let key: Buffer | null = null
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.nonce, 'base64'))
    decipher.setAAD(associatedData(vaultId, slot))
    decipher.setAuthTag(sealed.subarray(32))
    key = decipher.update(sealed.subarray(0, 32))
    if (decipher.final().length > 0) throw new Error('AES-GCM gave more than it was given')
    const unwrapped = key
    key = null
    return unwrapped
  } catch {
    return null
  } finally {
    key?.fill(0)
    kek.fill(0)
  }
}
