// Unwrapping a passphrase's key slot: what AES-GCM deciphers is either the key the caller gets
// (and wipes on lock) or wiped at once; a wrong passphrase leaves nothing deciphered behind.
import { describe, expect, it, vi } from 'vitest'
import { createDecipheriv, randomBytes } from 'node:crypto'
import { unwrapDatabaseKey, wrapDatabaseKey } from '../../main/core/vault/key-slot'
import { TEST_KDF } from './support/temp-vault'

const PASSPHRASE = 'quiet lantern over seven rivers'

/** Records every Buffer that AES-GCM deciphering hands out while `run` runs. */
async function decipheredDuring<T>(run: () => Promise<T>): Promise<{ value: T; outputs: Buffer[] }> {
  const decipher = Object.getPrototypeOf(
    createDecipheriv('aes-256-gcm', randomBytes(32), randomBytes(12)),
  ) as {
    update: (...args: unknown[]) => Buffer
  }
  const update = decipher.update
  const outputs: Buffer[] = []
  const spy = vi.spyOn(decipher, 'update').mockImplementation(function (this: unknown, ...args: unknown[]) {
    const output = update.apply(this, args)
    outputs.push(output)
    return output
  })
  try {
    return { value: await run(), outputs }
  } finally {
    spy.mockRestore()
  }
}

describe('unwrapping a key slot', () => {
  it('hands out the key itself, and after a wrong passphrase leaves nothing deciphered', async () => {
    const key = randomBytes(32)
    const slot = await wrapDatabaseKey('vault-id', 'amara', PASSPHRASE, key, TEST_KDF, new Date())

    const right = await decipheredDuring(() => unwrapDatabaseKey('vault-id', slot, PASSPHRASE))
    expect(right.value?.equals(key)).toBe(true)
    // Every deciphered Buffer is either the key returned or wiped.
    for (const output of right.outputs)
      expect(output === right.value || output.every((b) => b === 0)).toBe(true)

    const wrong = await decipheredDuring(() => unwrapDatabaseKey('vault-id', slot, 'not the passphrase'))
    expect(wrong.value).toBeNull()
    expect(wrong.outputs.length).toBeGreaterThan(0)
    for (const output of wrong.outputs) expect(output.every((b) => b === 0)).toBe(true)
  })
})
