import { randomUUID } from 'node:crypto'
import { CaseVaultError } from '../errors'
import { calibrateKdf, type KdfParams } from './kdf'
import { unwrapDatabaseKey, wrapDatabaseKey, type KeySlot } from './key-slot'
import { findSlot, newHeader, readHeader, withSlot, writeHeader, type VaultHeader } from './vault-header'
import type { VaultSession } from './vault-session'

// The key slots in vault.json, changed with the database key that is open: a user's slot is
// written (new user, passphrase change or reset, recovery), emptied (deactivation) or tried.

export interface SlotWrite {
  dataDir: string
  session: VaultSession
  databaseKey: Buffer
  now: Date
  /** Argon2id parameters if vault.json must be rebuilt; omitted: calibrated on this machine. */
  kdf?: KdfParams
  /**
   * Only the recovery-key unlock may replace a vault.json it cannot read (lost or damaged: that
   * is what the user chose recovery for). Any other write refuses it: a reset that rebuilt a
   * header written by a newer CaseVault dropped every other user's slot.
   */
  rebuildUnreadableHeader?: boolean
  /** The least Argon2id cost of a new slot (the app's floor; tests pass none). */
  floor?: KdfParams
  /** Whether the session that asked is still open once the slot is made (Argon2 takes a while). */
  stillOpen?: () => boolean
}

/** A user's new slot, made (Argon2 done) and not yet written: see commitUserSlot. */
export interface PreparedSlot {
  write: SlotWrite
  slot: KeySlot
  header: VaultHeader
  rebuilt: boolean
}

/**
 * Adds or replaces a user's slot, wrapping the open database key with their passphrase: its slow
 * half (Argon2), which writes nothing: a caller can then do its own
 * writes and commitUserSlot in one synchronous stretch, which no lock can cut in two.
 */
export async function prepareUserSlot(
  write: SlotWrite,
  username: string,
  passphrase: string,
): Promise<PreparedSlot> {
  const { header, rebuilt } = await headerOrRebuild(write)
  // vault.json is not authenticated: parameters lowered in it must not make a new slot cheap to guess.
  const floor = write.floor
  const kdf = {
    memoryKiB: Math.max(header.kdf.memoryKiB, floor?.memoryKiB ?? 0),
    iterations: Math.max(header.kdf.iterations, floor?.iterations ?? 0),
    parallelism: Math.max(header.kdf.parallelism, floor?.parallelism ?? 0),
  }
  // A copy: a lock during Argon2 wipes the session's key in place, and the slot then wrapped 32
  // zero bytes, locking the user out for good (found by a reviewing helper).
  const databaseKey = Buffer.from(write.databaseKey)
  try {
    const slot = await wrapDatabaseKey(header.vaultId, username, passphrase, databaseKey, kdf, write.now)
    return { write, slot, header, rebuilt }
  } finally {
    databaseKey.fill(0)
  }
}

/** Writes a prepared slot into vault.json, unless the vault was locked or the user deactivated. */
export function commitUserSlot({ write, slot, header, rebuilt }: PreparedSlot): void {
  // Locked meanwhile: nothing is written, so the change is never in vault.json without its audit row.
  if (write.stillOpen && !write.stillOpen()) throw new CaseVaultError('LOCKED', 'The vault was locked.')
  // Read again after Argon2: another slot written meanwhile (two users created at once) was lost
  // when the copy read before the wait was written back.
  const current = rebuilt ? header : readHeader(write.dataDir)
  if (current.vaultId !== header.vaultId)
    throw new CaseVaultError('CONFLICT', 'vault.json was replaced meanwhile. Nothing was changed.')
  // Deactivated meanwhile (a reset racing a deactivation, here or in another program): writing
  // would give a dismissed user key material again.
  if (findSlot(current, slot.username)?.status === 'deactivated')
    throw new CaseVaultError('CONFLICT', 'This user was deactivated meanwhile. Nothing was changed.')
  writeHeader(write.dataDir, withSlot(current, slot))
}

/** Removes a user's key material; the name stays so their unlock attempt gets a clear message. */
export function deactivateUserSlot(dataDir: string, username: string, now: Date): void {
  const header = readHeader(dataDir)
  const slot = findSlot(header, username)
  if (!slot) return
  writeHeader(
    dataDir,
    withSlot(header, { ...slot, status: 'deactivated', wrappedKey: '', updatedAt: now.toISOString() }),
  )
}

/** Whether a passphrase opens a user's active slot; changes nothing. */
export async function passphraseOpensSlot(
  dataDir: string,
  username: string,
  passphrase: string,
): Promise<boolean> {
  const header = readHeader(dataDir)
  const slot = findSlot(header, username)
  if (!slot || slot.status !== 'active') return false
  const key = await unwrapDatabaseKey(header.vaultId, slot, passphrase)
  key?.fill(0)
  return key !== null
}

async function headerOrRebuild(write: SlotWrite): Promise<{ header: VaultHeader; rebuilt: boolean }> {
  try {
    return { header: readHeader(write.dataDir), rebuilt: false }
  } catch (error) {
    if (!(error instanceof CaseVaultError) || !['NO_VAULT', 'CORRUPT_HEADER'].includes(error.code))
      throw error
    if (!write.rebuildUnreadableHeader) throw error
    // Recovery after vault.json was lost: a new header; other users need a passphrase reset.
    // The vault keeps its id (kept in the database too): a new one made the organisation's own
    // backups "of another vault" when the admin then came to restore one.
    const { settings, users, user } = write.session
    const header = newHeader({
      vaultId: settings.vaultId() ?? randomUUID(),
      organisation: settings.organisation() ?? 'CaseVault',
      kdf: write.kdf ?? (await calibrateKdf()).params,
      now: write.now,
      slots: [],
    })
    const awaitingReset = users
      .list()
      .filter((each) => each.active && each.id !== user.id)
      .map((each) => each.username)
    return { header: { ...header, awaitingReset }, rebuilt: true }
  }
}
