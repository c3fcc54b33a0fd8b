// Attacks on backup files that held up when a reviewing helper tried them (hostile archives and
// manifests, a mixed age file, the wrong file picked, file modes and scratch folders): kept so that
// they go on holding.
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption'
import { tempDir } from './support/temp-vault'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { restoreBackup } from '../../main/core/backup/restore-backup'
import { decryptAge } from '../../main/core/backup/age-payload'
import { NativeScryptRecipient } from '../../main/core/backup/age-scrypt'
import { extractEncryptedArchive, writeEncryptedArchive } from '../../main/core/backup/encrypted-archive'
import { PART_NAMES } from '../../main/core/backup/backup-format'

import {
  PASSPHRASE,
  codeOf,
  vaultAndBackup,
  forged,
  scratchFolders,
  liveBytes,
} from './support/backup-attack-fixtures'

describe('hostile archives and manifests (held up)', () => {
  it('refuses a part named ../vault.json and writes nothing outside the scratch folder', async () => {
    const { out } = await vaultAndBackup()
    const file = await forged(out, () => undefined, [
      'manifest.json',
      '../vault.json',
      'casevault.db',
      'backup-key.json',
    ])
    const before = scratchFolders()
    expect(await codeOf(verifyBackup(file, { passphrase: PASSPHRASE }))).toBe('BACKUP_DAMAGED')
    expect(existsSync(join('/dev/shm', 'vault.json'))).toBe(false)
    expect(existsSync(join(tmpdir(), 'vault.json'))).toBe(false)
    expect(scratchFolders()).toEqual(before)
  })

  it('refuses a part that appears twice in the archive', async () => {
    const { out } = await vaultAndBackup()
    const file = await forged(out, () => undefined, [...PART_NAMES, 'vault.json'])
    expect(await codeOf(verifyBackup(file, { passphrase: PASSPHRASE }))).toBe('BACKUP_DAMAGED')
  })

  it.each([
    ['a negative size', (m: { parts: Record<string, unknown>[] }) => void (m.parts[0]!.size = -1)],
    ['a count beyond any integer', (m: { counts: Record<string, unknown> }) => void (m.counts.cases = 1e300)],
    ['a negative count', (m: { counts: Record<string, unknown> }) => void (m.counts.cases = -1)],
    [
      'a part listed twice more',
      (m: { parts: Record<string, unknown>[] }) => void m.parts.push({ ...m.parts[0] }),
    ],
    ['a part named ../x', (m: { parts: Record<string, unknown>[] }) => void (m.parts[0]!.name = '../x')],
    ['a count that does not match', (m: { counts: Record<string, unknown> }) => void (m.counts.users = 7)],
  ])('refuses a manifest with %s', async (_what, edit) => {
    const { out } = await vaultAndBackup()
    const file = await forged(out, edit as never)
    expect(await codeOf(verifyBackup(file, { passphrase: PASSPHRASE }))).toBe('BACKUP_DAMAGED')
  })

  it('an age file with an X25519 recipient and a passphrase: refused either way, the live vault untouched', async () => {
    const { vault, out } = await vaultAndBackup()
    const chunks: Buffer[] = []
    for await (const chunk of decryptAge(createReadStream(out) as AsyncIterable<Uint8Array>, {
      passphrase: PASSPHRASE,
    }))
      chunks.push(Buffer.from(chunk))
    const identity = await generateX25519Identity()
    const encrypter = new Encrypter()
    encrypter.addRecipient(await identityToRecipient(identity))
    encrypter.addRecipient(new NativeScryptRecipient(PASSPHRASE, 10))
    const both = join(tempDir(), 'both.cvbackup')
    writeFileSync(both, await encrypter.encrypt(Buffer.concat(chunks)))
    expect(await codeOf(verifyBackup(both, { passphrase: PASSPHRASE }))).toBe('BACKUP_DAMAGED')
    expect(await codeOf(verifyBackup(both, { identity }))).toBe('WRONG_PASSPHRASE')
    vault.lock('user')
    const before = liveBytes(vault)
    expect(await codeOf(restoreBackup(vault.dataDir, both, { passphrase: PASSPHRASE }))).toBe(
      'BACKUP_DAMAGED',
    )
    expect(liveBytes(vault).equals(before)).toBe(true)
    expect(readdirSync(dirname(vault.dataDir)).filter((name) => name.includes('.restore-'))).toEqual([])
  })

  it('a database part that is not a database is refused; the live vault is untouched and no staging is left', async () => {
    const { vault, out } = await vaultAndBackup()
    const junk = Buffer.alloc(8192, 3)
    const unpacked = tempDir()
    await extractEncryptedArchive(out, unpacked, { passphrase: PASSPHRASE }, PART_NAMES)
    writeFileSync(join(unpacked, 'casevault.db'), junk)
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'))
    const part = manifest.parts.find((entry: { name: string }) => entry.name === 'casevault.db')
    part.sha256 = createHash('sha256').update(junk).digest('hex')
    part.size = junk.length
    writeFileSync(join(unpacked, 'manifest.json'), JSON.stringify(manifest))
    const file = join(tempDir(), 'junk.cvbackup')
    await writeEncryptedArchive(
      file,
      PART_NAMES.map((name) => ({ name, path: join(unpacked, name) })),
      { passphrase: PASSPHRASE },
      { scryptWorkFactor: 10, madeAt: new Date() },
    )
    vault.lock('user')
    const before = liveBytes(vault)
    expect(await codeOf(restoreBackup(vault.dataDir, file, { passphrase: PASSPHRASE }))).toBe('DB_NOT_OURS')
    expect(liveBytes(vault).equals(before)).toBe(true)
    expect(readdirSync(dirname(vault.dataDir)).filter((name) => name.includes('.restore-'))).toEqual([])
  })

  it('the live vault database picked by mistake as the backup is refused as damaged, and left as it was', async () => {
    const { vault } = await vaultAndBackup()
    vault.lock('user')
    const copy = join(tempDir(), 'casevault.db')
    writeFileSync(copy, liveBytes(vault))
    const before = liveBytes(vault)
    expect(await codeOf(restoreBackup(vault.dataDir, copy, { passphrase: PASSPHRASE }))).toBe(
      'BACKUP_DAMAGED',
    )
    expect(liveBytes(vault).equals(before)).toBe(true)
  })
})

