import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type {
  ChangePassphraseInput,
  ErrorCode,
  CreateVaultInput,
  UnlockInput,
  UnlockWithRecoveryKeyInput,
  VaultLockedReason,
  VaultSettings,
  VaultStatus,
} from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'
import { forgetSessionStores } from './forget-session'
import { anyUnsavedWork } from '../composables/unsaved-work'

/** What the unlock screen says about a backup restore (main locks the vault to swap it). */
export type RestoreNotice =
  | { kind: 'restoring' }
  | { kind: 'restored'; backupCreatedAt: string | null }
  | { kind: 'broughtBack'; movedAsideAt: string }
  | { kind: 'failed'; code: ErrorCode }

/** The session: vault state, who is signed in, and why it was last locked. */
export const useVaultStore = defineStore('vault', () => {
  const status = ref<VaultStatus | null>(null)
  const lockReason = ref<VaultLockedReason | null>(null)
  // Remembered across the lock (settings are null while locked) for "Locked after N minutes idle".
  const autoLockMinutes = ref<number | null>(null)
  const restoreNotice = ref<RestoreNotice | null>(null)
  /** The lock closed a screen or dialog that held typed, unsaved work (the unlock screen says so). */
  const lostUnsavedWork = ref(false)
  /**
   * Whose session the last lock closed, and where it was (the router notes the path): the same
   * user comes back there after unlocking, anyone else goes home. Memory only; paths hold ids,
   * never names.
   */
  const interrupted = ref<{ userId: number; path: string | null } | null>(null)

  const state = computed(() => status.value?.state ?? null)
  const user = computed(() => status.value?.user ?? null)
  const organisation = computed(() => status.value?.organisation ?? null)
  const isAdmin = computed(() => user.value?.role === 'admin')
  const settings = computed(() => status.value?.settings ?? null)
  /** A restore cut short that main could not finish yet (first-run screen). */
  const restoreUnfinished = computed(() => status.value?.restoreUnfinished === true)

  function apply(next: VaultStatus): VaultStatus {
    status.value = next
    if (next.settings) autoLockMinutes.value = next.settings.autoLockMinutes
    if (next.state === 'unlocked') {
      lockReason.value = null
      restoreNotice.value = null
      lostUnsavedWork.value = false
    }
    return next
  }

  /** Forget everything that belonged to the unlocked session, in every store. */
  function markLocked(reason: VaultLockedReason): void {
    lockReason.value = reason
    if (status.value && status.value.state === 'unlocked') {
      // Asked while the screens are still there (a lock by hand notes it before it covers them).
      noteUnsavedWork()
      interrupted.value = status.value.user ? { userId: status.value.user.id, path: null } : null
      status.value = { ...status.value, state: 'locked', user: null, settings: null }
    }
    forgetSessionStores('vault')
  }

  /** Notes whether a lock about to happen closes typed work (see lostUnsavedWork). */
  function noteUnsavedWork(): void {
    lostUnsavedWork.value ||= anyUnsavedWork()
  }

  /** The router's note of the screen a lock interrupted (router.ts). */
  function noteInterruptedPath(path: string): void {
    if (interrupted.value && interrupted.value.path === null) interrupted.value.path = path
  }

  /** Where to go after an unlock: back to the interrupted screen for the same user, else home. */
  function placeAfterUnlock(): string | { name: 'home' } {
    const place = interrupted.value
    interrupted.value = null
    return place?.path && place.userId === user.value?.id ? place.path : { name: 'home' }
  }

  async function refresh(): Promise<VaultStatus> {
    return apply(unwrap(await casevault().vault.status()))
  }

  /** Creates the vault and its first admin; returns the recovery key, which is shown once. */
  async function create(input: CreateVaultInput): Promise<string> {
    const created = unwrap(await casevault().vault.create(input))
    apply(created.status)
    return created.recoveryKey
  }

  /** The setup's recovery key again, while it is unconfirmed (an admin's session only). */
  async function pendingRecoveryKey(): Promise<string> {
    return unwrap(await casevault().vault.pendingRecoveryKey())
  }

  async function confirmRecoveryKey(): Promise<VaultStatus> {
    return apply(unwrap(await casevault().vault.confirmRecoveryKey()))
  }

  async function unlock(input: UnlockInput): Promise<VaultStatus> {
    return apply(unwrap(await casevault().vault.unlock(input)))
  }

  async function unlockWithRecoveryKey(input: UnlockWithRecoveryKeyInput): Promise<VaultStatus> {
    return apply(unwrap(await casevault().vault.unlockWithRecoveryKey(input)))
  }

  async function lock(): Promise<void> {
    const next = unwrap(await casevault().vault.lock())
    markLocked('user')
    apply(next)
  }

  async function changePassphrase(input: ChangePassphraseInput): Promise<void> {
    unwrap(await casevault().vault.changePassphrase(input))
  }

  function applySettings(next: VaultSettings): VaultSettings {
    if (status.value) status.value = { ...status.value, settings: next }
    autoLockMinutes.value = next.autoLockMinutes
    return next
  }

  async function loadSettings(): Promise<VaultSettings> {
    return applySettings(unwrap(await casevault().vault.getSettings()))
  }

  /** Admin only (main checks); main's idle timer reads the saved value on its next tick. */
  async function updateSettings(next: VaultSettings): Promise<VaultSettings> {
    return applySettings(unwrap(await casevault().vault.updateSettings(next)))
  }

  function noteRestore(notice: RestoreNotice | null): void {
    restoreNotice.value = notice
  }

  /** Main has locked the vault to restore a backup: forget the session, re-read the header. */
  async function afterRestore(notice: RestoreNotice): Promise<void> {
    restoreNotice.value = notice
    markLocked('user')
    // Nothing to come back to: the restore chose to leave, and in the restored vault the same
    // user id may be someone else.
    interrupted.value = null
    // The restored vault.json may name the organisation differently.
    await refresh().catch(() => undefined)
  }

  /** Main locks on idle, suspend and screen lock: reset state here, then let the app route. */
  function listenForLocks(onLocked: (reason: VaultLockedReason) => void): () => void {
    return casevault().onLocked((reason) => {
      markLocked(reason)
      onLocked(reason)
    })
  }

  return {
    status,
    lockReason,
    autoLockMinutes,
    restoreNotice,
    lostUnsavedWork,
    noteUnsavedWork,
    noteInterruptedPath,
    placeAfterUnlock,
    state,
    restoreUnfinished,
    user,
    organisation,
    isAdmin,
    settings,
    refresh,
    create,
    unlock,
    unlockWithRecoveryKey,
    pendingRecoveryKey,
    confirmRecoveryKey,
    lock,
    changePassphrase,
    loadSettings,
    updateSettings,
    listenForLocks,
    noteRestore,
    afterRestore,
  }
})
