// Closed set of error codes that cross the IPC boundary. The renderer shows a translated
// message per code (i18n key `errors.<CODE>`), never a raw exception text.
export const errorCodes = [
  'VALIDATION',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'WRONG_PASSPHRASE',
  'UNKNOWN_USER',
  'USER_DEACTIVATED',
  'TOO_MANY_ATTEMPTS',
  'BAD_RECOVERY_KEY',
  'NEEDS_RESET',
  'VAULT_EXISTS',
  'NO_VAULT',
  'CORRUPT_HEADER',
  'DB_MISSING',
  'DB_NOT_OURS',
  'DB_CORRUPT',
  'SCHEMA_TOO_NEW',
  'WEAK_PASSPHRASE',
  'BACKUP_DAMAGED',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'CANCELLED',
  'DISK_FULL',
  'FILE_NOT_ALLOWED',
  'FILE_IN_USE',
  'FILE_UNAVAILABLE',
  'FILE_NAME_TOO_LONG',
  'FILE_IN_VAULT_FOLDER',
  'OTHER_VAULT',
  'NEWER_WORK',
  'RESTORE_UNFINISHED',
  'VAULT_IN_USE',
  'UPGRADE_FAILED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ApiErrorPayload {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

/** Every IPC call resolves to one of these; nothing is thrown across the boundary. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload }
