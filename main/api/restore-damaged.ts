import type { BackupCheck } from './contract/backup'
import type { BackupCredentials } from '../core/backup/backup-format'
import type { HandlerContext } from './handler'
import { CaseVaultError } from '../core/errors'
import { restoreBackup } from '../core/backup/restore-backup'
import { checkOf, noBackupChosen } from './backup-check'

/**
 * A vault whose database is damaged, missing or replaced: the unlock screen said "restore the
 * latest backup", but the Backup screen needs a session (none opens) and the first-run restore
 * refuses a folder that holds a vault. So the person whose passphrase just opened their key slot
 * (Vault.damagedVaultProvenBy) may restore one here. Anyone else is refused: a stranger at the
 * unlock screen must not swap the vault for a backup of their own choosing.
 *
 * The restore is the command line's: verified whole before anything moves, the damaged vault kept
 * as a dated rollback copy, a backup of another vault refused (OTHER_VAULT: vault.json still says
 * which vault this is). "Newer work" cannot be counted in a database that cannot be read.
 */
export async function restoreDamagedVault(
  ctx: Pick<HandlerContext, 'vault' | 'files' | 'operations'>,
  credentials: BackupCredentials,
): Promise<BackupCheck> {
  const { vault } = ctx
  const provenBy = vault.damagedVaultProvenBy()
  if (provenBy === null) {
    throw new CaseVaultError(
      'FORBIDDEN',
      'Sign in first: only a passphrase that opens this vault may replace it.',
      {
        reason: 'not_proven',
      },
    )
  }
  const file = await ctx.files.chooseBackupFile()
  if (!file) return noBackupChosen
  const { manifest, counts } = await ctx.operations.run('restore', (signal, report) =>
    restoreBackup(vault.dataDir, file, credentials, { signal, onProgress: report }),
  )
  // The restored vault records the restore at its next unlock (restore-marker.ts); the damaged one
  // is in the rollback copy, its log with it.
  vault.forgetDamagedVaultProof()
  return checkOf(file, manifest, counts)
}
