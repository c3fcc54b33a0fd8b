import { useI18n } from 'vue-i18n'
import {
  DEIDENTIFIED_FORMATS,
  EXPORT_ROLES,
  exportFormats,
  type ExportFormat,
  type Role,
} from '../../../../main/api/contract'

/** The formats a role may produce, in the contract's order (analysts: de-identified only). */
export function formatsFor(role: Role | undefined): ExportFormat[] {
  return role ? exportFormats.filter((format) => EXPORT_ROLES[format].includes(role)) : []
}

export function isDeidentified(format: ExportFormat): boolean {
  return DEIDENTIFIED_FORMATS.includes(format)
}

/** A format's name and its one-line explanation. Literal keys so the i18n test checks each. */
export function useExportFormatText(): (format: ExportFormat) => { name: string; about: string } {
  const { t } = useI18n()
  return (format) => {
    switch (format) {
      case 'htcds-json':
        return {
          name: t('exchange.export.formats.htcdsJson'),
          about: t('exchange.export.formats.htcdsJsonAbout'),
        }
      case 'htcds-csv':
        return {
          name: t('exchange.export.formats.htcdsCsv'),
          about: t('exchange.export.formats.htcdsCsvAbout'),
        }
      case 'deidentified-csv':
        return {
          name: t('exchange.export.formats.deidentifiedCsv'),
          about: t('exchange.export.formats.deidentifiedCsvAbout'),
        }
      case 'ctdc-csv':
        return {
          name: t('exchange.export.formats.ctdcCsv'),
          about: t('exchange.export.formats.ctdcCsvAbout'),
        }
      case 'aggregates-csv':
        return {
          name: t('exchange.export.formats.aggregatesCsv'),
          about: t('exchange.export.formats.aggregatesCsvAbout'),
        }
    }
  }
}
