// Whether a backup continues this vault's history, or comes from a second copy of it (a laptop set
// up from an older backup, say) that has recorded its own work since they parted. The audit log is
// a hash chain (audit-log.ts): two copies agree on every entry up to where they parted and on none
// after, so the last entry they share is found by halving, a few dozen lookups on either side.
// The question before a restore (work-since.ts) then counts the work recorded here since that
// entry: for a backup from a second copy, the backup's own date would miss everything this vault
// recorded between the parting and the backup.
import type { VaultDatabase } from '../db/connection'

export interface AuditFork {
  /** When this vault recorded the last entry both share (null: none at all). */
  partedAt: string | null
}

interface Entry {
  id: number
  at: string
  hash: string
}

const lastEntryUpTo = (db: VaultDatabase, id: number): Entry | undefined =>
  db
    .prepare<[number], Entry>('SELECT id, at, hash FROM audit_log WHERE id <= ? ORDER BY id DESC LIMIT 1')
    .get(id)

const lastEntry = (db: VaultDatabase): Entry | undefined =>
  db.prepare<[], Entry>('SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1').get()

const same = (a: Entry | undefined, b: Entry | undefined) => !!a && !!b && a.id === b.id && a.hash === b.hash

/**
 * Null when the snapshot's whole log is a beginning of this vault's (the backup was made from this
 * vault's own past, or later from this very state): the backup's date then tells what it lacks.
 * Otherwise, where the two logs parted.
 */
export function auditFork(live: VaultDatabase, snapshot: VaultDatabase): AuditFork | null {
  const snapshotLast = lastEntry(snapshot)
  if (!snapshotLast) return null
  if (same(lastEntryUpTo(live, snapshotLast.id), snapshotLast)) return null
  // Agreement at an id means agreement at every id before it (each hash covers its predecessor).
  let agreed = 0
  let differs = snapshotLast.id
  while (differs - agreed > 1) {
    const middle = Math.floor((agreed + differs) / 2)
    if (same(lastEntryUpTo(live, middle), lastEntryUpTo(snapshot, middle))) agreed = middle
    else differs = middle
  }
  const shared = agreed > 0 ? lastEntryUpTo(live, agreed) : undefined
  return { partedAt: shared?.at ?? null }
}
