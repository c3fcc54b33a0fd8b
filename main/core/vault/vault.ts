import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { CaseVaultError } from '../errors'
import type { VaultDatabase } from '../db/connection'
import { atLeastFloor, calibrateKdf, KDF_FLOOR, type KdfParams } from './kdf'
import { unwrapDatabaseKey } from './key-slot'
import {
  commitUserSlot,
  deactivateUserSlot,
  passphraseOpensSlot,
  prepareUserSlot,
  type PreparedSlot,
} from './vault-slots'
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key'
import { UnlockThrottle } from './unlock-throttle'
import { DamagedVaultProof } from './damaged-vault-proof'
import { assertStrongAccountPassphrase } from '../backup/passphrase-strength'
import { openVaultDatabase } from './open-vault-database'
import { openSession, type VaultSession } from './vault-session'
import { assertNoSwapPending, finishInterruptedSwap } from '../backup/swap-journal'
import { databasePath, findSlot, headerExists, isAwaitingReset, readHeader } from './vault-header'
import { clearInUse, markInUse } from './in-use-marker'
import { auditUnlock, auditWrongOwnPassphrase } from './unlock-audit'
import { writeNewVaultFiles, type NewVault } from './new-vault-files'
import type { VaultLockedReason } from '../../api/contract'

interface SlotOptions {
  displayName?: string | undefined
  rebuildUnreadableHeader?: boolean
}
export interface VaultOptions {
  dataDir: string
  /** Argon2id parameters for new slots. Omitted: calibrated to ≥ 0.5 s, never below the floor. */
  kdf?: KdfParams
  /** Lets tests use cheap parameters; the app and CLI never set it. */
  allowKdfBelowFloor?: boolean
  clock?: () => Date
  /** See INTEGRITY_WORKER_FROM_BYTES; tests set 0 to check on the worker. */
  integrityWorkerFromBytes?: number
}

export type { NewVault } from './new-vault-files'

/**
 * The vault: one data folder with vault.json (key slots) and casevault.db (SQLCipher 4).
 * Holds the database key only while unlocked, in a Buffer wiped on lock.
 */
export class Vault {
  private current: { session: VaultSession; databaseKey: Buffer } | null = null
  private busy = false
  /** A lock asked for while an unlock was checking the database (e.g. the machine suspended). */
  private lockWhileOpening: VaultLockedReason | null = null
  private readonly clock: () => Date
  private readonly throttle: UnlockThrottle
  private verifying = false
  private readonly damaged: DamagedVaultProof
  private readonly lockListeners = new Set<(reason: VaultLockedReason) => void>()

  constructor(private readonly options: VaultOptions) {
    this.clock = options.clock ?? (() => new Date())
    this.throttle = new UnlockThrottle(() => this.clock().getTime(), this.dataDir)
    this.damaged = new DamagedVaultProof(this.clock)
    if (options.kdf && !options.allowKdfBelowFloor && !atLeastFloor(options.kdf)) {
      throw new Error('Argon2 parameters below the floor (64 MiB, t=3, p=1)')
    }
    // A restore whose folder swap the power cut in half is completed (or undone) before anything
    // looks at the folder: otherwise it would seem to hold no vault.
    finishInterruptedSwap(options.dataDir)
  }

  get dataDir(): string {
    return this.options.dataDir
  }

  exists(): boolean {
    return headerExists(this.dataDir) || existsSync(databasePath(this.dataDir))
  }

  session(): VaultSession | null {
    return this.current?.session ?? null
  }

  requireSession(): VaultSession {
    const session = this.session()
    if (!session) throw new CaseVaultError('LOCKED', 'The vault is locked.')
    return session
  }

  /** See DamagedVaultProof; never while a session is open. */
  damagedVaultProvenBy(): string | null {
    return this.current ? null : this.damaged.provenBy()
  }

  forgetDamagedVaultProof(): void {
    this.damaged.forget()
  }

  /** Organisation name for the unlock screen; null when vault.json is absent or unreadable. */
  organisation(): string | null {
    try {
      return readHeader(this.dataDir).organisation
    } catch {
      return null
    }
  }

  onLocked(listener: (reason: VaultLockedReason) => void): () => void {
    this.lockListeners.add(listener)
    return () => this.lockListeners.delete(listener)
  }

  async create(input: NewVault): Promise<{ recoveryKey: string; session: VaultSession }> {
    assertNoSwapPending(this.dataDir)
    if (this.exists()) throw new CaseVaultError('VAULT_EXISTS', 'A vault already exists in this folder.')
    assertStrongAccountPassphrase(input.passphrase, [input.username, input.displayName, input.organisation])
    return this.exclusive(async () => {
      mkdirSync(this.dataDir, { recursive: true, mode: 0o700 })
      const kdf = this.options.kdf ?? (await calibrateKdf()).params
      const databaseKey = randomBytes(32)
      try {
        const { db, admin } = await writeNewVaultFiles(this.dataDir, input, databaseKey, kdf, this.clock)
        const session = openSession(db, admin, this.clock)
        this.current = { session, databaseKey }
        markInUse(this.dataDir)
        return { recoveryKey: formatRecoveryKey(databaseKey), session }
      } catch (error) {
        databaseKey.fill(0)
        throw error
      }
    })
  }

