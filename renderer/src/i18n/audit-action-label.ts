import { useI18n } from 'vue-i18n'

/**
 * An audit action as people read it. Literal keys on purpose, so the i18n test can check each one;
 * an action this version does not know (written by a newer one, or the CLI) shows its raw name.
 */
export function useAuditActionLabel(): (action: string) => string {
  const { t } = useI18n()
  return (action) => {
    switch (action) {
      case 'vault.created':
        return t('audit.actions.vault.created')
      case 'vault.verified':
        return t('audit.actions.vault.verified')
      case 'session.unlocked':
        return t('audit.actions.session.unlocked')
      case 'session.unlocked_with_recovery_key':
        return t('audit.actions.session.unlocked_with_recovery_key')
      case 'session.locked':
        return t('audit.actions.session.locked')
      case 'session.unlock_refused':
        return t('audit.actions.session.unlock_refused')
      case 'user.created':
        return t('audit.actions.user.created')
      case 'user.deactivated':
        return t('audit.actions.user.deactivated')
      case 'user.passphrase_reset':
        return t('audit.actions.user.passphrase_reset')
      case 'user.passphrase_changed':
        return t('audit.actions.user.passphrase_changed')
      case 'user.passphrase_check_failed':
        return t('audit.actions.user.passphrase_check_failed')
      case 'settings.updated':
        return t('audit.actions.settings.updated')
      case 'access.denied':
        return t('audit.actions.access.denied')
      case 'audit.verified':
        return t('audit.actions.audit.verified')
      case 'backup.created':
        return t('audit.actions.backup.created')
      case 'backup.verified':
        return t('audit.actions.backup.verified')
      case 'backup.restored':
        return t('audit.actions.backup.restored')
      case 'backup.restore_failed':
        return t('audit.actions.backup.restore_failed')
      case 'backup.auto_created':
        return t('audit.actions.backup.auto_created')
      case 'backup.auto_failed':
        return t('audit.actions.backup.auto_failed')
      case 'backup.restored_here':
        return t('audit.actions.backup.restored_here')
      case 'backup.rollbacks_removed':
        return t('audit.actions.backup.rollbacks_removed')
      case 'backup.rollback_brought_back':
        return t('audit.actions.backup.rollback_brought_back')
      case 'screening.created':
        return t('screening.auditActions.created')
      case 'screening.read':
        return t('screening.auditActions.read')
      case 'screening.linked':
        return t('screening.auditActions.linked')
      case 'screening.converted':
        return t('screening.auditActions.converted')
      case 'screening.template_saved':
        return t('screening.auditActions.templateSaved')
      case 'vault.marked_training':
        return t('audit.actions.vault.marked_training')
      case 'case.created':
        return t('audit.actions.case.created')
      case 'case.bulk_created':
        return t('audit.actions.case.bulk_created')
      case 'case.read':
        return t('audit.actions.case.read')
      case 'case.updated':
        return t('audit.actions.case.updated')
      case 'case.closed':
        return t('audit.actions.case.closed')
      case 'case.reopened':
        return t('audit.actions.case.reopened')
      case 'case.deleted':
        return t('audit.actions.case.deleted')
      case 'case.searched':
        return t('audit.actions.case.searched')
      case 'case.comment_added':
        return t('audit.actions.case.comment_added')
      case 'attachment.added':
        return t('audit.actions.attachment.added')
      case 'attachment.exported':
        return t('audit.actions.attachment.exported')
      case 'attachment.removed':
        return t('audit.actions.attachment.removed')
      case 'perpetrator.linked':
        return t('audit.actions.perpetrator.linked')
      case 'perpetrator.updated':
        return t('audit.actions.perpetrator.updated')
      case 'perpetrator.unlinked':
        return t('audit.actions.perpetrator.unlinked')
      case 'export.created':
        return t('audit.actions.export.created')
      case 'import.completed':
        return t('audit.actions.import.completed')
      case 'directory.organisation_created':
        return t('audit.actions.directory.organisation_created')
      case 'directory.organisation_updated':
        return t('audit.actions.directory.organisation_updated')
      case 'directory.organisation_deactivated':
        return t('audit.actions.directory.organisation_deactivated')
      case 'directory.organisation_reactivated':
        return t('audit.actions.directory.organisation_reactivated')
      case 'directory.service_created':
        return t('audit.actions.directory.service_created')
      case 'directory.service_updated':
        return t('audit.actions.directory.service_updated')
      case 'directory.service_deactivated':
        return t('audit.actions.directory.service_deactivated')
      case 'directory.service_reactivated':
        return t('audit.actions.directory.service_reactivated')
      case 'directory.exported':
        return t('audit.actions.directory.exported')
      case 'directory.imported':
        return t('audit.actions.directory.imported')
      case 'referral.created':
        return t('audit.actions.referral.created')
      case 'referral.updated':
        return t('audit.actions.referral.updated')
      case 'referral.status_changed':
        return t('audit.actions.referral.status_changed')
      case 'referral.consent_recorded':
        return t('audit.actions.referral.consent_recorded')
      case 'referral.consent_withdrawn':
        return t('audit.actions.referral.consent_withdrawn')
      case 'referral.follow_up_set':
        return t('audit.actions.referral.follow_up_set')
      case 'referral.read':
        return t('audit.actions.referral.read')
      case 'referral.form_printed':
        return t('audit.actions.referral.form_printed')
      case 'support_plan.created':
        return t('audit.actions.support_plan.created')
      case 'support_plan.updated':
        return t('audit.actions.support_plan.updated')
      default:
        return action
    }
  }
}
