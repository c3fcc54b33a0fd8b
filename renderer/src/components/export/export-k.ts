import { MAX_ANONYMITY_K } from '../../../../main/api/contract'
import type { Translate } from '../../forms/validation-message'

/**
 * The k typed for one export: a whole number from the organisation's k (never lower: main refuses
 * it) up to the contract's maximum. Returns the number, or the message to show.
 */
export function readK(text: string, organisationK: number, t: Translate): number | string {
  const trimmed = text.trim()
  if (trimmed === '') return t('validation.required')
  if (!/^\d+$/.test(trimmed)) return t('validation.wholeNumber')
  const k = Number(trimmed)
  if (k < organisationK) return t('exchange.export.k.tooSmall', { min: organisationK })
  if (k > MAX_ANONYMITY_K) return t('validation.atMost', { max: MAX_ANONYMITY_K })
  return k
}
