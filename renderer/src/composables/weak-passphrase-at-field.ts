import { nextTick, ref, watch, type Ref } from 'vue'
import { errorCodeOf } from '../api-error'

/**
 * Main's "too easy to guess" said at the new-passphrase field (marked invalid, the message tied to
 * it, the cursor put there), until the passphrase changes. Said only at the foot of the form, a
 * keyboard or screen-reader user had to find the field again to retype it.
 */
export function useWeakPassphraseAtField(
  fieldId: string,
  passphrase: Ref<string | undefined>,
  /** The form's own message at its foot: its copy of the refusal goes too when the field changes. */
  failure: Ref<string | null>,
) {
  const refusal = ref<string | null>(null)
  watch(passphrase, () => {
    if (refusal.value !== null && failure.value === refusal.value) failure.value = null
    refusal.value = null
  })
  /** Whether the error was that refusal (then said at the field, with `message`). */
  async function sayIfWeak(error: unknown, message: string): Promise<boolean> {
    if (errorCodeOf(error) !== 'WEAK_PASSPHRASE') return false
    refusal.value = message
    await nextTick()
    document.getElementById(fieldId)?.focus()
    return true
  }
  return { refusal, sayIfWeak }
}
