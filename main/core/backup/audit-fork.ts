// Whether a backup continues this vault's history, or comes from a second copy of it (a laptop set
// up from an older backup, say) that has recorded its own work since they parted. The audit log is
// a hash chain (audit-log.ts): two copies agree on every entry up to where they parted and on none
// after, so the last entry they share is found by halving, a few dozen lookups on either side.
// The question before a restore (work-since.ts) then counts the work recorded here since that
// entry: for a backup from a second copy, the backup's own date would miss everything this vault
// recorded between the parting and the backup. The entry's id also bounds the audit log's part of
// that count to the entries after it (read by primary key, never the whole log).
import type { VaultDatabase } from '../db/connection'

export interface SharedHistory {
  /**
   * The snapshot's whole log is a beginning of this vault's: the backup was made from this vault's
   * own past (or from this very state), so its date tells what it lacks.
   */
  continuesThis: boolean
  /** The last entry both logs hold (0: none); what this vault logged after it, the backup lacks. */
  lastSharedId: number
  /** When this vault recorded that entry (null: none shared). */
  lastSharedAt: string | null
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

export function sharedHistory(live: VaultDatabase, snapshot: VaultDatabase): SharedHistory {
  const snapshotLast = lastEntry(snapshot)
  if (!snapshotLast) return { continuesThis: true, lastSharedId: 0, lastSharedAt: null }
  const atSameId = lastEntryUpTo(live, snapshotLast.id)
  if (same(atSameId, snapshotLast))
    return { continuesThis: true, lastSharedId: snapshotLast.id, lastSharedAt: snapshotLast.at }
  // Agreement at an id means agreement at every id before it (each hash covers its predecessor).
  let agreed = 0
  let differs = snapshotLast.id
  while (differs - agreed > 1) {
    const middle = Math.floor((agreed + differs) / 2)
    if (same(lastEntryUpTo(live, middle), lastEntryUpTo(snapshot, middle))) agreed = middle
    else differs = middle
  }
  const shared = agreed > 0 ? lastEntryUpTo(live, agreed) : undefined
  return { continuesThis: false, lastSharedId: shared?.id ?? 0, lastSharedAt: shared?.at ?? null }
}
