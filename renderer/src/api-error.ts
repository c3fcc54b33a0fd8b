import type { ApiResult, ErrorCode } from '../../main/api/contract'

/** A failed API call, as the stores throw it: the closed `code` drives the message shown (errors.<CODE>). */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.details = details
  }
}

/** Returns the value of a successful result; turns `{ ok: false }` into a thrown ApiError. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value
  throw new ApiError(result.error.code, result.error.message, result.error.details)
}

/** Anything that is not an ApiError (a bug, a broken transport) is shown as INTERNAL. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'INTERNAL'
}

/** Seconds to wait before the next unlock attempt, when main says so in the error details. */
export function waitSecondsOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.details === undefined) return null
  const { retryAfterSeconds, retryAfterMs, waitMs } = error.details
  if (typeof retryAfterSeconds === 'number') return Math.max(1, Math.ceil(retryAfterSeconds))
  const ms = typeof retryAfterMs === 'number' ? retryAfterMs : typeof waitMs === 'number' ? waitMs : null
  return ms === null ? null : Math.max(1, Math.ceil(ms / 1000))
}
