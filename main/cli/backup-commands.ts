import { join, resolve } from 'node:path'
import { closeSync, openSync, statSync } from 'node:fs'
import { DATABASE_FILE } from '../core/vault/vault-header'
import { Vault } from '../core/vault/vault'
import { createBackup } from '../core/backup/create-backup'
import { verifyBackup } from '../core/backup/verify-backup'
import { restoreBackup } from '../core/backup/restore-backup'
import { assertStrongBackupPassphrase } from '../core/backup/passphrase-strength'
import { CaseVaultError } from '../core/errors'
import type { BackupCredentials, BackupManifest } from '../core/backup/backup-format'
import { outputFile, passphraseLine, required, type CliIo } from './io'
import { assertVaultOrEmptyFolder } from './vault-folder-input'

export interface BackupCommandOptions {
  data?: string | undefined
  user?: string | undefined
  out?: string | undefined
  file?: string | undefined
  'another-vault'?: boolean | undefined
}

function printCounts(io: CliIo, counts: Record<string, number>): void {
  for (const [table, count] of Object.entries(counts)) io.out(`${table}: ${count}`)
}

/** backup --data --user --out; stdin: user passphrase, then backup passphrase. */
export async function backupCommand(
  values: BackupCommandOptions,
  io: CliIo,
  appVersion: string,
): Promise<number> {
  const dataDir = resolve(required(values.data, 'data'))
  const out = outputFile(values.out, dataDir)
  const username = required(values.user, 'user')
  const vault = new Vault({ dataDir })
  const session = await vault.unlock(username, await passphraseLine(io, 0, 'user passphrase'))
  const databaseKey = vault.databaseKeyCopy()
  try {
    // As in the app (contract/backup.ts): a backup holds every record, so only an admin makes one
    // by hand. (An automatic backup goes to the folder and key an admin set up, for anyone's lock.)
    if (session.user.role !== 'admin') {
      // The account's own name: `--user BILAL` signs in "bilal", and an audit filtered by the
      // account must find the attempt.
      session.audit.append({
        actor: session.user.username,
        action: 'access.denied',
        details: { action: 'backup' },
      })
      throw new CaseVaultError('FORBIDDEN', 'Only an administrator can make a backup.')
    }
    const backupPassphrase = await passphraseLine(io, 1, 'backup passphrase')
    assertStrongBackupPassphrase(backupPassphrase, [username, vault.organisation() ?? ''])
    const manifest: BackupManifest = await createBackup(
      session,
      dataDir,
      out,
      { passphrase: backupPassphrase },
      {
        appVersion,
        databaseKey,
      },
    )
    // The dashboard's "last backup" counts this one too, as it does a backup made in the app.
    session.settings.recordBackup(manifest.createdAt)
    printCounts(io, manifest.counts)
    io.out(`written: ${out}`)
    return 0
  } finally {
    databaseKey.fill(0)
    vault.lock('user')
  }
}

const PRIVATE_KEY_PREFIX = 'AGE-SECRET-KEY-1'

/**
 * The secret on the first line of standard input: the organisation's private key when it starts
 * AGE-SECRET-KEY-1, else the backup passphrase. Every automatic backup is made to public keys, so
 * a command line that took only a passphrase could neither check nor restore one after a dead
 * laptop.
 */
async function backupSecretLine(io: CliIo): Promise<BackupCredentials> {
  const line = await passphraseLine(io, 0, 'backup passphrase or private key')
  const key = line.trim() // a key pasted from a file or an e-mail may carry spaces; it has none
  return key.startsWith(PRIVATE_KEY_PREFIX) ? { identity: key } : { passphrase: line }
}

/**
 * --file is an existing file: checked before the secret is read. A missing one fails with a plain
 * message (it read the whole file to find out, and refused any backup over 2 GiB); a folder is
 * named as such: Linux opens a folder for reading, the read then failed with EISDIR, and a good
 * backup was called damaged.
 */
function assertBackupFile(file: string): void {
  closeSync(openSync(file, 'r'))
  if (!statSync(file).isFile())
    throw new Error(`--file is a folder or device: name the backup file itself (${file})`)
}

/**
 * verify-backup --file; stdin: backup passphrase or private key. Prints `table: count` lines,
 * then ok.
 */
export async function verifyBackupCommand(values: BackupCommandOptions, io: CliIo): Promise<number> {
  const file = resolve(required(values.file, 'file'))
  assertBackupFile(file)
  const verified = await verifyBackup(file, await backupSecretLine(io))
  printCounts(io, verified.counts)
  io.out('ok')
  return 0
}

/** The backup is taken while the app runs: its own writes may land a moment after. */
const NEWER_SLACK_MS = 60_000

/** When the vault's database (or its write-ahead log) was last written, or null without one. */
function lastChanged(dataDir: string): Date | null {
  const times = ['', '-wal'].flatMap((suffix) => {
    try {
      return [statSync(join(dataDir, DATABASE_FILE + suffix)).mtimeMs]
    } catch {
      return []
    }
  })
  return times.length > 0 ? new Date(Math.max(...times)) : null
}

/**
 * restore --data --file [--another-vault]; stdin: backup passphrase or private key. The previous
 * vault is kept as a dated rollback copy. A backup of another vault than the one in --data is
 * refused (OTHER_VAULT) unless --another-vault says that is meant, as the Backup screen asks.
 */
export async function restoreCommand(values: BackupCommandOptions, io: CliIo): Promise<number> {
  const dataDir = resolve(required(values.data, 'data'))
  const file = resolve(required(values.file, 'file'))
  assertVaultOrEmptyFolder(dataDir, "the vault's folder, or a new or empty one")
  assertBackupFile(file)
  const restored = await restoreBackup(dataDir, file, await backupSecretLine(io), {
    allowAnotherVault: values['another-vault'] === true,
  })
  printCounts(io, restored.counts)
  if (restored.rollbackDir) {
    io.out(`previous vault kept in: ${restored.rollbackDir}`)
    const changed = lastChanged(restored.rollbackDir)
    // The app asks before it restores over newer work; the command line cannot (it reads no live
    // vault without signing in), so it says afterwards where that work is.
    if (changed && changed.getTime() > Date.parse(restored.manifest.createdAt) + NEWER_SLACK_MS)
      io.out(
        `note: the previous vault was written at ${changed.toISOString()}, after this backup was made ` +
          `(${restored.manifest.createdAt}): what was done since (even a sign-in is logged) is only in the rollback copy`,
      )
  }
  io.out('restored: unlock with the passphrases (or recovery key) that were valid when the backup was made')
  return 0
}

export function isMissingFile(error: unknown): CaseVaultError | null {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? new CaseVaultError('NOT_FOUND', 'file not found')
    : null
}
