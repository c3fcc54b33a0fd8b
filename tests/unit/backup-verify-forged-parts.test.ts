// A backup whose parts were damaged by a broken writer or crafted by hand, each part's SHA-256
// in the manifest made to match: verify must still refuse it with a coded error, never a raw
// SyntaxError or SQLite error ("Something went wrong"). Found by a reviewing helper (each failed
// before), with the command line's verify of a backup over 2 GiB.
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './support/temp-vault'
import { BACKUP_PASSPHRASE, runCommand } from './support/cli-run'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { extractEncryptedArchive, writeEncryptedArchive } from '../../main/core/backup/encrypted-archive'
import { PART_NAMES } from '../../main/core/backup/backup-format'
import { CaseVaultError } from '../../main/core/errors'
import { PASSPHRASE, vaultAndBackup } from './support/backup-attack-fixtures'

type Manifest = { parts: { name: string; sha256: string; size: number }[] }

/** A real backup, unpacked, changed by `change` (which may replace parts and edit the manifest), packed again. */
async function forged(
  change: (parts: { replace(name: string, bytes: Buffer): void; manifest: Manifest }) => void,
) {
  const { out } = await vaultAndBackup()
  const unpacked = tempDir()
  await extractEncryptedArchive(out, unpacked, { passphrase: PASSPHRASE }, PART_NAMES)
  const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as Manifest
  change({
    manifest,
    replace(name, bytes) {
      writeFileSync(join(unpacked, name), bytes)
      const part = manifest.parts.find((entry) => entry.name === name)!
      part.sha256 = createHash('sha256').update(bytes).digest('hex')
      part.size = bytes.length
    },
  })
  writeFileSync(join(unpacked, 'manifest.json'), JSON.stringify(manifest))
  const file = join(tempDir(), 'forged.cvbackup')
  await writeEncryptedArchive(
    file,
    PART_NAMES.map((name) => ({ name, path: join(unpacked, name) })),
    { passphrase: PASSPHRASE },
    { scryptWorkFactor: 10, madeAt: new Date() },
  )
  return file
}

const codeOf = (file: string) =>
  verifyBackup(file, { passphrase: PASSPHRASE }).then(
    () => 'OK',
    (error: unknown) => (error instanceof CaseVaultError ? error.code : `raw ${String(error)}`),
  )

describe('verifying a backup with forged parts', () => {
  it('a key part that is not JSON: damaged', async () => {
    const file = await forged((parts) =>
      parts.replace('backup-key.json', Buffer.from('{"kind":"passphrase-slot","vaultId":"')),
    )
    expect(await codeOf(file)).toBe('BACKUP_DAMAGED')
  })

  it('an empty database part (it opens as a new, empty database): damaged', async () => {
    const file = await forged((parts) => parts.replace('casevault.db', Buffer.alloc(0)))
    expect(await codeOf(file)).toBe('BACKUP_DAMAGED')
  })

  it('a manifest that lists one part twice and another not at all: damaged', async () => {
    const file = await forged(({ manifest }) => {
      const header = manifest.parts.find((part) => part.name === 'vault.json')!
      manifest.parts = manifest.parts.map((part) => (part.name === 'backup-key.json' ? header : part))
    })
    expect(await codeOf(file)).toBe('BACKUP_DAMAGED')
  })
})

describe('verify-backup from the command line', () => {
  it('checks a file over 2 GiB rather than refusing it for its size (it was read whole to see it exists)', async () => {
    // A sparse 2.2 GiB file that is no backup at all: damaged, like any other.
    const file = join(tempDir(), 'CaseVault-Big-Shelter-2026-11-27-0900.cvbackup')
    const fd = openSync(file, 'w')
    writeSync(fd, Buffer.from('age-encryption.org/v1\n'))
    ftruncateSync(fd, Math.round(2.2 * 1024 ** 3))
    closeSync(fd)
    const result = await runCommand(['verify-backup', '--file', file], `${BACKUP_PASSPHRASE}\n`)
    expect(result).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: BACKUP_DAMAGED/)] })
  })
})
