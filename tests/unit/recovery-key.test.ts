import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { formatRecoveryKey, parseRecoveryKey } from '../../main/core/vault/recovery-key'
import { CaseVaultError } from '../../main/core/errors'
import { ADMIN, createdVault } from './support/temp-vault'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof CaseVaultError ? error.code : Promise.reject(error)),
  )
}

describe('recovery key format', () => {
  it('round-trips any key and accepts spaces, upper case and missing dashes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const key = Buffer.from(bytes)
        const printed = formatRecoveryKey(key)
        expect(printed.split('-')).toHaveLength(17)
        expect(parseRecoveryKey(printed).equals(key)).toBe(true)
        expect(parseRecoveryKey(printed.toUpperCase().replaceAll('-', ' ')).equals(key)).toBe(true)
      }),
    )
  })

  it('detects every single-digit typo through the checksum group', () => {
    const printed = formatRecoveryKey(randomBytes(32))
    const digits = printed.replaceAll('-', '')
    for (let position = 0; position < 64; position += 1) {
      const original = digits[position]!
      const typo = original === 'a' ? 'b' : 'a'
      const mistyped = digits.slice(0, position) + typo + digits.slice(position + 1)
      expect(() => parseRecoveryKey(mistyped)).toThrow(/typo/)
    }
  })

  it('rejects malformed keys with BAD_RECOVERY_KEY', () => {
    for (const typed of [
      '',
      'hello',
      '1234-5678',
      'z'.repeat(68),
      formatRecoveryKey(randomBytes(32)) + '-0000',
    ]) {
      expect(() => parseRecoveryKey(typed)).toThrow(expect.objectContaining({ code: 'BAD_RECOVERY_KEY' }))
    }
  })
})

describe('unlocking with the recovery key', () => {
  it('unlocks and sets a new passphrase for a user who forgot theirs', async () => {
    const { vault, recoveryKey } = await createdVault()
    vault.lock('user')
    const session = await vault.unlockWithRecoveryKey(recoveryKey, 'amara', 'my new long passphrase')
    expect(session.audit.list(1)[0]?.action).toBe('session.unlocked_with_recovery_key')
    vault.lock('user')
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('WRONG_PASSPHRASE')
    expect(await codeOf(vault.unlock('amara', 'my new long passphrase'))).toBe('OK')
  })

  it('refuses a well-formed key of another vault with BAD_RECOVERY_KEY', async () => {
    const { vault } = await createdVault()
    const other = await createdVault()
    vault.lock('user')
    expect(
      await codeOf(vault.unlockWithRecoveryKey(other.recoveryKey, 'amara', 'my new long passphrase')),
    ).toBe('BAD_RECOVERY_KEY')
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('OK')
  })

  it('rebuilds a lost vault.json from the recovery key', async () => {
    const { vault, recoveryKey } = await createdVault()
    vault.lock('user')
    rmSync(join(vault.dataDir, 'vault.json'))
    expect(await codeOf(vault.unlock('amara', ADMIN.passphrase))).toBe('NO_VAULT')
    await vault.unlockWithRecoveryKey(recoveryKey, 'amara', 'rebuilt header passphrase')
    expect(vault.organisation()).toBe(ADMIN.organisation)
    vault.lock('user')
    expect(await codeOf(vault.unlock('amara', 'rebuilt header passphrase'))).toBe('OK')
  })

  it('works when vault.json is damaged beyond parsing', async () => {
    const { vault, recoveryKey } = await createdVault()
    vault.lock('user')
    writeFileSync(join(vault.dataDir, 'vault.json'), '{"format":')
    expect(await codeOf(vault.unlockWithRecoveryKey(recoveryKey, 'amara', 'after the damage 123'))).toBe('OK')
  })
})
