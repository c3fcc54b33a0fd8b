import { useI18n } from 'vue-i18n'
import { errorCodeOf, waitSecondsOf } from '../api-error'

/** Turns a thrown error into the sentence a person reads: errors.<CODE>, plus how long to wait if known. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n()
  return (error) => {
    const code = errorCodeOf(error)
    const message = t(`errors.${code}`)
    const seconds = code === 'TOO_MANY_ATTEMPTS' ? waitSecondsOf(error) : null
    return seconds === null ? message : `${message} ${t('errorDetails.waitSeconds', { seconds }, seconds)}`
  }
}
