import type { ErrorCode } from '../api/contract/errors'

/** The one exception type core throws; the API boundary turns it into { code, message, details }. */
export class CaseVaultError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'CaseVaultError'
    this.code = code
    this.details = details
  }
}

/** VALIDATION naming one field, in the shape zod's issues take at the API boundary. */
/** `code` names the rule for the screens' wording (forms/htcds/server-issues.ts); message is English, for logs. */
export function invalidField(path: string, message: string, code = 'custom'): CaseVaultError {
  return new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
    issues: [{ path, code, message }],
  })
}

export function isCaseVaultError(error: unknown): error is CaseVaultError {
  return error instanceof CaseVaultError
}
