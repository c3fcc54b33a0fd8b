import { describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { ADMIN, createdVault, tempDir } from './support/temp-vault'
import { createBackup } from '../../main/core/backup/create-backup'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { restoreBackup } from '../../main/core/backup/restore-backup'
import { writeEncryptedArchive } from '../../main/core/backup/encrypted-archive'
import { CaseVaultError } from '../../main/core/errors'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'
import type { Vault } from '../../main/core/vault/vault'
import type { BackupCredentials, BackupProtection } from '../../main/core/backup/backup-format'

const BACKUP_PASSPHRASE = 'orange kettle marching under seven lanterns'
// age's scrypt at 2^10 keeps tests fast; the app uses age's default (2^18).
const FAST = { appVersion: 'test', scryptWorkFactor: 10 }

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof CaseVaultError ? error.code : Promise.reject(error)),
  )
}

async function vaultWithData() {
  // A folder of its own inside a temp folder: restore puts rollback copies beside the data folder.
  const created = await createdVault({ dataDir: join(tempDir(), 'data') })
  const session = created.vault.session()!
  session.db.transaction(() => {
    for (let i = 0; i < 50; i += 1)
      session.users.insert(
        { username: `staff${i}`, displayName: `Staff ${i}`, role: 'caseworker' },
        '2026-01-01',
      )
  })()
  return created
}

async function backupOf(vault: Vault, protection: BackupProtection = { passphrase: BACKUP_PASSPHRASE }) {
  const out = join(tempDir(), 'test.cvbackup')
  const key = vault.databaseKeyCopy()
  try {
    const manifest = await createBackup(vault.session()!, vault.dataDir, out, protection, {
      ...FAST,
      databaseKey: key,
    })
    return { out, manifest }
  } finally {
    key.fill(0)
  }
}

const withPassphrase: BackupCredentials = { passphrase: BACKUP_PASSPHRASE }

describe('backup and verify', () => {
  it('writes one encrypted file with a manifest of counts and hashes, and verifies it', async () => {
    const { vault } = await vaultWithData()
    const { out, manifest } = await backupOf(vault)
    expect(manifest.counts.users).toBe(51)
    expect(manifest.parts.map((part) => part.name)).toEqual(['vault.json', 'casevault.db', 'backup-key.json'])
    expect(readFileSync(out).subarray(0, 21).toString()).toBe('age-encryption.org/v1')
    expect(readFileSync(out).includes(Buffer.from('Staff 7'))).toBe(false)
    const verified = await verifyBackup(out, withPassphrase)
    expect(verified.counts).toEqual(manifest.counts)
    expect(verified.auditRows).toBeGreaterThan(0)
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o077).toBe(0)
    expect(readdirSync(vault.dataDir).filter((name) => name.startsWith('.backup-'))).toEqual([])
  })

  it('encrypts to an X25519 recipient; only the matching identity opens it', async () => {
    const { vault } = await vaultWithData()
    const identity = await generateIdentity()
    const { out } = await backupOf(vault, { recipients: [await identityToRecipient(identity)] })
    expect((await verifyBackup(out, { identity })).counts.users).toBe(51)
    expect(await codeOf(verifyBackup(out, { identity: await generateIdentity() }))).toBe('WRONG_PASSPHRASE')
    expect(await codeOf(verifyBackup(out, withPassphrase))).toBe('WRONG_PASSPHRASE')
  })

  it('refuses a wrong passphrase', async () => {
    const { vault } = await vaultWithData()
    const { out } = await backupOf(vault)
    expect(await codeOf(verifyBackup(out, { passphrase: 'not the backup passphrase' }))).toBe(
      'WRONG_PASSPHRASE',
    )
  })

  it('refuses a truncated file', async () => {
    const { vault } = await vaultWithData()
    const { out } = await backupOf(vault)
    truncateSync(out, statSync(out).size - 100)
    expect(await codeOf(verifyBackup(out, withPassphrase))).toBe('BACKUP_DAMAGED')
  })

  it('refuses a file with one byte flipped in the middle', async () => {
    const { vault } = await vaultWithData()
    const { out } = await backupOf(vault)
    const bytes = readFileSync(out)
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01
    writeFileSync(out, bytes)
    expect(await codeOf(verifyBackup(out, withPassphrase))).toBe('BACKUP_DAMAGED')
  })

  it('refuses a file that is not a backup at all', async () => {
    const file = join(tempDir(), 'holiday.jpg.cvbackup')
    writeFileSync(file, Buffer.alloc(5000, 7))
    expect(await codeOf(verifyBackup(file, withPassphrase))).toBe('BACKUP_DAMAGED')
  })

  async function forgedArchive(
    edit: (manifest: Record<string, unknown>) => void,
    extra: { name: string; text: string }[] = [],
  ) {
    const { vault } = await vaultWithData()
    const { out } = await backupOf(vault)
    const unpacked = tempDir()
    const { extractEncryptedArchive } = await import('../../main/core/backup/encrypted-archive')
    await extractEncryptedArchive(out, unpacked, withPassphrase, [
      'manifest.json',
      'vault.json',
      'casevault.db',
      'backup-key.json',
    ])
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'))
    edit(manifest)
    writeFileSync(join(unpacked, 'manifest.json'), JSON.stringify(manifest))
    for (const file of extra) writeFileSync(join(unpacked, file.name), file.text)
    const forged = join(tempDir(), 'forged.cvbackup')
    const names = [
      'manifest.json',
      'vault.json',
      'casevault.db',
      'backup-key.json',
      ...extra.map((file) => file.name),
    ]
    await writeEncryptedArchive(
      forged,
      names.map((name) => ({ name, path: join(unpacked, name) })),
      { passphrase: BACKUP_PASSPHRASE },
      { scryptWorkFactor: 10, madeAt: new Date() },
    )
    return forged
  }

  it('refuses a manifest whose SHA-256 does not match a part', async () => {
    const forged = await forgedArchive((manifest) => {
      ;(manifest.parts as { sha256: string }[])[1]!.sha256 = 'a'.repeat(64)
    })
    expect(await codeOf(verifyBackup(forged, withPassphrase))).toBe('BACKUP_DAMAGED')
  })

  it('refuses a backup from a newer schema with SCHEMA_TOO_NEW', async () => {
    const forged = await forgedArchive((manifest) => {
      manifest.schemaVersion = 999
    })
    expect(await codeOf(verifyBackup(forged, withPassphrase))).toBe('SCHEMA_TOO_NEW')
  })

  it('refuses an archive with an unexpected extra file', async () => {
    const forged = await forgedArchive(() => undefined, [{ name: 'run-me.sh', text: 'rm -rf /' }])
    expect(await codeOf(verifyBackup(forged, withPassphrase))).toBe('BACKUP_DAMAGED')
  })
})