  async unlock(username: string, passphrase: string): Promise<VaultSession> {
    return this.exclusive(async () => {
      this.lockOpenSession()
      const header = readHeader(this.dataDir)
      const slot = findSlot(header, username)
      if (!slot && isAwaitingReset(header, username))
        throw new CaseVaultError('NEEDS_RESET', 'This user’s passphrase must be reset by an administrator.')
      if (!slot) throw new CaseVaultError('UNKNOWN_USER', 'There is no user with this name in this vault.')
      if (slot.status === 'deactivated') {
        this.throttle.recordDeactivatedAttempt(slot.username)
        throw new CaseVaultError('USER_DEACTIVATED', 'This user has been deactivated. Ask an administrator.')
      }
      this.refuseWhileThrottled()
      const databaseKey = await unwrapDatabaseKey(header.vaultId, slot, passphrase)
      if (!databaseKey) {
        this.throttle.recordFailure(slot.username)
        throw new CaseVaultError('WRONG_PASSPHRASE', 'The passphrase is not correct.', {
          retryAfterSeconds: Math.ceil(this.throttle.waitMs() / 1000),
        })
      }
      let session: VaultSession
      try {
        session = await this.openWithKey(databaseKey, username, 'session.unlocked')
      } catch (error) {
        this.damaged.noteUnlock(slot.username, error)
        throw error
      }
      this.damaged.noteUnlock(slot.username, null)
      // Vaults made before the id was kept in the database learn it here (see headerOrRebuild).
      if (session.settings.vaultId() === null) session.settings.saveVaultId(header.vaultId)
      return session
    })
  }

  /**
   * Forgotten passphrase: the recovery key opens the database, and the user gets a new slot.
   * Works even if vault.json is lost or damaged: a new header is written with this user's slot.
   */
  async unlockWithRecoveryKey(
    recoveryKey: string,
    username: string,
    newPassphrase: string,
  ): Promise<VaultSession> {
    return this.exclusive(async () => {
      this.lockOpenSession()
      this.refuseWhileThrottled()
      const databaseKey = parseRecoveryKey(recoveryKey)
      // Judged before the vault opens, with the words known then (the display name is checked once
      // open): a refusal after opening had locked the vault again, and the lock sent the window
      // away from the key typed from paper, to an unlock screen that never said why.
      try {
        assertStrongAccountPassphrase(
          newPassphrase,
          [username, this.organisation()].filter((w) => !!w) as string[],
        )
      } catch (error) {
        databaseKey.fill(0)
        throw error
      }
      let session: VaultSession
      try {
        session = await this.openWithKey(databaseKey, username, 'session.unlocked_with_recovery_key')
      } catch (error) {
        if (error instanceof CaseVaultError && error.code === 'DB_NOT_OURS') {
          this.throttle.recordFailure()
          throw new CaseVaultError('BAD_RECOVERY_KEY', 'This recovery key does not open this vault.', {
            reason: 'other_vault',
          })
        }
        throw error
      }
      try {
        await this.writeSlot(username, newPassphrase, { rebuildUnreadableHeader: true })
      } catch (error) {
        // Closed as a lock is, but without telling the window: the person stays on the recovery
        // screen, with the key as typed, and reads why.
        this.closeSession('user')
        throw error
      }
      return session
    })
  }

  /** Adds or replaces a user's slot with the open database key (reset, change, recovery). */
  async writeSlot(
    username: string,
    passphrase: string,
    { rebuildUnreadableHeader = false } = {},
  ): Promise<void> {
    const displayName = this.current?.session.users.findByUsername(username)?.displayName
    commitUserSlot(await this.prepareSlot(username, passphrase, { displayName, rebuildUnreadableHeader }))
  }

  /**
   * A user's new slot, made but not written (Argon2 takes a while): commitSlot writes it. The
   * passphrase may not be the user's own name, username or the organisation's (all known to
   * anyone who knows the shelter, and tried first against a copied vault.json).
   */
  async prepareSlot(
    username: string,
    passphrase: string,
    { displayName, rebuildUnreadableHeader = false }: SlotOptions,
  ): Promise<PreparedSlot> {
    const current = this.current
    if (!current) throw new CaseVaultError('LOCKED', 'The vault is locked.')
    const organisation = current.session.settings.organisation()
    const words = [username, organisation, displayName].filter((word): word is string => !!word)
    assertStrongAccountPassphrase(passphrase, words)
    const write = { dataDir: this.dataDir, session: current.session, databaseKey: current.databaseKey }
    const stillOpen = () => this.current === current
    const floor = this.options.allowKdfBelowFloor ? {} : { floor: KDF_FLOOR }
    return prepareUserSlot(
      { ...write, now: this.clock(), kdf: this.options.kdf, stillOpen, rebuildUnreadableHeader, ...floor },
      username,
      passphrase,
    )
  }

