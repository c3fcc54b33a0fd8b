// A consistent snapshot of the live vault database read straight from its file, as it is on
// disk (still SQLCipher-encrypted with the vault's key): nothing is decrypted or re-encrypted, so
// a 600 MB vault is read at disk speed instead of being rebuilt page by page (VACUUM INTO took
// ~13 s at 100k cases). Why the bytes stay consistent while the app keeps writing: after a full
// checkpoint the database file alone holds every committed page, and a second connection then
// holds a read transaction on exactly that state. In WAL mode new writes go to the -wal file, and
// SQLite never copies WAL pages back into the database file past the snapshot of an open reader
// (that is what keeps the reader's view intact), so the file cannot change until we let go.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { resolve } from 'node:path'
import { CaseVaultError } from '../errors'
import { openEncryptedDatabase, type VaultDatabase } from '../db/connection'

export interface LiveSnapshot {
  /** A connection reading the snapshot: counts and schema version come from the same state. */
  db: VaultDatabase
  size: number
  /** The file's bytes up to the snapshot's size, read in 1 MiB pieces. */
  read(): AsyncIterable<Uint8Array>
  /** Ends the read transaction and closes the connection; safe to call twice. */
  release(): void
}

interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
}

/** How long a backup waits for other readers (an export's worker threads) to let the WAL go. */
const READERS_WAIT_MS = 5_000
const RETRY_EVERY_MS = 100

function checkpointNow(live: VaultDatabase): boolean {
  // Busy at once rather than after the connection's 5 s wait: that wait would hold up main (and
  // with it every window) while the readers finish; the retries below wait between turns instead.
  const busyTimeout = live.pragma('busy_timeout', { simple: true }) as number
  live.pragma('busy_timeout = 0')
  try {
    const [checkpoint] = live.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[]
    return !!checkpoint && checkpoint.busy === 0 && checkpoint.log === 0
  } finally {
    live.pragma(`busy_timeout = ${busyTimeout}`)
  }
}

/**
 * Snapshots this process holds open, by database file: a backup that finds one is refused at once
 * as "another backup" (which it then truly is), rather than waiting for a backup that may take
 * minutes. Other readers (an export's) are waited for.
 */
const heldSnapshots = new Map<string, number>()

function holdSnapshot(path: string): () => void {
  heldSnapshots.set(path, (heldSnapshots.get(path) ?? 0) + 1)
  return () => {
    const left = (heldSnapshots.get(path) ?? 1) - 1
    if (left > 0) heldSnapshots.set(path, left)
    else heldSnapshots.delete(path)
  }
}

export interface SnapshotOptions {
  /** Stops the wait for other readers. */
  signal?: AbortSignal
  /**
   * Runs in the same synchronous stretch as the read transaction's start, so what it reads (the
   * backup's vault.json) is of the same moment as the snapshot: no write of the app's lands between.
   */
  atSnapshot?: () => void
}

export async function openLiveSnapshot(
  live: VaultDatabase,
  path: string,
  databaseKey: Buffer,
  options: SnapshotOptions = {},
): Promise<LiveSnapshot> {
  // Other readers (an export's worker threads, each in a read transaction; another backup) hold
  // the WAL and the full checkpoint is busy: wait a few seconds for them before refusing. Taking
  // every busy checkpoint for "another backup" told an admin whose export was running that a
  // backup was being made, and made none.
  const deadline = performance.now() + READERS_WAIT_MS
  for (;;) {
    if (heldSnapshots.has(resolve(path)))
      throw new CaseVaultError('CONFLICT', 'Another backup is being made. Try again when it has finished.', {
        operation: 'backup',
      })
    if (checkpointNow(live)) break
    if (performance.now() >= deadline)
      throw new CaseVaultError(
        'CONFLICT',
        'The vault is being read for another task (an export, or another backup). Try again when it has finished.',
        { readersBusy: true },
      )
    await delay(RETRY_EVERY_MS, undefined, options.signal ? { signal: options.signal } : {})
  }
  // No await between the checkpoint and the read transaction: nothing can write in between.
  const db = openEncryptedDatabase(path, databaseKey, { create: false })
  const letGo = holdSnapshot(resolve(path))
  let open = true
  const release = () => {
    if (!open) return
    open = false
    letGo()
    if (db.inTransaction) db.prepare('ROLLBACK').run()
    db.close()
  }
  try {
    db.prepare('BEGIN').run()
    db.prepare('SELECT count(*) FROM sqlite_master').get() // the read transaction starts here
    options.atSnapshot?.()
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const pageCount = db.pragma('page_count', { simple: true }) as number
    const size = pageSize * pageCount
    const onDisk = (await stat(path)).size
    if (onDisk < size) {
      throw new CaseVaultError('DB_CORRUPT', 'The database file is shorter than its own page count.', {
        onDisk,
        size,
      })
    }
    return {
      db,
      size,
      read: () => createReadStream(path, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 }),
      release,
    }
  } catch (error) {
    release()
    throw error
  }
}
