import { useI18n } from 'vue-i18n'
import type { DirectoryImportError } from '../../../../main/api/contract'
import { useImportReasons } from '../import/import-reasons'

/**
 * Main reports each problem in an imported directory file with a short fixed reason (its set is
 * closed: see main/core/directory/hsds-to-directory.ts and hsds-import.ts); this shows it in the
 * reader's language. Literal keys, so the i18n test checks each one; a reason this version does
 * not know shows as main wrote it. Problems of the CSV reader the case import shares come with its
 * code and field markers ("(file)"), and read as they do there.
 */
export function useImportProblemText(): {
  field: (problem: DirectoryImportError) => string
  reason: (problem: DirectoryImportError) => string
} {
  const { t } = useI18n()
  const shared = useImportReasons()

  function hsdsReason(reason: string): string {
    const wrongType = /^wrong type \(expected (\w+)\)$/.exec(reason)
    if (wrongType) return t('directory.importReasons.wrongType', { expected: wrongType[1] })
    switch (reason) {
      case 'required':
        return t('directory.importReasons.required')
      case 'too long':
        return t('directory.importReasons.tooLong')
      case 'too many values':
        return t('directory.importReasons.tooManyValues')
      case 'out of range':
        return t('directory.importReasons.outOfRange')
      case 'not a known code':
        return t('directory.importReasons.unknownCode')
      case 'not valid':
        return t('directory.importReasons.notValid')
      case 'not an email address':
        return t('directory.importReasons.notEmail')
      case 'not a phone number':
        return t('directory.importReasons.notPhone')
      case 'not a web address (http:// or https://)':
        return t('directory.importReasons.notWebsite')
      case 'the same id is used twice':
        return t('directory.importReasons.duplicateId')
      case 'no such organization':
        return t('directory.importReasons.noSuchOrganisation')
      case 'moves a service that referrals were made to':
        return t('directory.importReasons.movesReferredService')
      case 'not an object':
        return t('directory.importReasons.notAnObject')
      case 'not a UUID':
        return t('directory.importReasons.notUuid')
      case 'more than one organisation type':
        return t('directory.importReasons.severalOrgTypes')
      default:
        return reason
    }
  }

  return {
    field: (problem) => shared.column(problem.field),
    reason: (problem) =>
      problem.code ? shared.problem({ ...problem, code: problem.code }) : hsdsReason(problem.reason),
  }
}
