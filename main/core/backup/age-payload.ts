// age v1 with the payload in Node's native ChaCha20-Poly1305. age-encryption (typage) makes and
// checks the header — recipient stanzas, scrypt, X25519, the header MAC — but encrypts the payload
// in JavaScript at ~150 MB/s; OpenSSL does the same STREAM construction at well over 1 GB/s, which
// is what a 600 MB vault's backup needs. The payload format (age-encryption.org/v1, "Payload"):
// a 16-byte nonce, key = HKDF-SHA256(file key, salt = nonce, info = "payload"), then 64 KiB
// chunks, each ChaCha20-Poly1305 with nonce = 11-byte big-endian counter ‖ last-chunk flag.
// Interoperability is tested both ways against typage and against the age command-line tool.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { Decrypter, Encrypter, type Recipient } from 'age-encryption'
import { NativeScryptIdentity, NativeScryptRecipient } from './age-scrypt'

const CHUNK = 64 * 1024
const TAG = 16
const NONCE = 16
/** Far above any header CaseVault writes (a few stanzas); a larger one is not a CaseVault file. */
const MAX_HEADER_BYTES = 64 * 1024
/** age's own default passphrase work factor (scrypt N = 2^18). */
const DEFAULT_SCRYPT_LOG_N = 18

export type AgeProtection = { passphrase: string } | { recipients: string[] }
export type AgeCredentials = { passphrase: string } | { identity: string }

/** Thrown for a file that is not age, is truncated or was changed: the caller reports it as damaged. */
export class AgePayloadError extends Error {}

function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32))
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12)
  nonce.writeUIntBE(counter, 5, 6) // the 11-byte counter's low 48 bits: 16 EiB of chunks
  nonce[11] = last ? 1 : 0
  return nonce
}

/**
 * The age header for this protection, and the file key it wraps. typage only shows the file key
 * to a Recipient: the passphrase recipient (ours, on native scrypt) keeps a copy, and for public
 * keys a zero-stanza recipient records it.
 */
export async function makeHeader(
  protection: AgeProtection,
  scryptWorkFactor = DEFAULT_SCRYPT_LOG_N,
): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const encrypter = new Encrypter()
  const recorder: Recipient & { fileKey: Uint8Array | null } =
    'passphrase' in protection
      ? new NativeScryptRecipient(protection.passphrase, scryptWorkFactor)
      : {
          fileKey: null,
          wrapFileKey(key) {
            this.fileKey = Uint8Array.from(key)
            return []
          },
        }
  if ('recipients' in protection)
    for (const recipient of protection.recipients) encrypter.addRecipient(recipient)
  encrypter.addRecipient(recorder)
  // An empty payload is the 16-byte nonce and one 16-byte tag: the rest is the header.
  const empty = await encrypter.encrypt(new Uint8Array(0))
  const recorded = recorder.fileKey
  if (!recorded) throw new Error('age did not hand over the file key')
  return { header: empty.subarray(0, empty.length - NONCE - TAG), fileKey: recorded }
}

/** One sealed chunk as two pieces, ciphertext and tag: no copy to join them. */
function seal(key: Buffer, counter: number, chunk: Uint8Array, last: boolean): [Buffer, Buffer] {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG })
  const body = cipher.update(chunk)
  cipher.final()
  return [body, cipher.getAuthTag()]
}

/** plaintext → the complete age file (header, nonce, sealed chunks), streaming. */
export async function* encryptAge(
  plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  protection: AgeProtection,
  scryptWorkFactor?: number,
): AsyncGenerator<Uint8Array> {
  const { header, fileKey } = await makeHeader(protection, scryptWorkFactor)
  const nonce = randomBytes(NONCE)
  const key = payloadKey(fileKey, nonce)
  fileKey.fill(0)
  try {
    yield header
    yield nonce
    let counter = 0
    // A full chunk is held back until more data (or the end) shows whether it is the last one.
    // Whole chunks are sealed straight from the input's memory; only a chunk that straddles two
    // input pieces is gathered into a buffer first.
    let held: Uint8Array | null = null
    let buffer = Buffer.allocUnsafe(CHUNK)
    let used = 0
    const hold = function* (chunk: Uint8Array) {
      if (held) yield* seal(key, counter++, held, false)
      held = chunk
    }
    for await (const piece of plaintext) {
      let offset = 0
      while (offset < piece.length) {
        if (used === 0 && piece.length - offset >= CHUNK) {
          yield* hold(piece.subarray(offset, offset + CHUNK))
          offset += CHUNK
          continue
        }
        const n = Math.min(CHUNK - used, piece.length - offset)
        buffer.set(piece.subarray(offset, offset + n), used)
        used += n
        offset += n
        if (used === CHUNK) {
          yield* hold(buffer)
          buffer = Buffer.allocUnsafe(CHUNK)
          used = 0
        }
      }
    }
    if (used > 0) {
      if (held) yield* seal(key, counter++, held, false)
      yield* seal(key, counter, buffer.subarray(0, used), true)
    } else {
      yield* seal(key, counter, held ?? Buffer.alloc(0), true)
    }
  } finally {
    key.fill(0)
  }
}

