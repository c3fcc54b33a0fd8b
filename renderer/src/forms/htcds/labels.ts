import { useI18n } from 'vue-i18n'
import {
  codeLabel as englishCodeLabel,
  codesOf,
  fieldByName,
  type HtcdsField,
} from '../../../../main/api/contract/htcds'
import { isEmptyValue } from './fields'
import { useFormat } from '../../i18n/format'

export interface CodeOption {
  code: string
  label: string
}

const displayNames = new Map<string, Intl.DisplayNames | null>()

/** Country and language names in the reader's language, from the browser's own CLDR data. */
function namesFor(locale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${locale}:${type}`
  if (!displayNames.has(key)) {
    try {
      displayNames.set(key, new Intl.DisplayNames([locale], { type, fallback: 'none' }))
    } catch {
      displayNames.set(key, null)
    }
  }
  return displayNames.get(key) ?? null
}

function localisedIsoName(locale: string, list: string, code: string): string | undefined {
  const type = list === 'iso3166' ? 'region' : list === 'iso639' ? 'language' : null
  if (!type) return undefined
  try {
    return namesFor(locale, type)?.of(code) ?? undefined
  } catch {
    return undefined
  }
}

const optionCache = new Map<string, CodeOption[]>()

/**
 * Labels for HTCDS fields and codes in the reader's language: a translation in the messages
 * (htcds.fields.<name>, htcds.codes.<list>.<code>) when there is one, then the browser's names for
 * countries and languages, then the standard's English label.
 */
export function useHtcdsText() {
  const { t, te, locale } = useI18n()
  const { calendarDate } = useFormat()

  function fieldLabel(name: string): string {
    const key = `htcds.fields.${name}`
    return te(key) ? t(key) : (fieldByName(name)?.label ?? name)
  }

  function fieldHelp(name: string): string {
    const key = `htcds.help.${name}`
    return te(key) ? t(key) : (fieldByName(name)?.description ?? '')
  }

  function codeText(list: string, code: string): string {
    const key = `htcds.codes.${list}.${code}`
    if (te(key)) return t(key)
    return localisedIsoName(locale.value, list, code) ?? englishCodeLabel(list, code) ?? code
  }

  /** A code list's options; countries and languages sorted by their name in the reader's language. */
  function codeOptions(list: string): CodeOption[] {
    const cacheKey = `${locale.value}:${list}`
    const cached = optionCache.get(cacheKey)
    if (cached) return cached
    const options = codesOf(list).map((entry) => ({ code: entry.code, label: codeText(list, entry.code) }))
    if (list === 'iso3166' || list === 'iso639') {
      const collator = new Intl.Collator(locale.value)
      options.sort((a, b) => collator.compare(a.label, b.label))
    }
    optionCache.set(cacheKey, options)
    return options
  }

  /** A stored value as a person reads it; '' when nothing is recorded. */
  function displayValue(field: HtcdsField, value: unknown): string {
    if (isEmptyValue(value)) return ''
    const list = field.codeList ?? field.name
    switch (field.type) {
      case 'picklist':
        return codeText(list, String(value))
      case 'multiPicklist':
        return Array.isArray(value) ? value.map((code) => codeText(list, String(code))).join(', ') : ''
      case 'checkbox':
        return value === true ? t('common.yes') : t('common.no')
      case 'date':
        return calendarDate(String(value))
      default:
        return String(value)
    }
  }

  return { fieldLabel, fieldHelp, codeText, codeOptions, displayValue }
}
