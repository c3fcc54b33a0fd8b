// age's passphrase stanza (age-encryption.org/v1/scrypt) on Node's native scrypt. typage's own
// runs scrypt in JavaScript on the main thread (~0.8 s at age's default 2^18, during which main
// answers nothing); Node's runs in the thread pool, faster. The stanza is the one age specifies:
// `-> scrypt <base64 salt> <log2 N>`, body = ChaCha20-Poly1305 with a zero nonce of the 16-byte
// file key under scrypt(passphrase, "age-encryption.org/v1/scrypt" ‖ salt, N, r = 8, p = 1).
// The same checks as typage's identity (scrypt alone in the header, canonical salt, work factor
// at most 2^20). Tested against typage both ways and against the age command-line tool.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { Stanza, type Identity, type Recipient } from 'age-encryption'
import { canonicalPassphrase, passphraseForms } from '../passphrase-forms'

const LABEL = 'age-encryption.org/v1/scrypt'
const MAX_LOG_N = 20
const ZERO_NONCE = Buffer.alloc(12)

const base64NoPad = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '')

function deriveKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const N = 2 ** logN
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase,
      Buffer.concat([Buffer.from(LABEL), salt]),
      32,
      { N, r: 8, p: 1, maxmem: 128 * 8 * N + 16 * 1024 * 1024 }, // scrypt needs 128·r·N bytes
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
}

/** Wraps the file key to a passphrase, and keeps a copy of the file key for the payload. */
export class NativeScryptRecipient implements Recipient {
  fileKey: Uint8Array | null = null

  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    this.fileKey = Uint8Array.from(fileKey)
    const salt = randomBytes(16)
    const key = await deriveKey(canonicalPassphrase(this.passphrase), salt, this.logN)
    try {
      const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 })
      const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()])
      return [new Stanza(['scrypt', base64NoPad(salt), String(this.logN)], body)]
    } finally {
      key.fill(0)
    }
  }
}

/** The file key sealed in a scrypt stanza's body, or null when `key` does not open it (wiped here). */
function openStanza(body: Uint8Array, key: Buffer): Uint8Array | null {
  try {
    const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 })
    decipher.setAuthTag(body.subarray(16))
    const fileKey = decipher.update(body.subarray(0, 16))
    decipher.final()
    return fileKey
  } catch {
    return null
  } finally {
    key.fill(0)
  }
}

/** Unwraps a passphrase-encrypted file key; null (age: "no identity matched") for a wrong passphrase. */
export class NativeScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'scrypt') continue
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header')
      const [, encodedSalt = '', workFactor = ''] = stanza.args
      const salt = Buffer.from(encodedSalt, 'base64')
      if (
        stanza.args.length !== 3 ||
        !/^[1-9][0-9]*$/.test(workFactor) ||
        salt.length !== 16 ||
        base64NoPad(salt) !== encodedSalt ||
        stanza.body.length !== 32
      ) {
        throw new Error('invalid scrypt stanza')
      }
      const logN = Number(workFactor)
      if (logN > MAX_LOG_N) throw new Error('scrypt work factor is too high')
      // Every Unicode form of the passphrase (passphrase-forms.ts): a backup made before new
      // passphrases were normalised, or by the age tool, holds the form that was typed.
      for (const form of passphraseForms(this.passphrase)) {
        const fileKey = openStanza(stanza.body, await deriveKey(form, salt, logN))
        if (fileKey) return fileKey
      }
      return null
    }
    return null
  }
}
