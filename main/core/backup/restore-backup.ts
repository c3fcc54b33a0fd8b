import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { DATABASE_FILE, HEADER_FILE, syncDirectory, syncFile } from '../vault/vault-header'
import { verifyBackupInto, type VerifiedBackup } from './verify-backup'
import type { BackupCredentials } from './backup-format'

export interface RestoredBackup extends VerifiedBackup {
  /** Where the vault that was replaced now lives (null if the folder was empty). */
  rollbackDir: string | null
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-')
}

/**
 * Restores a backup into `dataDir`: full verification in a staging folder beside it (same disk,
 * so the swap is a rename), then the live folder is renamed to a dated rollback copy and the
 * staged vault takes its place. Any failure before the swap leaves the live vault untouched.
 * The caller must have locked the vault.
 */
export async function restoreBackup(
  dataDir: string,
  file: string,
  credentials: BackupCredentials,
  now: Date = new Date(),
): Promise<RestoredBackup> {
  const parent = dirname(dataDir)
  const name = basename(dataDir)
  const staging = join(parent, `.${name}.restore-${stamp(now)}`)
  const extracted = join(staging, 'extracted')
  const candidate = join(staging, 'vault')
  try {
    const verified = await verifyBackupInto(extracted, file, credentials)
    await mkdir(candidate, { mode: 0o700 })
    await rename(join(extracted, HEADER_FILE), join(candidate, HEADER_FILE))
    await rename(join(extracted, DATABASE_FILE), join(candidate, DATABASE_FILE))
    // Verification only read the files: make them durable before they replace the live vault.
    for (const file of [HEADER_FILE, DATABASE_FILE]) syncFile(join(candidate, file))
    syncDirectory(candidate)

    let rollbackDir: string | null = null
    if (existsSync(dataDir)) {
      rollbackDir = join(parent, `${name}.rollback-${stamp(now)}`)
      await rename(dataDir, rollbackDir)
    }
    try {
      await rename(candidate, dataDir)
    } catch (error) {
      if (rollbackDir) await rename(rollbackDir, dataDir)
      throw error
    }
    syncDirectory(parent)
    return { ...verified, rollbackDir }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
