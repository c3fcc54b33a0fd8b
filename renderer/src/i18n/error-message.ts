import { useI18n } from 'vue-i18n'
import { ApiError, errorCodeOf, waitSecondsOf } from '../api-error'

const alreadyRunning = {
  backup: 'errorDetails.alreadyRunning.backup',
  verify: 'errorDetails.alreadyRunning.verify',
  restore: 'errorDetails.alreadyRunning.restore',
  export: 'errorDetails.alreadyRunning.export',
  import: 'errorDetails.alreadyRunning.import',
} as const

const backupWaitedFor = {
  export: 'errorDetails.backupWaitedFor.export',
  otherTask: 'errorDetails.backupWaitedFor.otherTask',
} as const

/**
 * CONFLICT covers several refusals; main's details say which. The usual text spoke of a username
 * taken, which a caseworker closing a case a colleague had just saved could make nothing of.
 */
function conflictMessage(error: unknown): string | null {
  const details = error instanceof ApiError ? error.details : undefined
  if (!details) return null
  if (details.stale === true) return 'errorDetails.conflict.stale'
  if (typeof details.referralsOfOtherCases === 'number') return 'errorDetails.conflict.screeningUsedElsewhere'
  if (typeof details.referralsOfService === 'number') return 'errorDetails.conflict.serviceHasReferrals'
  if (details.ownAccount === true) return 'errorDetails.conflict.ownAccount'
  if (details.field === 'username') return 'errorDetails.conflict.usernameTaken'
  return null
}

/** Turns a thrown error into the sentence a person reads: errors.<CODE>, plus how long to wait if known. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n()
  return (error) => {
    const code = errorCodeOf(error)
    // A backup opened with the wrong kind of secret (main says which kind it needs).
    const needs = error instanceof ApiError ? error.details?.needs : undefined
    if (code === 'WRONG_PASSPHRASE' && (needs === 'privateKey' || needs === 'passphrase'))
      return t(`errorDetails.backupNeeds.${needs}`)
    // A backup that waited in vain for the vault's other readers: "a backup is already being made"
    // sent an admin whose export was running looking for a backup that did not exist.
    if (code === 'CONFLICT' && error instanceof ApiError && error.details?.readersBusy === true)
      return t(error.details.operation === 'export' ? backupWaitedFor.export : backupWaitedFor.otherTask)
    // One of each long operation at a time: main names the one already running (operations.ts).
    // "This clashes with something that already exists" spoke of usernames.
    const running = code === 'CONFLICT' && error instanceof ApiError ? error.details?.operation : undefined
    if (typeof running === 'string' && running in alreadyRunning)
      return t(alreadyRunning[running as keyof typeof alreadyRunning])
    const conflict = code === 'CONFLICT' ? conflictMessage(error) : null
    if (conflict) return t(conflict)
    // FORBIDDEN is also said of another caseworker's case or screening: "your role does not allow
    // this" sent a caseworker to ask for a role change when what she needed was the case.
    if (code === 'FORBIDDEN' && error instanceof ApiError && error.details?.reason === 'not_assigned')
      return t('errorDetails.notAssigned')
    const message = t(`errors.${code}`)
    const seconds = code === 'TOO_MANY_ATTEMPTS' ? waitSecondsOf(error) : null
    return seconds === null ? message : `${message} ${t('errorDetails.waitSeconds', { seconds }, seconds)}`
  }
}
