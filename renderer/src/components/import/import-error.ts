import { useI18n } from 'vue-i18n'
import { ApiError } from '../../api-error'
import { useErrorMessage } from '../../i18n/error-message'

/** Main refused a run because the file is no longer the one its dry run checked (api/import.ts). */
export function isFileChanged(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT' && error.details?.file === 'changed'
}

/**
 * An import failure in the reader's words. A file main cannot read at all comes as VALIDATION with
 * details.file = a reason code; a mapping main refuses names its column(s) and target; a spent or
 * forgotten token is NOT_FOUND. Anything else: the usual errors.<CODE> message.
 */
export function useImportErrorMessage(): (error: unknown) => string {
  const { t } = useI18n()
  const errorMessage = useErrorMessage()

  function fileProblem(code: unknown, details: Record<string, unknown>): string | null {
    switch (code) {
      case 'empty':
        return t('exchange.import.fileProblems.empty')
      case 'too_large':
        return t('exchange.import.fileProblems.tooLarge')
      case 'encoding':
        return t('exchange.import.fileProblems.encoding')
      case 'binary':
        return t('exchange.import.fileProblems.binary')
      case 'no_header':
        return t('exchange.import.fileProblems.noHeader')
      case 'bad_archive':
        return t('exchange.import.fileProblems.badArchive')
      case 'no_cases':
        return t('exchange.import.fileProblems.noCases')
      case 'encrypted':
        return t('exchange.import.fileProblems.encrypted')
      case 'not_xlsx':
        return t('exchange.import.fileProblems.notXlsx')
      case 'xlsx_protected':
        return t('exchange.import.fileProblems.xlsxProtected')
      case 'archive_twice':
        return t('exchange.import.fileProblems.archiveTwice')
      case 'too_many_columns':
        return t('exchange.import.fileProblems.tooManyColumns')
      case 'header_too_long':
        return t('exchange.import.fileProblems.headerTooLong', { column: String(details.column ?? '') })
      case 'no_sheet':
        return t('exchange.import.fileProblems.noSheet')
      case 'too_new':
        return t('exchange.import.fileProblems.tooNew')
      case 'not_json':
        return t('exchange.import.fileProblems.notJson')
      case 'not_htcds':
        return t('exchange.import.fileProblems.notHtcds')
      default:
        return null
    }
  }

  return (error) => {
    // A token main no longer holds (a lock closed it) or a file no longer where it was chosen
    // (moved, deleted, its USB stick pulled out): "the vault may have been locked" misled about the second.
    if (error instanceof ApiError && error.code === 'NOT_FOUND')
      return error.details?.['token'] === 'closed'
        ? t('exchange.import.fileGone')
        : t('exchange.import.fileMissing')
    if (!(error instanceof ApiError) || error.code !== 'VALIDATION' || !error.details)
      return errorMessage(error)
    const { file, columns, column, target } = error.details
    const problem = fileProblem(file, error.details)
    if (problem) return problem
    if (Array.isArray(columns) && typeof target === 'string')
      return t('exchange.import.mapping.refusedClash', { columns: columns.join(', '), target })
    if (typeof column === 'string' && typeof target === 'string')
      return t('exchange.import.mapping.refusedTarget', { column, target })
    return errorMessage(error)
  }
}
