import { useI18n } from 'vue-i18n'
import { useAuditActionLabel } from './audit-action-label'

/**
 * What happened to a case, as people read it (audit actions with target case:<id>). Literal keys
 * for the i18n test. Any other action (a support plan's, one added later) reads as the audit
 * screen labels it, never as its raw key: support plans showed as "support_plan.created".
 */
export function useCaseHistoryLabel(): (action: string) => string {
  const { t } = useI18n()
  const auditLabel = useAuditActionLabel()
  return (action) => {
    switch (action) {
      case 'case.created':
        return t('caseHistory.actions.created')
      case 'case.read':
        return t('caseHistory.actions.read')
      case 'case.updated':
        return t('caseHistory.actions.updated')
      case 'case.closed':
        return t('caseHistory.actions.closed')
      case 'case.reopened':
        return t('caseHistory.actions.reopened')
      case 'case.comment_added':
        return t('caseHistory.actions.commentAdded')
      case 'attachment.added':
        return t('caseHistory.actions.attachmentAdded')
      case 'attachment.exported':
        return t('caseHistory.actions.attachmentExported')
      case 'attachment.removed':
        return t('caseHistory.actions.attachmentRemoved')
      case 'perpetrator.linked':
        return t('caseHistory.actions.perpetratorLinked')
      case 'perpetrator.updated':
        return t('caseHistory.actions.perpetratorUpdated')
      case 'perpetrator.unlinked':
        return t('caseHistory.actions.perpetratorUnlinked')
      case 'access.denied':
        return t('caseHistory.actions.accessDenied')
      default:
        return auditLabel(action)
    }
  }
}
