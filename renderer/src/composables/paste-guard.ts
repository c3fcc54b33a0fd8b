import { onBeforeUnmount, onMounted } from 'vue'
import { useI18n } from 'vue-i18n'
import { useToast } from 'primevue/usetoast'
import { useFormat } from '../i18n/format'

// A text field with a `maxlength` cuts a longer paste at that length, without a word: the end of
// pasted interview notes was lost that way. So a paste that would not fit is refused whole, with
// a message; the clipboard still holds it, to be shortened or split. Typing is limited as before.

interface TextFieldState {
  value: string
  selectionStart: number | null
  selectionEnd: number | null
}

/**
 * The field's length with `pasted` in place of its selection; line ends as a text field keeps them.
 * Trailing white space is not counted: where only that does not fit, the browser's cut loses
 * nothing ("2025 " copied from a spreadsheet into a year field).
 */
export function lengthAfterPaste(field: TextFieldState, pasted: string): number {
  const selected = (field.selectionEnd ?? field.value.length) - (field.selectionStart ?? field.value.length)
  return field.value.length - selected + pasted.replace(/\r\n?/g, '\n').trimEnd().length
}

/** Installs the check for every text field of the app (once, in App.vue). */
export function usePasteGuard(): void {
  const { t } = useI18n()
  const { count } = useFormat()
  const toast = useToast()

  function onPaste(event: ClipboardEvent): void {
    const field = event.target
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return
    const max = field.maxLength // -1 where the field has no maxlength
    const pasted = event.clipboardData?.getData('text/plain') ?? ''
    if (max < 0 || pasted === '') return
    const length = lengthAfterPaste(field, pasted)
    if (length <= max) return
    event.preventDefault()
    toast.add({
      severity: 'warn',
      summary: t('paste.tooLong', { max: count(max), length: count(length) }),
      life: 15000,
    })
  }

  onMounted(() => document.addEventListener('paste', onPaste, true))
  onBeforeUnmount(() => document.removeEventListener('paste', onPaste, true))
}
