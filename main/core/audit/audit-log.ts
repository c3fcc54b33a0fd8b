import { createHash } from 'node:crypto'
import type { VaultDatabase } from '../db/connection'
import type { AuditEntry, AuditVerification } from '../../api/contract/audit'

export const GENESIS_HASH = '0'.repeat(64)

interface AuditRow {
  id: number
  at: string
  actor: string | null
  action: string
  target: string | null
  details: string | null
  prev_hash: string
  hash: string
}

export interface AuditEvent {
  actor: string | null
  action: string
  target?: string | null
  /** Ids, counts and codes only — never survivor PII. */
  details?: Record<string, unknown> | null
}

function rowHash(row: Omit<AuditRow, 'hash'>): string {
  // JSON array framing: no field can be shifted into its neighbour to forge the same hash.
  const canonical = JSON.stringify([
    row.id,
    row.at,
    row.actor,
    row.action,
    row.target,
    row.details,
    row.prev_hash,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

function rowToEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  }
}

export function createAuditLog(db: VaultDatabase, clock: () => Date) {
  const lastRow = db.prepare<[], Pick<AuditRow, 'id' | 'hash'>>(
    'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
  )
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, actor, action, target, details, prev_hash, hash) VALUES (@id, @at, @actor, @action, @target, @details, @prev_hash, @hash)',
  )
  const page = db.prepare<[number, number], AuditRow>(
    'SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?',
  )
  const targetPage = db.prepare<[string, number, number], AuditRow>(
    'SELECT * FROM audit_log WHERE target = ? AND id < ? ORDER BY id DESC LIMIT ?',
  )
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id')

  return {
    /** Appends one row; call inside the same transaction as the change it records. */
    append(event: AuditEvent): void {
      const previous = lastRow.get()
      const row = {
        id: (previous?.id ?? 0) + 1,
        at: clock().toISOString(),
        actor: event.actor,
        action: event.action,
        target: event.target ?? null,
        details: event.details ? JSON.stringify(event.details) : null,
        prev_hash: previous?.hash ?? GENESIS_HASH,
      }
      insert.run({ ...row, hash: rowHash(row) })
    },

    list(limit: number, beforeId?: number, target?: string): AuditEntry[] {
      const before = beforeId ?? Number.MAX_SAFE_INTEGER
      return (target ? targetPage.all(target, before, limit) : page.all(before, limit)).map(rowToEntry)
    },

    /** Walks the chain from the first row; reports the first row whose link or hash is wrong. */
    verify(): AuditVerification {
      let expectedPrev = GENESIS_HASH
      let expectedId = 1
      let checkedRows = 0
      for (const row of all.iterate()) {
        const { hash, ...rest } = row
        if (row.id !== expectedId || row.prev_hash !== expectedPrev || rowHash(rest) !== hash) {
          return { ok: false, checkedRows, firstBrokenId: row.id }
        }
        expectedPrev = hash
        expectedId += 1
        checkedRows += 1
      }
      return { ok: true, checkedRows, firstBrokenId: null }
    },
  }
}

export type AuditLog = ReturnType<typeof createAuditLog>
