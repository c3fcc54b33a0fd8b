import { lockWithAutoBackup } from './lock-with-backup'
import { CaseVaultError } from '../core/errors'
import { applyRestoreMarker } from '../core/backup/restore-marker'
import type { AreaHandlers, HandlerContext } from './handler'
import { swapStillPending } from '../core/backup/swap-journal'
import type { vaultContract, VaultStatus } from './contract/vault'

export function vaultStatus(ctx: Pick<HandlerContext, 'vault'>): VaultStatus {
  const session = ctx.vault.session()
  // No vault yet: perhaps a restore cut short, tried again here (the screen's "Try again").
  const unfinished = !session && !ctx.vault.exists() && swapStillPending(ctx.vault.dataDir)
  return {
    state: session ? 'unlocked' : ctx.vault.exists() ? 'locked' : 'absent',
    user: session?.user ?? null,
    settings: session ? session.settings.get() : null,
    organisation: ctx.vault.organisation(),
    ...(unfinished ? { restoreUnfinished: true as const } : {}),
    ...(session?.user.role === 'admin' && session.settings.recoveryKeyPending()
      ? { recoveryKeyPending: true as const }
      : {}),
  }
}

export const vaultHandlers: AreaHandlers<typeof vaultContract> = {
  status: (ctx) => vaultStatus(ctx),

  create: async (ctx, input) => {
    const { recoveryKey, session } = await ctx.vault.create(input)
    // Until its last group is typed back, the key is shown again after any lock (sleep, the
    // screen lock) instead of being lost with the setup screen. The command line prints it.
    session.settings.saveRecoveryKeyPending(true)
    return { recoveryKey, status: vaultStatus(ctx) }
  },

  pendingRecoveryKey: (ctx) => {
    const { session } = ctx
    if (!session.settings.recoveryKeyPending())
      throw new CaseVaultError('CONFLICT', 'The recovery key was confirmed already; it is not shown again.')
    session.audit.append({ actor: session.user.username, action: 'vault.recovery_key_shown_again' })
    return ctx.vault.recoveryKeyText()
  },

  confirmRecoveryKey: (ctx) => {
    const { session } = ctx
    if (session.settings.recoveryKeyPending()) {
      session.db.transaction(() => {
        session.settings.saveRecoveryKeyPending(false)
        session.audit.append({ actor: session.user.username, action: 'vault.recovery_key_confirmed' })
      })()
    }
    return vaultStatus(ctx)
  },

  unlock: async (ctx, input) => {
    applyRestoreMarker(ctx.vault.dataDir, await ctx.vault.unlock(input.username, input.passphrase))
    return vaultStatus(ctx)
  },

  unlockWithRecoveryKey: async (ctx, input) => {
    applyRestoreMarker(
      ctx.vault.dataDir,
      await ctx.vault.unlockWithRecoveryKey(input.recoveryKey, input.username, input.newPassphrase),
    )
    return vaultStatus(ctx)
  },

  lock: async (ctx) => {
    await lockWithAutoBackup(ctx.vault, 'user')
    return vaultStatus(ctx)
  },

  changePassphrase: (ctx, input) =>
    ctx.userService.changeOwnPassphrase(ctx.session, input.currentPassphrase, input.newPassphrase),

  getSettings: (ctx) => ctx.session.settings.get(),

  updateSettings: (ctx, input) => {
    const { session } = ctx
    // The value before too: "who shortened the idle lock, and from what?" had no answer.
    const before = session.settings.get()
    const previous = Object.fromEntries(
      Object.keys(input).map((key) => [key, before[key as keyof typeof before]]),
    )
    session.db.transaction(() => {
      session.settings.save(input)
      session.audit.append({
        actor: session.user.username,
        action: 'settings.updated',
        details: { ...input, previous },
      })
    })()
    return session.settings.get()
  },
}
