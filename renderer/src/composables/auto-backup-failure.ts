import { useI18n } from 'vue-i18n'
import type { AutoBackupFailure } from '../../../main/api/contract'
import { useFormat } from '../i18n/format'

/**
 * Why an automatic backup failed, in words a shelter manager can act on (plug the stick in, free
 * space, unlock the write-protect switch). Shared by the Backup screen and the banner that every
 * screen shows until a backup succeeds again.
 */
export function useAutoBackupFailureText(): (failure: AutoBackupFailure, at: string) => string {
  const { t } = useI18n()
  const format = useFormat()
  return (failure, at) => {
    const date = format.dateTime(at)
    switch (failure) {
      case 'folder_missing':
        return t('backup.auto.failedFolder', { date })
      case 'disk_full':
        return t('backup.auto.failedFull', { date })
      case 'not_allowed':
        return t('backup.auto.failedNotAllowed', { date })
      case 'failed':
        return t('backup.auto.failed', { date })
    }
  }
}
