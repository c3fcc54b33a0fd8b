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

/**
 * Main refused a change made from an older copy (CONFLICT with details.stale): someone saved the
 * same thing first. The screens then read it again, so the next try starts from what was saved.
 */
export function isStaleRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT' && error.details?.stale === true
}

/** Seconds to wait before the next unlock attempt, when main says so (TOO_MANY_ATTEMPTS details). */
export function waitSecondsOf(error: unknown): number | null {
  const seconds = error instanceof ApiError ? error.details?.retryAfterSeconds : undefined
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : null
}

/** The field main's refusal names (details.field: a username taken, a value out of range), if any. */
export function fieldOf(error: unknown): string | null {
  const field = error instanceof ApiError ? error.details?.field : undefined
  return typeof field === 'string' ? field : null
}
