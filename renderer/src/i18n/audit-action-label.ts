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
      case 'user.created':
        return t('audit.actions.user.created')
      case 'user.deactivated':
        return t('audit.actions.user.deactivated')
      case 'user.passphrase_reset':
        return t('audit.actions.user.passphrase_reset')
      case 'user.passphrase_changed':
        return t('audit.actions.user.passphrase_changed')
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
      case 'backup.auto_created':
        return t('audit.actions.backup.auto_created')
      case 'backup.auto_failed':
        return t('audit.actions.backup.auto_failed')
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
      default:
        return action
    }
  }
}
