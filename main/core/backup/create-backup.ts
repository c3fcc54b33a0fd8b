import { createHash } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { readFileSync } from 'node:fs'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { databasePath, headerPath, readHeader } from '../vault/vault-header'
import { schemaVersion } from '../db/migrate'
import { sealDatabaseKey } from './backup-key'
import { discardIfAborted } from '../write-private-file'
import { hashing, writeEncryptedArchive, type ArchivePart } from './encrypted-archive'
import { openLiveSnapshot } from './live-snapshot'
import {
  COUNTED_TABLES,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  type BackupProtection,
  type PartName,
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

/** The counted tables the database has, and of `also` those it has (only names it has are read). */
function countedTablesIn(db: VaultSession['db'], also: readonly string[] = []): string[] {
  const present = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (row) => row.name,
    ),
  )
  return [...new Set([...COUNTED_TABLES, ...also])].filter((table) => present.has(table))
}

const countOf = (db: VaultSession['db'], table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as { n: number }).n

/**
 * Rows per counted table (a snapshot from an older schema simply lacks the newer tables), a table
 * at a time with a turn of the event loop between tables: a backup counts while its file streams
 * out (~0.4 s of counting at 100k cases that used to come first), a verify while its integrity
 * check runs on a worker.
 */
export async function countRowsInTurns(
  db: VaultSession['db'],
  also: readonly string[] = [],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of countedTablesIn(db, also)) {
    await nextTurn()
    counts[table] = countOf(db, table)
  }
  return counts
}

type ManifestPart = Exclude<PartName, 'manifest.json'>

function bytesPart<Name extends PartName>(name: Name, bytes: Buffer) {
  return {
    name,
    size: bytes.length,
    data: () => [bytes],
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
}

/**
 * Writes one .cvbackup file: age( tar( vault.json, casevault.db, backup-key.json, manifest.json ) ).
 * The DB part is the live file read under a consistent snapshot (live-snapshot.ts), still
 * encrypted with the vault's own key, and hashed as it streams; the manifest comes last so it can
 * hold that hash. Nothing is written to disk but the backup file itself.
 */
export async function createBackup(
  session: VaultSession,
  dataDir: string,
  outPath: string,
  protection: BackupProtection,
  options: BackupOptions,
): Promise<BackupManifest> {
  options.onProgress?.('snapshot', null)
  const header = readHeader(dataDir)
  // vault.json is read as the snapshot's read transaction starts, in the same synchronous stretch:
  // read after the key sealing (Argon2, half a second or more), it held an account deactivated
  // meanwhile as emptied while the snapshot's users table had it active, and after a restore that
  // account could neither sign in nor be reset.
  const sameMoment: { vaultJson?: Buffer } = {}
  const snapshot = await openLiveSnapshot(session.db, databasePath(dataDir), options.databaseKey, {
    ...(options.signal ? { signal: options.signal } : {}),
    atSnapshot: () => {
      sameMoment.vaultJson = readFileSync(headerPath(dataDir))
    },
  })
  try {
    const schema = schemaVersion(snapshot.db)
    const keyFile = await sealDatabaseKey(
      options.databaseKey,
      protection,
      header.vaultId,
      header.kdf,
      session.clock(),
    )
    if (options.signal?.aborted) throw new CaseVaultError('CANCELLED', 'The backup was cancelled.')
    if (!sameMoment.vaultJson) throw new Error('vault.json was not read with the snapshot')
    const headerPart = bytesPart('vault.json', sameMoment.vaultJson)
    const keyPart = bytesPart('backup-key.json', Buffer.from(JSON.stringify(keyFile)))
    const database: { name: ManifestPart; sha256: string; size: number } = {
      name: 'casevault.db',
      sha256: '',
      size: 0,
    }
    const counting = countRowsInTurns(snapshot.db)
    counting.catch(() => undefined) // awaited before the manifest; a failure must not go unhandled meanwhile
    const manifest = (counts: Record<string, number>): BackupManifest => ({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: options.appVersion,
      schemaVersion: schema,
      createdAt: session.clock().toISOString(),
      createdBy: session.user.username,
      organisation: header.organisation,
      counts,
      parts: [headerPart, database, keyPart].map(({ name, sha256, size }) => ({ name, sha256, size })),
    })
    let finished: BackupManifest | null = null
    async function* parts(): AsyncIterable<ArchivePart> {
      yield headerPart
      yield { name: database.name, size: snapshot.size, data: () => hashing(snapshot.read(), database) }
      yield keyPart
      // Reached only after the database part has streamed through: its hash is known now, and
      // the counts (read meanwhile from the same snapshot) are in.
      const counts = await counting
      snapshot.release()
      finished = manifest(counts)
      yield bytesPart('manifest.json', Buffer.from(JSON.stringify(finished, null, 2)))
    }
    const total = snapshot.size + 4096
    options.onProgress?.('encrypt', 0)
    await writeEncryptedArchive(outPath, parts(), protection, {
      madeAt: session.clock(),
      ...(options.scryptWorkFactor ? { scryptWorkFactor: options.scryptWorkFactor } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onBytes: (written) => options.onProgress?.('encrypt', Math.min(1, written / total)),
    })
    // (`finished` is set inside the generator: the compiler cannot see that, hence the annotation.)
    const done = finished as BackupManifest | null
    if (!done) throw new Error('the backup ended before its manifest was written')
    // Nor recorded as the last backup: a backup its session cannot log does not stay.
    discardIfAborted(outPath, options.signal, 'The backup was cancelled.')
    session.audit.append({
      actor: session.user.username,
      action: 'backup.created',
      details: {
        cases: done.counts.cases ?? 0,
        protection: 'passphrase' in protection ? 'passphrase' : 'recipients',
      },
    })
    options.onProgress?.('done', 1)
    return done
  } finally {
    snapshot.release()
  }
}
