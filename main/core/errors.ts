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

export function isCaseVaultError(error: unknown): error is CaseVaultError {
  return error instanceof CaseVaultError
}
