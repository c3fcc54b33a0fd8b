import { useI18n } from 'vue-i18n'
import type { Role } from '../../../main/api/contract'

/** A role as people read it. Literal keys on purpose, so the i18n test can check each one. */
export function useRoleLabel(): (role: Role) => string {
  const { t } = useI18n()
  return (role) => {
    switch (role) {
      case 'admin':
        return t('roles.admin')
      case 'supervisor':
        return t('roles.supervisor')
      case 'caseworker':
        return t('roles.caseworker')
      case 'analyst':
        return t('roles.analyst')
    }
  }
}
