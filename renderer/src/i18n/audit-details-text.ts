import { useI18n } from 'vue-i18n'
import { caseDeletionReasons, type AuditEntry } from '../../../main/api/contract'

/**
 * The keys main writes into audit details, as people read them (the values are ids, counts and
 * codes, never survivor data). Literal keys for the i18n test; a key this version does not know
 * (written by a newer one) is spelled out from its camelCase, never shown as stored.
 */
const DETAIL_KEYS = [
  'action',
  'active',
  'allOrNothing',
  'assessmentId',
  'attachmentId',
  'autoBackup',
  'autoBackupFolder',
  'backupCreatedAt',
  'caseId',
  'caseNumber',
  'cases',
  'categories',
  'channel',
  'checkedRows',
  'code',
  'commentId',
  'comments',
  'complete',
  'consentId',
  'count',
  'direction',
  'firstCaseId',
  'followUpDate',
  'format',
  'from',
  'givenBy',
  'hits',
  'id',
  'imported',
  'intakeYear',
  'isTraining',
  'keep',
  'lastCaseId',
  'level',
  'mediaType',
  'movedFromYear',
  'movedAsideAt',
  'ok',
  'organisationId',
  'organisations',
  'outcome',
  'perpetratorLinks',
  'personId',
  'planId',
  'protection',
  'reason',
  'reassignedTo',
  'recipients',
  'referralId',
  'rejected',
  'removed',
  'restoredAt',
  'role',
  'rotatedOut',
  'rows',
  'scope',
  'screenings',
  'services',
  'sizeBytes',
  'status',
  'supportPlanId',
  'templateId',
  'to',
  'type',
  'version',
] as const

const spelledOut = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()

export function useAuditDetailsText(): (details: AuditEntry['details']) => string {
  const { t, te } = useI18n()
  const known = new Set<string>(DETAIL_KEYS)
  const label = (key: string) =>
    known.has(key) && te(`audit.detailKeys.${key}`) ? t(`audit.detailKeys.${key}`) : spelledOut(key)
  const deletionReasons = new Set<string>(caseDeletionReasons)
  /** A value in words where it is a code people choose from a list; a list as a list. */
  const valueText = (key: string, value: unknown): string => {
    if (key === 'reason' && typeof value === 'string' && deletionReasons.has(value))
      return t(`caseDetail.deleteReasons.${value}`)
    if (Array.isArray(value)) return value.map((item) => valueText(key, item)).join(', ')
    return typeof value === 'string' ? value : JSON.stringify(value)
  }
  return (details) =>
    details
      ? Object.entries(details)
          .map(([key, value]) => `${label(key)}: ${valueText(key, value)}`)
          .join('; ')
      : ''
}
