import { z } from 'zod'
import { method } from './method'
import {
  displayNameSchema,
  shownNameSchema,
  existingPassphraseSchema,
  passphraseSchema,
  recoveryKeySchema,
  usernameSchema,
} from './common'
import type { SessionUser } from './users'

export const vaultSettingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
})
export type VaultSettings = z.infer<typeof vaultSettingsSchema>

export interface VaultStatus {
  /** absent: no vault in the data folder yet (first run). */
  state: 'absent' | 'locked' | 'unlocked'
  user: SessionUser | null
  settings: VaultSettings | null
  /** Organisation name from the vault header, shown on the unlock screen. */
  organisation: string | null
  /**
   * absent only: a restore was cut short (the power went between its two renames) and finishing
   * it failed again just now; the first-run screen says so instead of offering to create a vault.
   */
  restoreUnfinished?: true
  /**
   * Present only for an admin, while the recovery key shown at setup has not been confirmed (its
   * last group typed): the vault locked first. The screens show it again before anything else.
   */
  recoveryKeyPending?: true
}

export const createVaultInput = z.object({
  organisation: shownNameSchema(200),
  username: usernameSchema,
  displayName: displayNameSchema,
  passphrase: passphraseSchema,
})
export type CreateVaultInput = z.infer<typeof createVaultInput>

export interface CreatedVault {
  /** Shown once; the database key in printable form. */
  recoveryKey: string
  status: VaultStatus
}

export const unlockInput = z.object({ username: usernameSchema, passphrase: existingPassphraseSchema })
export type UnlockInput = z.infer<typeof unlockInput>

export const unlockWithRecoveryKeyInput = z.object({
  recoveryKey: recoveryKeySchema,
  username: usernameSchema,
  newPassphrase: passphraseSchema,
})
export type UnlockWithRecoveryKeyInput = z.infer<typeof unlockWithRecoveryKeyInput>

export const changePassphraseInput = z.object({
  currentPassphrase: existingPassphraseSchema,
  newPassphrase: passphraseSchema,
})
export type ChangePassphraseInput = z.infer<typeof changePassphraseInput>

const none = z.undefined()

export const vaultContract = {
  status: method(none, 'public').returns<VaultStatus>(),
  create: method(createVaultInput, 'public').returns<CreatedVault>(),
  unlock: method(unlockInput, 'public').returns<VaultStatus>(),
  unlockWithRecoveryKey: method(unlockWithRecoveryKeyInput, 'public').returns<VaultStatus>(),
  lock: method(none, 'public').returns<VaultStatus>(),
  changePassphrase: method(changePassphraseInput, 'session').returns<void>(),
  getSettings: method(none, 'session').returns<VaultSettings>(),
  updateSettings: method(vaultSettingsSchema, ['admin']).returns<VaultSettings>(),
  /** The setup's recovery key again, only while it is unconfirmed (recoveryKeyPending). */
  pendingRecoveryKey: method(none, ['admin']).returns<string>(),
  confirmRecoveryKey: method(none, ['admin']).returns<VaultStatus>(),
}
