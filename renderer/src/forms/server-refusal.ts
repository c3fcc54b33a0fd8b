import { nextTick } from 'vue'
import { serverFieldErrors } from './htcds/server-issues'
import type { Translate } from './validation-message'

/**
 * Main refused fields the form's own checks let through (a date in the future, a service gone
 * from the directory): each is said at its field, and the cursor goes to the first. Only a
 * message over the whole form had been shown, and nothing said which of eleven fields was meant.
 */
export async function showServerRefusal(
  error: unknown,
  setErrors: (errors: Record<string, string>) => void,
  testid: string,
  t: Translate,
): Promise<void> {
  const errors = serverFieldErrors(error, t)
  if (Object.keys(errors).length === 0) return
  setErrors(errors)
  await nextTick()
  document.querySelector<HTMLElement>(`[data-testid="${testid}"] [aria-invalid="true"]`)?.focus()
}
