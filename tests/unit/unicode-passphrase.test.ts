// A passphrase with accents typed as one code point per letter (NFC) or as letter + combining
// accent (NFD) is the same passphrase to the person typing it. These tests fail if either form
// stops opening what the other locked, or if something locked before normalisation stops opening.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Decrypter } from 'age-encryption'
import { ADMIN, call, errorCode, testHost } from './support/temp-vault'
import { unwrapDatabaseKey, type KeySlot } from '../../main/core/vault/key-slot'
import { decryptAge, encryptAge } from '../../main/core/backup/age-payload'
import { collect, once } from './support/byte-streams'

// Vietnamese, where one letter may carry two marks: "Ngọc Hà các bản sao lưu".
const NFC = 'Ngo\u0323c Ha\u0300 ca\u0301c ba\u0309n sao lu\u031bu'.normalize('NFC')
const NFD = NFC.normalize('NFD')
const FIXTURES = join(__dirname, 'fixtures', 'unicode-passphrase')

describe('passphrases with accents, in either Unicode form', () => {
  it('the two forms differ as strings (else these tests prove nothing)', () => {
    expect(NFC).not.toBe(NFD)
    expect(NFC.length).toBeLessThan(NFD.length)
  })

  for (const [made, typed] of [
    ['NFD', 'NFC'],
    ['NFC', 'NFD'],
  ] as const) {
    it(`a vault made with the ${made} form unlocks with the ${typed} form`, async () => {
      const forms = { NFC, NFD }
      const { host } = testHost()
      await call(host, 'vault:create', { ...ADMIN, passphrase: forms[made] })
      await call(host, 'vault:lock')
      await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: forms[typed] })
      expect((await call<{ state: string }>(host, 'vault:status')).state).toBe('unlocked')
      await call(host, 'vault:lock')
      expect(await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: `${NFC}x` })).toBe(
        'WRONG_PASSPHRASE',
      )
    })
  }

  it('a key slot written before normalisation (NFD as typed) opens with the NFC form', async () => {
    // Written by the code before this change: the slot's key is derived from the NFD string.
    const slot = JSON.parse(readFileSync(join(FIXTURES, 'slot-nfd.json'), 'utf8')) as KeySlot
    expect(await unwrapDatabaseKey('legacy-vault', slot, NFC)).toEqual(Buffer.alloc(32, 7))
    expect(await unwrapDatabaseKey('legacy-vault', slot, NFD)).toEqual(Buffer.alloc(32, 7))
    expect(await unwrapDatabaseKey('legacy-vault', slot, `${NFC} `)).toBeNull()
  })

  it('a backup encrypted before normalisation (NFD as typed) decrypts with the NFC form', async () => {
    const file = readFileSync(join(FIXTURES, 'message-nfd.age'))
    const plain = await collect(decryptAge(once(file), { passphrase: NFC }))
    expect(plain.toString()).toBe('made before passphrases were normalised\n')
  })

  it('a new backup passphrase is derived from the NFC form, so the age tool opens it as a keyboard types it', async () => {
    const file = await collect(encryptAge([Buffer.from('hello')], { passphrase: NFD }, 10))
    // typage, like the age command line, does not normalise: only the NFC form opens it.
    const decrypter = new Decrypter()
    decrypter.addPassphrase(NFC)
    expect(Buffer.from(await decrypter.decrypt(file)).toString()).toBe('hello')
    expect((await collect(decryptAge(once(file), { passphrase: NFD }))).toString()).toBe('hello')
  })
})
