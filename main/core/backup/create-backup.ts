import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { headerPath, readHeader } from '../vault/vault-header'
import { schemaVersion } from '../db/migrate'
import { sealDatabaseKey } from './backup-key'
import { writeEncryptedArchive } from './encrypted-archive'
import {
  COUNTED_TABLES,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  type BackupProtection,
} from './backup-format'

export interface BackupOptions {
  appVersion: string
  databaseKey: Buffer
  /** Lower age scrypt cost for tests only; the app uses age's default. */
  scryptWorkFactor?: number
  signal?: AbortSignal
  /** 'snapshot' (length unknown: null), then 'encrypt' with the share written. */
  onProgress?: (stage: 'snapshot' | 'encrypt' | 'done', fraction: number | null) => void
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/** Rows per counted table; a snapshot from an older schema simply lacks the newer tables. */
export function countRows(db: VaultSession['db']): Record<string, number> {
  const present = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (row) => row.name,
    ),
  )
  return Object.fromEntries(
    COUNTED_TABLES.filter((table) => present.has(table)).map((table) => [
      table,
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  )
}

/**
 * Writes one .cvbackup file: age( tar( manifest.json, vault.json, casevault.db, backup-key.json ) ).
 * The DB part is a consistent snapshot (VACUUM INTO, one read transaction) that stays encrypted
 * with the vault's own key. Temporary files live in a private folder that is always removed.
 */
export async function createBackup(
  session: VaultSession,
  dataDir: string,
  outPath: string,
  protection: BackupProtection,
  options: BackupOptions,
): Promise<BackupManifest> {
  const work = await mkdtemp(join(dataDir, '.backup-'))
  try {
    options.onProgress?.('snapshot', null)
    const snapshot = join(work, 'casevault.db')
    // The online backup API cannot write a keyed target in this SQLite build ("incompatible source
    // and target databases"); VACUUM INTO reads one consistent snapshot and writes it encrypted
    // with the same key.
    session.db.prepare('VACUUM INTO ?').run(snapshot)
    const counts = countRows(session.db)
    const header = readHeader(dataDir)
    await copyFile(headerPath(dataDir), join(work, 'vault.json'))
    const keyFile = await sealDatabaseKey(
      options.databaseKey,
      protection,
      header.vaultId,
      header.kdf,
      session.clock(),
    )
    await writeFile(join(work, 'backup-key.json'), JSON.stringify(keyFile), { mode: 0o600 })
    if (options.signal?.aborted) throw new CaseVaultError('CANCELLED', 'The backup was cancelled.')

    const parts = await Promise.all(
      (['vault.json', 'casevault.db', 'backup-key.json'] as const).map(async (name) => ({
        name,
        sha256: await sha256File(join(work, name)),
        size: (await stat(join(work, name))).size,
      })),
    )
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: options.appVersion,
      schemaVersion: schemaVersion(session.db),
      createdAt: session.clock().toISOString(),
      createdBy: session.user.username,
      organisation: header.organisation,
      counts,
      parts,
    }
    await writeFile(join(work, 'manifest.json'), JSON.stringify(manifest, null, 2), { mode: 0o600 })
    const total = parts.reduce((sum, part) => sum + part.size, 0) || 1
    options.onProgress?.('encrypt', 0)
    await writeEncryptedArchive(
      outPath,
      ['manifest.json', ...parts.map((part) => part.name)].map((name) => ({ name, path: join(work, name) })),
      protection,
      {
        ...(options.scryptWorkFactor ? { scryptWorkFactor: options.scryptWorkFactor } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onBytes: (written) => options.onProgress?.('encrypt', Math.min(1, written / total)),
      },
    )
    session.audit.append({
      actor: session.user.username,
      action: 'backup.created',
      details: {
        cases: counts.cases ?? 0,
        protection: 'passphrase' in protection ? 'passphrase' : 'recipients',
      },
    })
    options.onProgress?.('done', 1)
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
