import { useI18n } from 'vue-i18n'
import { errorCodeOf } from '../../api-error'
import { useErrorMessage } from '../../i18n/error-message'

// Main raises the codes of the vault's own files (vault.json, the database) about the parts of a
// backup file or of a rollback copy too. Their usual messages speak of the vault in use ("the vault
// file is damaged: restore the latest backup"), which is wrong, and alarming, when the file that
// failed is the backup just chosen: these say which file it was, and that the vault is unchanged.
const PART_OF_THE_FILE = new Set(['CORRUPT_HEADER', 'DB_CORRUPT', 'DB_MISSING', 'DB_NOT_OURS'])

/** A refusal of a backup file chosen to check or restore, in the reader's words. */
export function useBackupFileErrorMessage(): (error: unknown) => string {
  const { t } = useI18n()
  const errorMessage = useErrorMessage()
  return (error) => {
    const code = errorCodeOf(error)
    if (code === 'SCHEMA_TOO_NEW') return t('errorDetails.backupFile.tooNew')
    if (PART_OF_THE_FILE.has(code)) return t('errors.BACKUP_DAMAGED')
    return errorMessage(error)
  }
}

/** A refusal to bring back a copy kept after a restore. */
export function useRollbackCopyErrorMessage(): (error: unknown) => string {
  const { t } = useI18n()
  const errorMessage = useErrorMessage()
  return (error) =>
    PART_OF_THE_FILE.has(errorCodeOf(error))
      ? t('errorDetails.backupFile.rollbackCopyDamaged')
      : errorMessage(error)
}
