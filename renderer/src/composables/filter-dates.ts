import { reactive, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { isRealIsoDate } from '../../../main/api/contract/dates'

/**
 * A list filter's dates: one that is not a real day ("2026-13-45") is not applied, and is said at
 * its field. Main had refused it with a message above the list that named no field, and the
 * case list's chip had shown a day nobody typed.
 *
 * `filters` is the list's filters object: when it is replaced from elsewhere ("Clear all", a chip
 * removed), a refused date and its message go with the rest, and `inputKeys` tells its field to
 * drop the refused text (DateInput's resetKey: it holds that text itself, never the filter's value).
 */
export function useFilterDates<Key extends string>(
  keys: readonly Key[],
  apply: (key: Key, value: string | null) => void,
  filters: () => object,
) {
  const { t } = useI18n()
  const errors = reactive(Object.fromEntries(keys.map((key) => [key, null]))) as Record<Key, string | null>
  const inputKeys = reactive(Object.fromEntries(keys.map((key) => [key, 0]))) as Record<Key, number>
  let applying = false

  function setDate(key: Key, value: string | undefined): void {
    const typed = value?.trim() || null
    if (typed !== null && !isRealIsoDate(typed)) {
      errors[key] = t('validation.date')
      return
    }
    errors[key] = null
    applying = true
    apply(key, typed)
  }

  watch(filters, () => {
    if (applying) return void (applying = false)
    for (const key of keys) {
      if (errors[key] === null) continue
      errors[key] = null
      inputKeys[key] += 1
    }
  })

  /** A refused date waits in its field: the list's "clear" has something to clear. */
  const hasRefused = () => keys.some((key) => errors[key] !== null)

  return { errors, inputKeys, setDate, hasRefused }
}
