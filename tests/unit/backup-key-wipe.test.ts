// The database key sealed in a backup to a public key comes back out of age as a Uint8Array of
// age's own; once copied into the Buffer the caller owns (and wipes), that one is wiped too.
import { describe, expect, it, vi } from 'vitest'
import { randomBytes } from 'node:crypto'
import { generateX25519Identity, identityToRecipient, Decrypter } from 'age-encryption'
import { openDatabaseKey, sealDatabaseKey } from '../../main/core/backup/backup-key'
import { TEST_KDF } from './support/temp-vault'

describe('the database key read back from a backup', () => {
  it('leaves no copy of its own behind once the caller has the key', async () => {
    const key = randomBytes(32)
    const identity = await generateX25519Identity()
    const sealed = await sealDatabaseKey(
      key,
      { recipients: [await identityToRecipient(identity)] },
      'vault-id',
      TEST_KDF,
      new Date(),
    )
    const handedOut: Uint8Array[] = []
    const decrypt = Decrypter.prototype.decrypt
    const spy = vi.spyOn(Decrypter.prototype, 'decrypt').mockImplementation(async function (
      this: Decrypter,
      ...args: Parameters<Decrypter['decrypt']>
    ) {
      const plain = (await decrypt.apply(this, args)) as unknown as Uint8Array
      handedOut.push(plain)
      return plain as never
    })
    try {
      const opened = await openDatabaseKey(sealed, { identity })
      expect(opened.equals(key)).toBe(true)
      expect(handedOut).toHaveLength(1)
      expect(handedOut[0]!.every((byte) => byte === 0)).toBe(true)
    } finally {
      spy.mockRestore()
    }
  })
})
