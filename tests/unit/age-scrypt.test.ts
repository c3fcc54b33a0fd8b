import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { Decrypter, Encrypter, Stanza } from 'age-encryption'
import { decryptAge, encryptAge } from '../../main/core/backup/age-payload'
import { NativeScryptIdentity, NativeScryptRecipient } from '../../main/core/backup/age-scrypt'
import { collect, once } from './support/byte-streams'

const PASSPHRASE = 'copper violin drifts past nine quiet harbours'

describe('age passphrase stanza on native scrypt', () => {
  it('age-encryption opens what we encrypt to a passphrase', async () => {
    const plaintext = randomBytes(70_000)
    const file = await collect(encryptAge([plaintext], { passphrase: PASSPHRASE }, 10))
    const decrypter = new Decrypter()
    decrypter.addPassphrase(PASSPHRASE)
    expect(Buffer.from(await decrypter.decrypt(file))).toEqual(plaintext)
  })

  it('a wrong passphrase matches no identity (age’s own message)', async () => {
    const file = await collect(encryptAge([randomBytes(10)], { passphrase: PASSPHRASE }, 10))
    await expect(collect(decryptAge(once(file), { passphrase: 'not it at all' }))).rejects.toThrow(
      /no identity matched/,
    )
  })

  it('refuses a work factor above 2^20 before deriving anything', async () => {
    const stanza = new Stanza(['scrypt', 'AAAAAAAAAAAAAAAAAAAAAA', '21'], new Uint8Array(32))
    await expect(new NativeScryptIdentity(PASSPHRASE).unwrapFileKey([stanza])).rejects.toThrow(/too high/)
  })

  it('refuses a scrypt stanza beside another recipient, and malformed ones', async () => {
    const good = await new NativeScryptRecipient(PASSPHRASE, 10).wrapFileKey(randomBytes(16))
    const identity = new NativeScryptIdentity(PASSPHRASE)
    await expect(
      identity.unwrapFileKey([...good, new Stanza(['X25519', 'x'], new Uint8Array(32))]),
    ).rejects.toThrow(/not the only one/)
    const [stanza] = good
    for (const args of [
      ['scrypt', stanza!.args[1]!],
      ['scrypt', `${stanza!.args[1]}==`, '10'],
      ['scrypt', stanza!.args[1]!, '010'],
      ['scrypt', 'AAAA', '10'],
    ]) {
      await expect(identity.unwrapFileKey([new Stanza(args, stanza!.body)])).rejects.toThrow(/invalid scrypt/)
    }
  })

  it('unwraps the file key typage wrapped', async () => {
    const encrypter = new Encrypter()
    encrypter.setScryptWorkFactor(10)
    encrypter.setPassphrase(PASSPHRASE)
    const theirs = await encrypter.encrypt(new Uint8Array(0))
    const header = theirs.subarray(0, theirs.length - 32)
    const decrypter = new Decrypter()
    decrypter.addIdentity(new NativeScryptIdentity(PASSPHRASE))
    expect((await decrypter.decryptHeader(header)).length).toBe(16)
  })
})
