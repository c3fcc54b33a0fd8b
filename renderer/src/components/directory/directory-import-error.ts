import { useI18n } from 'vue-i18n'
import { ApiError } from '../../api-error'
import { useErrorMessage } from '../../i18n/error-message'
import { useImportErrorMessage } from '../import/import-error'

/**
 * A directory import failure in the reader's words. A file main cannot read at all comes as
 * VALIDATION with details.file = a reason code (main/core/directory/hsds-read.ts): the HSDS ones
 * are worded here, the ones it shares with the case import (encoding, not JSON, damaged archive…)
 * as the case import words them. The generic VALIDATION sentence ("check the fields") would point
 * at fields that do not exist.
 */
export function useDirectoryImportErrorMessage(): (error: unknown) => string {
  const { t } = useI18n()
  const errorMessage = useErrorMessage()
  const importErrorMessage = useImportErrorMessage()

  function hsdsProblem(code: unknown): string | null {
    switch (code) {
      case 'bad_shape':
        return t('directory.importDialog.fileProblems.badShape')
      case 'unknown_format':
        return t('directory.importDialog.fileProblems.unknownFormat')
      case 'no_organizations':
        return t('directory.importDialog.fileProblems.noOrganisations')
      case 'too_many':
        return t('directory.importDialog.fileProblems.tooMany')
      default:
        return null
    }
  }

  return (error) => {
    const file = error instanceof ApiError && error.code === 'VALIDATION' ? error.details?.file : undefined
    if (file === undefined) return errorMessage(error)
    return hsdsProblem(file) ?? importErrorMessage(error)
  }
}
