import { useI18n } from 'vue-i18n'
import type { AssessmentLevel, NextStep, RiskLevel, ScreeningChannel } from '../../../../main/api/contract'

/**
 * Words for the screening codes. Literal keys on purpose, so the i18n test can check each one.
 * Template questions themselves are content data (like HTCDS labels) and are shown as stored.
 */
export function useScreeningLabels() {
  const { t } = useI18n()
  return {
    level: (level: RiskLevel): string =>
      ({
        low: t('screening.levels.low'),
        medium: t('screening.levels.medium'),
        high: t('screening.levels.high'),
      })[level],
    section: (section: AssessmentLevel): string =>
      ({
        individual: t('screening.sections.individual'),
        household: t('screening.sections.household'),
        community: t('screening.sections.community'),
      })[section],
    channel: (channel: ScreeningChannel): string =>
      ({
        walkIn: t('screening.channels.walkIn'),
        hotline: t('screening.channels.hotline'),
        outreach: t('screening.channels.outreach'),
        referral: t('screening.channels.referral'),
        caseReview: t('screening.channels.caseReview'),
      })[channel],
    nextStep: (step: NextStep): string =>
      ({
        noFurtherAction: t('screening.nextSteps.noFurtherAction'),
        monitor: t('screening.nextSteps.monitor'),
        referToServices: t('screening.nextSteps.referToServices'),
        openCase: t('screening.nextSteps.openCase'),
        urgentProtection: t('screening.nextSteps.urgentProtection'),
      })[step],
    answer: (answer: string | undefined): string => {
      switch (answer) {
        case 'risk':
          return t('screening.answers.risk')
        case 'protective':
          return t('screening.answers.protective')
        case 'neither':
          return t('screening.answers.neither')
        case 'unknown':
          return t('screening.answers.unknown')
        case 'yes':
          return t('screening.answers.yes')
        case 'no':
          return t('screening.answers.no')
        case undefined:
        case '':
          return t('screening.answers.none')
        default:
          return answer
      }
    },
  }
}