  /** Removes a user's key material; the name stays so their unlock attempt gets a clear message. */
  deactivateSlot(username: string): void {
    deactivateUserSlot(this.dataDir, username, this.clock())
  }

  /** The open database key in its printed form: the recovery key (shown again while unconfirmed). */
  recoveryKeyText(): string {
    if (!this.current) throw new CaseVaultError('LOCKED', 'The vault is locked.')
    return formatRecoveryKey(this.current.databaseKey)
  }

  /** A copy of the open database key for sealing into a backup; the caller wipes it with fill(0). */
  databaseKeyCopy(): Buffer {
    if (!this.current) throw new CaseVaultError('LOCKED', 'The vault is locked.')
    return Buffer.from(this.current.databaseKey)
  }

  /** Checks a passphrase against the signed-in user's own slot without changing anything. */
  async verifyOwnPassphrase(passphrase: string): Promise<boolean> {
    // Throttled as the unlock screen is: an unlocked session left at a desk is no guessing oracle.
    // One at a time, too: guesses sent together all passed the check before any failure counted.
    if (this.verifying) throw new CaseVaultError('CONFLICT', 'Another passphrase check is in progress.')
    this.refuseWhileThrottled()
    this.verifying = true
    try {
      const session = this.requireSession()
      const opens = await passphraseOpensSlot(this.dataDir, session.user.username, passphrase)
      if (opens) this.throttle.recordSuccess()
      else {
        this.throttle.recordFailure()
        if (this.current?.session === session) auditWrongOwnPassphrase(session)
      }
      return opens
    } finally {
      this.verifying = false
    }
  }

  lock(reason: VaultLockedReason): void {
    if (!this.current) {
      // The unlock's check of a large vault runs off this thread; a lock in the meantime (suspend,
      // screen lock) must still win, or the vault would open after the screen locked.
      if (this.busy) this.lockWhileOpening = reason
      return
    }
    this.closeSession(reason)
    for (const listener of this.lockListeners) listener(reason)
  }

  /** A lock's closing and its audit row, without the lock event. */
  private closeSession(reason: VaultLockedReason): void {
    const current = this.current
    if (!current) return
    try {
      const { session } = current
      session.audit.append({ actor: session.user.username, action: 'session.locked', details: { reason } })
    } catch {
      // A failing disk must not keep the vault open: lock regardless.
    }
    this.lockQuietly()
  }

  /** Signing in again closes an open session as a lock does (logged, its work cancelled). */
  private lockOpenSession(): void {
    if (this.current) this.lock('user')
  }

  private lockQuietly(): void {
    const current = this.current
    if (!current) return
    this.current = null
    try {
      current.session.db.close()
    } finally {
      current.databaseKey.fill(0)
      clearInUse(this.dataDir)
    }
  }

  private async openWithKey(databaseKey: Buffer, username: string, action: string): Promise<VaultSession> {
    let db: VaultDatabase | null = null
    try {
      const opened = await openVaultDatabase(databasePath(this.dataDir), databaseKey, username, {
        integrityWorkerFromBytes: this.options.integrityWorkerFromBytes,
      })
      db = opened.db
      const lockedMeanwhile = this.lockWhileOpening
      if (lockedMeanwhile) {
        this.lockWhileOpening = null
        for (const listener of this.lockListeners) listener(lockedMeanwhile)
        throw new CaseVaultError('LOCKED', 'The vault was locked while it was opening.')
      }
      const { user } = opened
      const session = openSession(db, user, this.clock)
      auditUnlock(session, user, action, this.throttle.recordSuccess())
      this.current = { session, databaseKey }
      markInUse(this.dataDir)
      return session
    } catch (error) {
      db?.close()
      databaseKey.fill(0)
      throw error
    }
  }

  private refuseWhileThrottled(): void {
    const waitMs = this.throttle.waitMs()
    if (waitMs > 0) {
      throw new CaseVaultError('TOO_MANY_ATTEMPTS', 'Too many failed attempts. Wait before trying again.', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      })
    }
  }

  /** One unlock/create at a time: a second click cannot race the first through Argon2. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new CaseVaultError('CONFLICT', 'Another unlock is in progress.')
    this.busy = true
    this.lockWhileOpening = null
    try {
      return await work()
    } finally {
      this.busy = false
    }
  }
}