/** Reads exactly the header (up to and including the "--- <mac>" line) from the front of the file. */
async function readHeader(source: AsyncIterator<Uint8Array>): Promise<{ header: Buffer; rest: Buffer }> {
  let seen = Buffer.alloc(0)
  for (;;) {
    const macLine = seen.indexOf('\n--- ')
    const end = macLine >= 0 ? seen.indexOf(0x0a, macLine + 1) : -1
    if (end >= 0) return { header: seen.subarray(0, end + 1), rest: seen.subarray(end + 1) }
    if (seen.length > MAX_HEADER_BYTES) throw new AgePayloadError('no age header in the first 64 KiB')
    const next = await source.next()
    if (next.done) throw new AgePayloadError('the file ends inside the age header')
    seen = Buffer.concat([seen, next.value])
  }
}

/**
 * age file → plaintext, streaming. Every chunk is authenticated before it is released, but a file
 * cut at a chunk boundary is only detected at its end: the caller must not act on what it got
 * until this generator has finished without an error. A wrong passphrase or key throws typage's
 * own error from the header; everything after that throws AgePayloadError.
 */
export async function* decryptAge(
  ciphertext: AsyncIterable<Uint8Array>,
  credentials: AgeCredentials,
): AsyncGenerator<Uint8Array> {
  const source = ciphertext[Symbol.asyncIterator]()
  const { header, rest } = await readHeader(source)
  const decrypter = new Decrypter()
  if ('passphrase' in credentials) decrypter.addIdentity(new NativeScryptIdentity(credentials.passphrase))
  else decrypter.addIdentity(credentials.identity)
  const fileKey = await decrypter.decryptHeader(header)

  let pending = rest
  while (pending.length < NONCE) {
    const next = await source.next()
    if (next.done) throw new AgePayloadError('the file ends before the payload')
    pending = Buffer.concat([pending, next.value])
  }
  const key = payloadKey(fileKey, pending.subarray(0, NONCE))
  fileKey.fill(0)
  const open = (counter: number, sealed: Buffer, last: boolean): Buffer => {
    if (sealed.length < TAG) throw new AgePayloadError('a chunk is shorter than its tag')
    const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), {
      authTagLength: TAG,
    })
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG))
    const body = decipher.update(sealed.subarray(0, sealed.length - TAG))
    try {
      decipher.final()
    } catch {
      throw new AgePayloadError('a chunk failed authentication: the file was changed or cut short')
    }
    return body
  }

  try {
    const full = CHUNK + TAG
    let buffer = Buffer.allocUnsafe(full)
    let used = 0
    let counter = 0
    const take = (piece: Buffer) => {
      const n = Math.min(full - used, piece.length)
      piece.copy(buffer, used, 0, n)
      used += n
      return piece.subarray(n)
    }
    let piece = pending.subarray(NONCE)
    for (;;) {
      while (piece.length > 0) {
        // A whole chunk with more bytes after it is opened straight from the input's memory.
        if (used === 0 && piece.length > full) {
          yield open(counter++, piece.subarray(0, full), false)
          piece = piece.subarray(full)
          continue
        }
        // A full buffer is only known not to be the last chunk once more bytes follow it.
        if (used === full) {
          yield open(counter++, buffer, false)
          buffer = Buffer.allocUnsafe(full)
          used = 0
        }
        piece = take(piece)
      }
      const next = await source.next()
      if (next.done) break
      piece = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
    }
    const last = open(counter, buffer.subarray(0, used), true)
    if (last.length === 0 && counter > 0) throw new AgePayloadError('the last chunk is empty')
    yield last
  } finally {
    key.fill(0)
  }
}
