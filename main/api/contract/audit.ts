import { z } from 'zod'
import { method } from './method'

export interface AuditEntry {
  id: number
  at: string
  actor: string | null
  action: string
  /** What was acted on, by id (never survivor PII). */
  target: string | null
  details: Record<string, unknown> | null
}

export interface AuditVerification {
  ok: boolean
  checkedRows: number
  /** id of the first row whose hash or link does not match; null when the chain is intact. */
  firstBrokenId: number | null
}

export const listAuditInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  beforeId: z.number().int().positive().optional(),
  /** Only rows about this target, e.g. `case:42` (a case's history). */
  target: z
    .string()
    .regex(/^[a-z]+:\d+$/)
    .optional(),
})
export type ListAuditInput = z.input<typeof listAuditInput>

export const auditContract = {
  list: method(listAuditInput, ['admin', 'supervisor']).returns<AuditEntry[]>(),
  verify: method(z.undefined(), ['admin', 'supervisor']).returns<AuditVerification>(),
}
