import { ref, type Ref } from 'vue'
import { useErrorMessage } from '../../i18n/error-message'

interface Followups<R> {
  /** After main answered (the result is shown already): clear secrets, move to another screen… */
  done?: (result: R) => void | Promise<void>
  /** After a refusal (the message is shown already). */
  failed?: (error: unknown) => void | Promise<void>
}

/**
 * What every backup action on screen shares (make, check, restore, first-run restore): one at a
 * time, the secret read from its fields (nothing happens if they are not valid), the result or the
 * failure in the reader's language, and `working` for the progress bar and Cancel.
 */
export function useBackupAction<I, R>(
  act: (input: I) => Promise<R>,
  /** How a refusal reads (default: the usual message); backup files have their own words. */
  errorMessage: (error: unknown) => string = useErrorMessage(),
) {
  const working = ref(false)
  const failure = ref<string | null>(null)
  const result = ref(null) as Ref<R | null>

  async function run(read: () => Promise<I | null | undefined>, followups: Followups<R> = {}): Promise<void> {
    if (working.value) return
    const input = await read()
    if (!input) return
    failure.value = null
    result.value = null
    working.value = true
    try {
      result.value = await act(input)
      await followups.done?.(result.value)
    } catch (error) {
      failure.value = errorMessage(error)
      await followups.failed?.(error)
    } finally {
      working.value = false
    }
  }

  return { working, failure, result, run }
}
