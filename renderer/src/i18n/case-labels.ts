import { useI18n } from 'vue-i18n'
import type { AgeBand, CaseStatus } from '../../../main/api/contract'

// Literal keys on purpose, so the i18n test can check each one.

export function useCaseStatusLabel(): (status: CaseStatus) => string {
  const { t } = useI18n()
  return (status) => {
    switch (status) {
      case 'Active':
        return t('cases.statuses.Active')
      case 'FollowUp':
        return t('cases.statuses.FollowUp')
      case 'Closed':
        return t('cases.statuses.Closed')
      case 'ClosedReferred':
        return t('cases.statuses.ClosedReferred')
    }
  }
}

export function useAgeBandLabel(): (band: AgeBand) => string {
  const { t } = useI18n()
  return (band) => {
    switch (band) {
      case '0-11':
        return t('cases.ageBands.under12')
      case '12-17':
        return t('cases.ageBands.from12to17')
      case '18-25':
        return t('cases.ageBands.from18to25')
      case '26-35':
        return t('cases.ageBands.from26to35')
      case '36-45':
        return t('cases.ageBands.from36to45')
      case '46+':
        return t('cases.ageBands.over45')
      case 'unknown':
        return t('cases.ageBands.unknown')
    }
  }
}
