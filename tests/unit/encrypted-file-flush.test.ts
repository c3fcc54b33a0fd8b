// A large encrypted file (a backup, an export) is pushed to the disk while it is still being
// written, every 64 MiB, so the sync that ends the write has little left to do (a 640 MB backup's
// final sync alone took ~1.7 s). The file must still come out whole and decryptable.
import { describe, expect, it, vi } from 'vitest'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { writeEncryptedFile } from '../../main/core/backup/encrypted-archive'
import { decryptAge } from '../../main/core/backup/age-payload'
import { tempDir } from './support/temp-vault'

const MiB = 1024 * 1024

describe('writing a large encrypted file', () => {
  it('flushes to the disk along the way, and the file decrypts to what was written', async () => {
    const probe = await open(join(tempDir(), 'probe'), 'w')
    const fileHandle = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }
    await probe.close()
    const datasync = vi.spyOn(fileHandle, 'datasync')
    try {
      const identity = await generateX25519Identity()
      const file = join(tempDir(), 'large.age')
      const piece = Buffer.alloc(MiB, 7)
      const pieces = 200 // 200 MiB: at least two flushes on the way
      await writeEncryptedFile(
        file,
        Array.from({ length: pieces }, () => piece),
        {
          recipients: [await identityToRecipient(identity)],
        },
      )
      expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(2)
      let size = 0
      for await (const chunk of decryptAge(createReadStream(file), { identity })) {
        expect(chunk.every((byte) => byte === 7)).toBe(true)
        size += chunk.byteLength
      }
      expect(size).toBe(pieces * MiB)
    } finally {
      datasync.mockRestore()
    }
  })
})
