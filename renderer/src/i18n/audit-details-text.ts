import { useI18n } from 'vue-i18n'
import { caseDeletionReasons, type AuditEntry } from '../../../main/api/contract'
import { useFormat } from './format'

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
  'attemptsWhileDeactivated',
  'autoBackup',
  'autoBackupFolder',
  'autoLockMinutes',
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
  'failedAttempts',
  'failedAttemptsBefore',
  'firstCaseId',
  'followUpDate',
  'format',
  'from',
  'givenBy',
  'hits',
  'id',
  'imported',
  'intakeFrom',
  'intakeTo',
  'intakeYear',
  'isTraining',
  'k',
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
  'previous',
  'previousTemplateId',
  'protection',
  'publicData',
  'read',
  'readAt',
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
  'screeningTemplatesCreated',
  'services',
  'sharedCategories',
  'shipped',
  'sizeBytes',
  'status',
  'supportPlanId',
  'suppressedCells',
  'suppressedRows',
  'suppressedTableCells',
  'templateId',
  'to',
  'type',
  'version',
  'warnAfterDays',
] as const

const spelledOut = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()

// Main writes times as UTC ISO strings and calendar days as yyyy-mm-dd; recognised by shape, so a
// date under a key from a newer version is shown in the reader's words too.
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/
const CALENDAR_DAY = /^\d{4}-\d\d-\d\d$/

// The fixed reasons main writes (a lock's, a refused access's), as people read them: the codes had
// shown as written ("reason: user", "reason: not assigned"). Literal keys for the i18n test.
function useReasonText(): (code: string) => string | null {
  const { t } = useI18n()
  return (code) => {
    switch (code) {
      case 'user':
        return t('audit.reasons.user')
      case 'idle':
        return t('audit.reasons.idle')
      case 'suspend':
        return t('audit.reasons.suspend')
      case 'screen-lock':
        return t('audit.reasons.screenLock')
      case 'page-crashed':
        return t('audit.reasons.pageCrashed')
      case 'not assigned':
        return t('audit.reasons.notAssigned')
      case 'not screener or assignee':
        return t('audit.reasons.notScreenerOrAssignee')
      default:
        return null
    }
  }
}

export function useAuditDetailsText(): (details: AuditEntry['details']) => string {
  const { t, te } = useI18n()
  const { calendarDate, dateTime } = useFormat()
  const known = new Set<string>(DETAIL_KEYS)
  const label = (key: string) =>
    known.has(key) && te(`audit.detailKeys.${key}`) ? t(`audit.detailKeys.${key}`) : spelledOut(key)
  const deletionReasons = new Set<string>(caseDeletionReasons)
  const reasonText = useReasonText()
  /** A value in words where it is a code people choose from a list; a list as a list. */
  const valueText = (key: string, value: unknown): string => {
    if (key === 'reason' && typeof value === 'string' && deletionReasons.has(value))
      return t(`caseDetail.deleteReasons.${value}`)
    if (key === 'reason' && typeof value === 'string') return reasonText(value) ?? value
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
    if (Array.isArray(value)) return value.map((item) => valueText(key, item)).join(', ')
    // The Time column beside it is local time: a UTC timestamp here would name another day.
    if (typeof value === 'string' && TIMESTAMP.test(value)) return dateTime(value)
    if (typeof value === 'string' && CALENDAR_DAY.test(value)) return calendarDate(value)
    if (value !== null && typeof value === 'object') return partsText(value as Record<string, unknown>)
    return typeof value === 'string' ? value : JSON.stringify(value)
  }
  /** A group of details (an export's scope) as labelled parts; an open bound (null) is "any". */
  const partsText = (parts: Record<string, unknown>): string =>
    `(${Object.entries(parts)
      .map(([key, value]) => `${label(key)}: ${value === null ? t('audit.anyValue') : valueText(key, value)}`)
      .join('; ')})`
  return (details) =>
    details
      ? Object.entries(details)
          .map(([key, value]) => `${label(key)}: ${valueText(key, value)}`)
          .join('; ')
      : ''
}