describe('files on disk (held up)', () => {
  it('a backup is owner-only, with no temporary file beside it; verify leaves no scratch folder', async () => {
    const { out } = await vaultAndBackup()
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readdirSync(dirname(out))).toEqual([basename(out)])
    const before = scratchFolders()
    await verifyBackup(out, { passphrase: PASSPHRASE })
    expect(await codeOf(verifyBackup(out, { passphrase: 'not the passphrase at all' }))).toBe(
      'WRONG_PASSPHRASE',
    )
    expect(scratchFolders()).toEqual(before)
  })

  it('the restore stages in an owner-only folder, and the restored vault is owner-only', async () => {
    const { vault, out } = await vaultAndBackup()
    vault.lock('user')
    const modes: number[] = []
    await restoreBackup(
      vault.dataDir,
      out,
      { passphrase: PASSPHRASE },
      {
        inspectSnapshot: () => {
          const staging = readdirSync(dirname(vault.dataDir)).find((name) => name.includes('.restore-'))!
          const path = join(dirname(vault.dataDir), staging)
          modes.push(statSync(path).mode & 0o777, statSync(join(path, 'extracted')).mode & 0o777)
          for (const name of readdirSync(join(path, 'extracted')))
            modes.push(statSync(join(path, 'extracted', name)).mode & 0o777)
        },
      },
    )
    expect(modes.slice(0, 2)).toEqual([0o700, 0o700])
    for (const mode of modes.slice(2)) expect(mode).toBe(0o600)
    expect(statSync(vault.dataDir).mode & 0o777).toBe(0o700)
    for (const name of readdirSync(vault.dataDir))
      expect(statSync(join(vault.dataDir, name)).mode & 0o777).toBe(0o600)
    expect(readdirSync(dirname(vault.dataDir)).filter((name) => name.includes('.restore-'))).toEqual([])
  })
})
