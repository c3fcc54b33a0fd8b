import { useI18n } from 'vue-i18n'
import type { GeneralisationStep } from '../../../../main/api/contract'

// Main names quasi-identifiers and generalisation steps in English for logs and the CLI; the
// screen says them in the reader's words. An unknown name (a newer main) falls back to main's text.

export function useDeidentificationText() {
  const { t } = useI18n()

  function quasiIdentifier(name: string): string {
    switch (name) {
      case 'year':
        return t('exchange.report.qi.year')
      case 'forcedLabourIndustry':
        return t('exchange.report.qi.forcedLabourIndustry')
      case 'typeOfSexExploitation':
        return t('exchange.report.qi.typeOfSexExploitation')
      case 'relationshipToTrafficker':
        return t('exchange.report.qi.relationshipToTrafficker')
      case 'citizenship':
        return t('exchange.report.qi.citizenship')
      case 'countryOfExploitation':
        return t('exchange.report.qi.countryOfExploitation')
      case 'minorWhenTrafficked':
        return t('exchange.report.qi.minorWhenTrafficked')
      case 'ageBand':
        return t('exchange.report.qi.ageBand')
      case 'exploitationTypes':
        return t('exchange.report.qi.exploitationTypes')
      case 'sex':
        return t('exchange.report.qi.sex')
      default:
        return name
    }
  }

  /** "shown as …" for one step; the last level of every quasi-identifier is "left out". */
  function generalisation(step: GeneralisationStep): string {
    if (step.description === 'suppressed') return t('exchange.report.levels.hidden')
    switch (`${step.quasiIdentifier}:${step.level}`) {
      case 'forcedLabourIndustry:1':
        return t('exchange.report.levels.industrySection')
      case 'typeOfSexExploitation:1':
        return t('exchange.report.levels.sexExploitationRecorded')
      case 'citizenship:1':
      case 'countryOfExploitation:1':
        return t('exchange.report.levels.subregion')
      case 'citizenship:2':
      case 'countryOfExploitation:2':
        return t('exchange.report.levels.region')
      case 'ageBand:1':
        return t('exchange.report.levels.minorOrAdult')
      case 'exploitationTypes:1':
        return t('exchange.report.levels.exploitationCategory')
      case 'sex:1':
        return t('exchange.report.levels.sexMerged')
      default:
        return step.description
    }
  }

  return { quasiIdentifier, generalisation }
}
