import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DATABASE_FILE, HEADER_FILE, readHeader, syncDirectory, syncFile } from '../vault/vault-header'
import { CaseVaultError } from '../errors'
import { verifyBackupInto, type VerifiedBackup, type VerifyOptions } from './verify-backup'
import type { BackupCredentials } from './backup-format'
import { RESTORE_MARKER_FILE, writeRestoreMarker } from './restore-marker'
import { swapIntoDataFolder } from './rollback-copies'
import { restoreStagingFolder } from './scratch-folder'
import { assertNotOpenElsewhere } from '../vault/in-use-marker'
import { assertNoSwapPending } from './swap-journal'

export interface RestoreOptions extends VerifyOptions {
  now?: Date
  /**
   * Runs once the backup is proven and before anything is swapped: the admin restore records it in
   * the outgoing vault's audit log and locks that vault here (the check ran while it stayed open).
   */
  beforeSwap?: (verified: VerifiedBackup) => void
  /**
   * The first-run restore: refuse (VAULT_EXISTS) if a vault has appeared in the data folder in the
   * meantime, rather than moving it aside.
   */
  onlyIntoEmptyFolder?: boolean
  /**
   * A backup of another vault than the one in `dataDir` (another organisation's, a test vault) is
   * refused with OTHER_VAULT before anything is swapped: its users, not ours, would then be the
   * only ones who could unlock. Only once the user has confirmed it is this set.
   */
  allowAnotherVault?: boolean
}

export interface RestoredBackup extends VerifiedBackup {
  /** Where the vault that was replaced now lives (null if the folder was empty). */
  rollbackDir: string | null
}

/**
 * Restores a backup into `dataDir`: full verification in a staging folder beside it (same disk,
 * so the swap is a rename), then the live folder is renamed to a dated rollback copy and the
 * staged vault takes its place. Any failure before the swap leaves the live vault untouched. The
 * live vault must be locked by the time of the swap (`beforeSwap`); Cancel works until then.
 */
export async function restoreBackup(
  dataDir: string,
  file: string,
  credentials: BackupCredentials,
  options: RestoreOptions = {},
): Promise<RestoredBackup> {
  assertNoSwapPending(dataDir)
  const now = options.now ?? new Date()
  const staging = restoreStagingFolder(dataDir, now)
  const extracted = join(staging, 'extracted')
  const candidate = join(staging, 'vault')
  try {
    const { signal, onProgress, inspectSnapshot } = options
    const verified = await verifyBackupInto(extracted, file, credentials, {
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(inspectSnapshot ? { inspectSnapshot } : {}),
    })
    signal?.throwIfAborted()
    // A first-run restore refuses any vault it finds (VAULT_EXISTS, below): nothing to compare.
    const current = options.allowAnotherVault || options.onlyIntoEmptyFolder ? null : currentVaultId(dataDir)
    if (current && readHeader(extracted).vaultId !== current) {
      throw new CaseVaultError('OTHER_VAULT', 'This backup is of another vault.', {
        organisation: verified.manifest.organisation,
        createdAt: verified.manifest.createdAt,
        cases: verified.counts.cases ?? 0,
      })
    }
    await mkdir(candidate, { mode: 0o700 })
    await rename(join(extracted, HEADER_FILE), join(candidate, HEADER_FILE))
    await rename(join(extracted, DATABASE_FILE), join(candidate, DATABASE_FILE))
    writeRestoreMarker(candidate, {
      backupCreatedAt: verified.manifest.createdAt,
      restoredAt: now.toISOString(),
    })
    // Verification only read the files: make them durable before they replace the live vault.
    for (const file of [HEADER_FILE, DATABASE_FILE, RESTORE_MARKER_FILE]) syncFile(join(candidate, file))
    syncDirectory(candidate)
    syncDirectory(staging)
    signal?.throwIfAborted()
    if (options.onlyIntoEmptyFolder && holdsVault(dataDir))
      throw new CaseVaultError('VAULT_EXISTS', 'A vault already exists in this data folder.')
    // Refused before the caller logs the restore and locks the vault, not only at the swap itself.
    assertNotOpenElsewhere(dataDir)
    options.beforeSwap?.(verified)
    return { ...verified, rollbackDir: await swapIntoDataFolder(dataDir, candidate, now) }
  } finally {
    // Best effort: after a swap that succeeded, a staging folder held open (an antivirus scan of
    // what was just unpacked) must not turn the restore into an error. What stays is swept at the
    // next start (scratch-folder.ts).
    await rm(staging, { recursive: true, force: true }).catch(() => undefined)
  }
}

/**
 * The id of the vault in `dataDir`; null when there is none, or when its header cannot be read
 * (a damaged vault is what a restore is for: nothing to compare, and it is kept as a copy).
 */
function currentVaultId(dataDir: string): string | null {
  if (!existsSync(join(dataDir, HEADER_FILE))) return null
  try {
    return readHeader(dataDir).vaultId
  } catch {
    return null
  }
}

function holdsVault(dataDir: string): boolean {
  return existsSync(join(dataDir, HEADER_FILE)) || existsSync(join(dataDir, DATABASE_FILE))
}
