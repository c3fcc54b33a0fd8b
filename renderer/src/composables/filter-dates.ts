import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { isRealIsoDate } from '../../../main/api/contract/dates'

/**
 * A list filter's dates: one that is not a real day ("2026-13-45") is not applied, and is said at
 * its field. Main had refused it with a message above the list that named no field, and the
 * case list's chip had shown a day nobody typed.
 */
export function useFilterDates<Key extends string>(
  keys: readonly Key[],
  apply: (key: Key, value: string | null) => void,
) {
  const { t } = useI18n()
  const errors = reactive(Object.fromEntries(keys.map((key) => [key, null]))) as Record<Key, string | null>
  function setDate(key: Key, value: string | undefined): void {
    const typed = value?.trim() || null
    if (typed !== null && !isRealIsoDate(typed)) {
      errors[key] = t('validation.date')
      return
    }
    errors[key] = null
    apply(key, typed)
  }
  return { errors, setDate }
}
