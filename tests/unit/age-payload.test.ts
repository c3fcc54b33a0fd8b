import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption'
import { AgePayloadError, decryptAge, encryptAge } from '../../main/core/backup/age-payload'
import { tempDir } from './support/temp-vault'
import { collect } from './support/byte-streams'

const CHUNK = 64 * 1024
// Empty, tiny, one byte either side of a chunk, exactly one and two chunks, and a ragged tail.
const SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 4321]
const PASSPHRASE = 'seven lanterns over the harbour wall'

/** Feeds the data in uneven pieces, as a file stream or a tar pack would. */
function* pieces(data: Uint8Array, size = 10_007): Iterable<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size)
}

async function* asyncPieces(data: Uint8Array, size = 9_973): AsyncIterable<Uint8Array> {
  yield* pieces(data, size)
}

describe('age payload in native ChaCha20-Poly1305', async () => {
  const identity = await generateX25519Identity()
  const recipient = await identityToRecipient(identity)

  it.each(SIZES)('age-encryption decrypts what we encrypt (%i bytes, to a key)', async (size) => {
    const plaintext = randomBytes(size)
    const file = await collect(encryptAge(pieces(plaintext), { recipients: [recipient] }))
    const decrypter = new Decrypter()
    decrypter.addIdentity(identity)
    expect(Buffer.from(await decrypter.decrypt(file))).toEqual(plaintext)
  })

  it.each(SIZES)('we decrypt what age-encryption encrypts (%i bytes, with a passphrase)', async (size) => {
    const plaintext = randomBytes(size)
    const encrypter = new Encrypter()
    encrypter.setScryptWorkFactor(10)
    encrypter.setPassphrase(PASSPHRASE)
    const file = await encrypter.encrypt(plaintext)
    expect(await collect(decryptAge(asyncPieces(file), { passphrase: PASSPHRASE }))).toEqual(plaintext)
  })

  it('round-trips with a passphrase through our own code both ways', async () => {
    const plaintext = randomBytes(5 * CHUNK + 17)
    const file = await collect(encryptAge(pieces(plaintext), { passphrase: PASSPHRASE }, 10))
    expect(await collect(decryptAge(asyncPieces(file, 4096), { passphrase: PASSPHRASE }))).toEqual(plaintext)
  })

  it.each(SIZES.map((size) => size + 3 * CHUNK))(
    'round-trips %i bytes fed in 1 MiB pieces (whole chunks straight from the input)',
    async (size) => {
      const plaintext = randomBytes(size)
      const file = await collect(encryptAge(pieces(plaintext, 1 << 20), { recipients: [recipient] }))
      const decrypter = new Decrypter()
      decrypter.addIdentity(identity)
      expect(Buffer.from(await decrypter.decrypt(file))).toEqual(plaintext)
      expect(await collect(decryptAge(asyncPieces(file, 1 << 20), { identity }))).toEqual(plaintext)
    },
  )

  it('refuses a wrong identity at the header, with age’s own error', async () => {
    const file = await collect(encryptAge(pieces(randomBytes(100)), { recipients: [recipient] }))
    const other = await generateX25519Identity()
    await expect(collect(decryptAge(asyncPieces(file), { identity: other }))).rejects.toThrow(
      /no identity matched/,
    )
  })

  it('refuses a file cut at a chunk boundary, a flipped byte and a missing tail', async () => {
    const plaintext = randomBytes(3 * CHUNK + 100)
    const file = await collect(encryptAge(pieces(plaintext), { recipients: [recipient] }))
    const payloadStart = file.length - (plaintext.length + 4 * 16) // nonce: header ends 16 bytes earlier
    const cutAtBoundary = file.subarray(0, payloadStart + 2 * (CHUNK + 16))
    const flipped = Buffer.from(file)
    flipped[payloadStart + CHUNK + 100]! ^= 0x01
    const missingTail = file.subarray(0, file.length - 1)
    for (const damaged of [cutAtBoundary, flipped, missingTail]) {
      await expect(collect(decryptAge(asyncPieces(damaged), { identity }))).rejects.toBeInstanceOf(
        AgePayloadError,
      )
    }
  })

  it('refuses bytes that are not an age file', async () => {
    await expect(collect(decryptAge(asyncPieces(randomBytes(200_000)), { identity }))).rejects.toBeInstanceOf(
      AgePayloadError,
    )
  })

  const ageInstalled = spawnSync('age', ['--version']).status === 0
  it.skipIf(!ageInstalled)('the age command-line tool decrypts what we encrypt to a key', async () => {
    const plaintext = randomBytes(2 * CHUNK + 5)
    const dir = tempDir()
    writeFileSync(join(dir, 'key.txt'), `${identity}\n`)
    writeFileSync(
      join(dir, 'file.age'),
      await collect(encryptAge(pieces(plaintext), { recipients: [recipient] })),
    )
    const result = spawnSync('age', ['-d', '-i', join(dir, 'key.txt'), join(dir, 'file.age')])
    expect(result.status, String(result.stderr)).toBe(0)
    expect(Buffer.from(result.stdout)).toEqual(plaintext)
  })
})
