import { readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CaseVaultError } from '../errors'
import { missingTables, openEncryptedDatabase, type VaultDatabase } from '../db/connection'
import { integrityProblemsInWorker } from '../db/integrity-worker'
import { migrate, schemaVersion, SCHEMA_VERSION } from '../db/migrate'
import { verifyAuditChainInTurns } from '../audit/audit-log'
import { readHeader } from '../vault/vault-header'
import { openDatabaseKey } from './backup-key'
import { extractEncryptedArchive } from './encrypted-archive'
import { countRowsInTurns } from './create-backup'
import { scratchFolder, VERIFY_SCRATCH_PREFIX } from './scratch-folder'
import { manifestSchema, PART_NAMES, type BackupCredentials, type BackupManifest } from './backup-format'

export interface VerifiedBackup {
  manifest: BackupManifest
  counts: Record<string, number>
  auditRows: number
}

function damaged(reason: string): CaseVaultError {
  return new CaseVaultError('BACKUP_DAMAGED', 'The backup file is damaged or incomplete.', { reason })
}

async function readManifest(dir: string): Promise<BackupManifest> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
  } catch {
    throw damaged('manifest.json is missing or not JSON')
  }
  if (typeof json === 'object' && json && 'schemaVersion' in json && typeof json.schemaVersion === 'number') {
    if (json.schemaVersion > SCHEMA_VERSION) {
      throw new CaseVaultError(
        'SCHEMA_TOO_NEW',
        'This backup was made by a newer CaseVault. Update the app first.',
        {
          backupSchema: json.schemaVersion,
          appSchema: SCHEMA_VERSION,
        },
      )
    }
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) throw damaged('manifest.json is not a CaseVault backup manifest')
  return parsed.data
}

async function readKeyPart(dir: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(dir, 'backup-key.json'), 'utf8'))
  } catch {
    throw damaged('backup-key.json is not JSON') // was a raw SyntaxError: "Something went wrong"
  }
}

/**
 * The snapshot opened with the key, but does it hold a vault? An empty file opens as a new, empty
 * database, and the checks below then failed with a raw "no such table" error.
 */
function assertHoldsVault(db: VaultDatabase): void {
  // The first migration's tables, as the unlock asks (a vault from before the case tables is a
  // vault: its later tables come with the upgrade).
  const missing = missingTables(db, ['audit_log', 'users'])
  if (missing.length > 0) throw damaged(`the database holds no vault (no ${missing.join(', ')} table)`)
}

/**
 * Decrypts the whole backup into `dir` and proves it: every part present once, every SHA-256 as in
 * the manifest, the key opens the snapshot, integrity_check passes, the audit chain is intact and the
 * row counts match. Throws a coded error at the first problem. The caller owns `dir`.
 */
export interface VerifyOptions {
  signal?: AbortSignal
  /** 'decrypt' with the share read, then 'check' (integrity and audit chain: length unknown). */
  onProgress?: (stage: 'decrypt' | 'check', fraction: number | null) => void
  /** Reads the snapshot once every check has passed, while it is still open (restore: audit-fork.ts). */
  inspectSnapshot?: (snapshot: VaultDatabase) => void
}

export async function verifyBackupInto(
  dir: string,
  file: string,
  credentials: BackupCredentials,
  options: VerifyOptions = {},
): Promise<VerifiedBackup> {
  const extracted = await extractEncryptedArchive(file, dir, credentials, PART_NAMES, {
    ...(options.signal ? { signal: options.signal } : {}),
    onFraction: (fraction) => options.onProgress?.('decrypt', fraction),
  })
  options.onProgress?.('check', null)
  const missing = PART_NAMES.filter((name) => !extracted.has(name))
  if (missing.length > 0) throw damaged(`missing parts: ${missing.join(', ')}`)
  const manifest = await readManifest(dir)
  // Each part but the manifest itself, listed exactly once: a manifest naming one part twice and
  // another not at all passed a count of its entries.
  const listed = manifest.parts.map((part) => part.name).sort()
  const hashed = PART_NAMES.filter((name) => name !== 'manifest.json').sort()
  if (listed.join('\n') !== hashed.join('\n')) throw damaged('the manifest does not list each part once')
  for (const part of manifest.parts) {
    const actual = extracted.get(part.name)
    if (!actual || actual.sha256 !== part.sha256 || actual.size !== part.size) {
      throw damaged(`${part.name} does not match the manifest’s SHA-256`)
    }
  }
  readHeader(dir) // vault.json must be a valid vault header
  const databaseKey = await openDatabaseKey(await readKeyPart(dir), credentials)
  try {
    const path = join(dir, 'casevault.db')
    const db = openEncryptedDatabase(path, databaseKey, { create: false })
    try {
      assertHoldsVault(db)
      // The snapshot's own schema, not only the manifest's word for it.
      const snapshotSchema = schemaVersion(db)
      if (snapshotSchema > SCHEMA_VERSION)
        throw new CaseVaultError(
          'SCHEMA_TOO_NEW',
          'This backup was made by a newer CaseVault. Update the app first.',
          {
            backupSchema: snapshotSchema,
            appSchema: SCHEMA_VERSION,
          },
        )
      // integrity_check (the longest check) on a worker while this thread walks the audit chain
      // and counts rows, both in turns so that main still answers (and a Cancel is heard); the
      // integrity verdict is still reported first.
      const integrity = integrityProblemsInWorker(path, databaseKey, options.signal)
      integrity.catch(() => undefined) // awaited below; a failure must not go unhandled meanwhile
      const chain = await verifyAuditChainInTurns(db, { signal: options.signal })
      // The tables the manifest counts too (a later version at the same schema may count more).
      const counts = await countRowsInTurns(db, Object.keys(manifest.counts))
      const problems = await integrity
      if (problems.length > 0)
        throw new CaseVaultError('DB_CORRUPT', 'The database in the backup is damaged.', { problems })
      if (!chain.ok) throw damaged(`the audit log chain is broken at row ${chain.firstBrokenId}`)
      for (const [table, expected] of Object.entries(manifest.counts)) {
        if (counts[table] !== expected)
          throw damaged(`${table}: ${counts[table]} rows, the manifest says ${expected}`)
      }
      options.inspectSnapshot?.(db)
      // The unpacked copy is upgraded to this app's schema, last. For a restore it is the copy
      // swapped in: an older backup whose upgrade failed had been swapped in, and no one could
      // unlock it, nor sign in to bring the previous vault back. For a check, it is what a restore
      // would meet: a backup this app cannot restore is not called good (UPGRADE_FAILED).
      migrate(db)
      return { manifest, counts, auditRows: chain.checkedRows }
    } finally {
      db.close()
    }
  } finally {
    databaseKey.fill(0)
  }
}

/** Verifies without restoring: everything is decrypted into a private temp folder that is always removed. */
export async function verifyBackup(
  file: string,
  credentials: BackupCredentials,
  options: VerifyOptions = {},
): Promise<VerifiedBackup> {
  const dir = await scratchFolder(VERIFY_SCRATCH_PREFIX, (await stat(file)).size)
  try {
    return await verifyBackupInto(dir, file, credentials, options)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