describe('restore', () => {
  it('swaps in the backup, keeps the old vault as a rollback copy, and unlocks with the passphrases of backup time', async () => {
    const { vault } = await vaultWithData()
    const { out } = await backupOf(vault)
    await vault.writeSlot('amara', 'a passphrase set after the backup')
    vault
      .session()!
      .users.insert({ username: 'late', displayName: 'Added after backup', role: 'analyst' }, '2026-02-02')
    vault.lock('user')
    const restored = await restoreBackup(vault.dataDir, out, withPassphrase)
    expect(restored.rollbackDir).not.toBeNull()
    expect(existsSync(join(restored.rollbackDir!, 'casevault.db'))).toBe(true)
    // The vault, and the restore's note for the first unlock (restore-marker.ts).
    expect(readdirSync(vault.dataDir).sort()).toEqual(['casevault.db', 'restored-from.json', 'vault.json'])
    const session = await vault.unlock('amara', ADMIN.passphrase)
    expect(session.users.list()).toHaveLength(51)
    expect(session.users.findByUsername('late')).toBeUndefined()
  })

  it.each([
    ['a wrong passphrase', 'WRONG_PASSPHRASE', () => undefined, 'not it at all'],
    [
      'a truncated file',
      'BACKUP_DAMAGED',
      (file: string) => truncateSync(file, statSync(file).size - 50),
      BACKUP_PASSPHRASE,
    ],
  ])('leaves the live vault untouched after %s', async (_what, code, damage, passphrase) => {
    const { vault } = await vaultWithData()
    const { out } = await backupOf(vault)
    vault.lock('user')
    damage(out)
    const before = readFileSync(join(vault.dataDir, 'casevault.db'))
    expect(await codeOf(restoreBackup(vault.dataDir, out, { passphrase }))).toBe(code)
    expect(readFileSync(join(vault.dataDir, 'casevault.db')).equals(before)).toBe(true)
    // Only this vault's leftovers: other tests restore beside theirs in the same temp folder.
    const parent = join(vault.dataDir, '..')
    const own = basename(vault.dataDir)
    expect(
      readdirSync(parent).filter(
        (name) => name.startsWith(`.${own}.restore-`) || name.startsWith(`${own}.rollback-`),
      ),
    ).toEqual([])
  })
})

const ageInstalled = spawnSync('age', ['--version']).status === 0
const scriptInstalled = spawnSync('script', ['--version']).status === 0

describe('the standard age tool', () => {
  it.skipIf(!ageInstalled || !scriptInstalled)(
    '`age -d` decrypts a passphrase backup to a tar whose database opens with the recovery key',
    async () => {
      const created = await vaultWithData()
      const { out } = await backupOf(created.vault)
      const dir = tempDir()
      // age reads passphrases only from a terminal: `script` gives it one and types the passphrase.
      const result = spawnSync(
        'script',
        ['-qec', `age -d -o ${join(dir, 'backup.tar')} ${out}`, '/dev/null'],
        {
          input: `${BACKUP_PASSPHRASE}\n`,
          encoding: 'utf8',
          timeout: 60_000,
        },
      )
      expect(result.status, result.stdout + result.stderr).toBe(0)
      execFileSync('tar', ['-xf', join(dir, 'backup.tar'), '-C', dir])
      expect(readdirSync(dir).sort()).toEqual([
        'backup-key.json',
        'backup.tar',
        'casevault.db',
        'manifest.json',
        'vault.json',
      ])
      const Database = (await import('better-sqlite3-multiple-ciphers')).default
      const db = new Database(join(dir, 'casevault.db'), { fileMustExist: true })
      db.pragma(`cipher='sqlcipher'`)
      db.pragma('legacy=4')
      db.pragma(`key="x'${parseRecoveryKey(created.recoveryKey).toString('hex')}'"`)
      expect((db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(51)
      db.close()
    },
  )
  if (!ageInstalled)
    console.warn('age is not installed: the age interoperability test is skipped (.ci/run installs it)')
})
