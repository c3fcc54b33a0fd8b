import { useI18n } from 'vue-i18n'
import { caseColumnTargets, type ImportFormat } from '../../../../main/api/contract'
import { fieldByName, htcds } from '../../../../main/api/contract/htcds'
import { useHtcdsText } from '../../forms/htcds/labels'

export interface TargetOption {
  value: string
  label: string
}
export interface TargetGroup {
  label: string
  options: TargetOption[]
}

const sectionOfField = new Map(
  htcds.sections.flatMap((section) => section.fields.map((field) => [field.name, section.id] as const)),
)
const CASE_COLUMNS = new Set<string>(caseColumnTargets)

/**
 * Main's list of targets for a format, grouped for the mapping's drop-downs: CaseVault's case
 * columns, then the HTCDS fields by section, each as "label (field name)" so people who know the
 * standard's names find them. CTDC targets are CTDC's own column names.
 */
export function useMappingTargets() {
  const { t } = useI18n()
  const { fieldLabel } = useHtcdsText()

  function caseColumnLabel(column: string): string {
    switch (column) {
      case 'caseNumber':
        return t('exchange.import.caseColumns.caseNumber')
      case 'status':
        return t('exchange.import.caseColumns.status')
      case 'intakeDate':
        return t('exchange.import.caseColumns.intakeDate')
      case 'assignedTo':
        return t('exchange.import.caseColumns.assignedTo')
      case 'closureReason':
        return t('exchange.import.caseColumns.closureReason')
      case 'survivorAliases':
        return t('exchange.import.caseColumns.survivorAliases')
      case 'isTraining':
        return t('exchange.import.caseColumns.isTraining')
      case 'publicData':
        return t('exchange.import.caseColumns.publicData')
      case 'sourceRecord':
        return t('exchange.import.caseColumns.sourceRecord')
      default:
        return column
    }
  }

  function groupLabel(section: string): string {
    switch (section) {
      case 'case':
        return t('exchange.import.groups.case')
      case 'person':
        return t('exchange.import.groups.person')
      case 'victim':
        return t('exchange.import.groups.victim')
      case 'historicEvent':
        return t('exchange.import.groups.historicEvent')
      default:
        return htcds.sections.find((entry) => entry.id === section)?.label ?? section
    }
  }

  function targetLabel(target: string): string {
    if (CASE_COLUMNS.has(target)) return caseColumnLabel(target)
    return fieldByName(target) ? `${fieldLabel(target)} (${target})` : target
  }

  function groups(format: ImportFormat, targets: readonly string[]): TargetGroup[] {
    if (format === 'ctdc-csv') {
      return [
        {
          label: t('exchange.import.groups.ctdc'),
          options: targets.map((value) => ({ value, label: value })),
        },
      ]
    }
    const bySection = new Map<string, TargetOption[]>()
    for (const value of targets) {
      const section = CASE_COLUMNS.has(value) ? 'case' : (sectionOfField.get(value) ?? 'other')
      bySection.set(section, [...(bySection.get(section) ?? []), { value, label: targetLabel(value) }])
    }
    return [...bySection].map(([section, options]) => ({ label: groupLabel(section), options }))
  }

  return { groups, targetLabel }
}
