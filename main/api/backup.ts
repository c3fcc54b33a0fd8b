import type { AreaHandlers } from './handler'
import type { backupContract } from './contract/backup'
import { createBackup } from '../core/backup/create-backup'
import { verifyBackup } from '../core/backup/verify-backup'
import { restoreBackup } from '../core/backup/restore-backup'
import { assertStrongBackupPassphrase } from '../core/backup/passphrase-strength'
import { backupFileName } from '../core/backup/backup-format'
import { APP_VERSION } from '../app-version'
import { CaseVaultError } from '../core/errors'
import { fileOnSameDrive } from '../core/backup/same-drive'
import {
  bringBackRollbackCopy,
  listRollbackCopies,
  removeRollbackCopies,
} from '../core/backup/rollback-copies'
import type { VaultSession } from '../core/vault/vault-session'
import { workSince } from '../core/backup/work-since'
import { sharedHistory, type SharedHistory } from '../core/backup/audit-fork'
import { guardedSwap } from './restore-swap'
import { checkOf, noBackupChosen } from './backup-check'
import { restoreDamagedVault } from './restore-damaged'
import { autoStatus, status } from './backup-status'

/**
 * The backup file a restore last refused, per session, and why (OTHER_VAULT or NEWER_WORK): when
 * the user confirms it after seeing what it is, the restore takes this file again without another
 * dialog. A confirmation of the other reason finds nothing waiting.
 */
const refusedFiles = new WeakMap<VaultSession, { file: string; code: 'OTHER_VAULT' | 'NEWER_WORK' }>()

/**
 * A backup whose snapshot waited in vain for the vault's other readers (live-snapshot.ts) names the
 * export when one is running: its worker threads are what holds them in the app.
 */
function readersNamed(error: unknown, exportRunning: boolean): unknown {
  if (!exportRunning || !(error instanceof CaseVaultError) || error.details?.readersBusy !== true)
    return error
  return new CaseVaultError(
    'CONFLICT',
    'An export is reading the vault. Make the backup when it has finished.',
    {
      ...error.details,
      operation: 'export',
    },
  )
}

export const backupHandlers: AreaHandlers<typeof backupContract> = {
  status,

  create: async (ctx, protection) => {
    const { session, vault } = ctx
    if ('passphrase' in protection) {
      assertStrongBackupPassphrase(protection.passphrase, [session.user.username, vault.organisation() ?? ''])
    }
    const file = await ctx.files.chooseSaveLocation(
      backupFileName(vault.organisation() ?? 'vault', session.clock()),
    )
    if (!file) return { file: null, counts: {}, sameDriveAsVault: false }
    return ctx.operations.run('backup', async (signal, report) => {
      const databaseKey = vault.databaseKeyCopy()
      try {
        const manifest = await createBackup(session, vault.dataDir, file, protection, {
          appVersion: APP_VERSION,
          databaseKey,
          signal,
          onProgress: report,
        })
        session.settings.recordBackup(manifest.createdAt)
        return { file, counts: manifest.counts, sameDriveAsVault: fileOnSameDrive(file, vault.dataDir) }
      } catch (error) {
        throw readersNamed(error, ctx.operations.isRunning('export'))
      } finally {
        databaseKey.fill(0)
      }
    })
  },

  verify: async (ctx, credentials) => {
    const session = ctx.session
    const file = await ctx.files.chooseBackupFile()
    if (!file) return noBackupChosen
    const { manifest, counts } = await ctx.operations.run('verify', (signal, report) =>
      verifyBackup(file, credentials, { signal, onProgress: report }),
    )
    session.audit.append({
      actor: session.user.username,
      action: 'backup.verified',
      details: { cases: counts.cases ?? 0 },
    })
    return checkOf(file, manifest, counts)
  },

  restore: async (ctx, input) => {
    const { session, vault } = ctx
    const { anotherVault, replaceNewerWork, ...credentials } = input
    const waiting = refusedFiles.get(session)
    const confirming = anotherVault ? 'OTHER_VAULT' : replaceNewerWork ? 'NEWER_WORK' : null
    const confirmed = confirming && waiting?.code === confirming ? waiting.file : undefined
    if (confirming && !confirmed)
      throw new CaseVaultError('NOT_FOUND', 'No refused backup is waiting: choose the file again.')
    const file = confirmed ?? (await ctx.files.chooseBackupFile())
    if (!file) return noBackupChosen
    refusedFiles.delete(session)
    // Verified completely before the vault is touched; the restore itself is recorded in the
    // outgoing vault's log, which stays in the rollback copy.
    // A backup from a second copy of this vault lacks what was recorded here since they parted.
    let shared: SharedHistory | null = null
    const { manifest, counts } = await ctx.operations.run('restore', (signal, report) =>
      guardedSwap(ctx, (atSwap) =>
        restoreBackup(vault.dataDir, file, credentials, {
          signal,
          onProgress: report,
          allowAnotherVault: anotherVault === true,
          inspectSnapshot: (snapshot) => {
            shared = anotherVault || replaceNewerWork ? null : sharedHistory(session.db, snapshot)
          },
          beforeSwap: (checked) => {
            // Restoring goes back in time: what was recorded here since the backup is replaced
            // (kept in the rollback copy). Said with numbers first, unless the user has seen them,
            // or the backup is of another vault (all of this vault is replaced anyway).
            if (!anotherVault && !replaceNewerWork) {
              // The snapshot was read once every check passed, so its history is known here.
              const history = shared ?? { continuesThis: false, lastSharedId: 0, lastSharedAt: null }
              const otherCopy = !history.continuesThis
              const since = workSince(
                session.db,
                otherCopy ? (history.lastSharedAt ?? '') : checked.manifest.createdAt,
                history.lastSharedId,
              )
              if (since.cases + since.unlinked + since.directory + since.deleted + since.accounts > 0) {
                throw new CaseVaultError('NEWER_WORK', 'This vault has work newer than the backup.', {
                  createdAt: checked.manifest.createdAt,
                  createdBy: checked.manifest.createdBy,
                  ...(otherCopy ? { otherCopy: true, partedAt: history.lastSharedAt } : {}),
                  cases: since.cases,
                  unlinked: since.unlinked,
                  directory: since.directory,
                  deleted: since.deleted,
                  accounts: since.accounts,
                })
              }
            }
            session.audit.append({
              actor: session.user.username,
              action: 'backup.restored',
              details: { backupCreatedAt: checked.manifest.createdAt, cases: checked.counts.cases ?? 0 },
            })
            atSwap()
          },
        }),
      ).catch((error: unknown) => {
        if (error instanceof CaseVaultError && (error.code === 'OTHER_VAULT' || error.code === 'NEWER_WORK'))
          refusedFiles.set(session, { file, code: error.code })
        throw error
      }),
    )
    return checkOf(file, manifest, counts)
  },

  restoreFirst: async (ctx, credentials) => {
    // A new computer after a theft or a dead disk: no vault yet, so nobody to sign in. Anyone at
    // this screen could equally create a vault, and a backup opens only with its own passphrase
    // or private key, so this is public; once a vault exists it is refused.
    const { vault } = ctx
    if (vault.exists())
      throw new CaseVaultError('VAULT_EXISTS', 'A vault already exists in this data folder.')
    const file = await ctx.files.chooseBackupFile()
    if (!file) return noBackupChosen
    const { manifest, counts } = await ctx.operations.run('restore', (signal, report) =>
      restoreBackup(vault.dataDir, file, credentials, {
        signal,
        onProgress: report,
        onlyIntoEmptyFolder: true,
      }),
    )
    return checkOf(file, manifest, counts)
  },

  restoreDamaged: (ctx, credentials) => restoreDamagedVault(ctx, credentials),

  // With no session open, the only restore that can run is a first-run one or one over a damaged
  // vault (restoreDamaged): both are cancelled here, before their swap.
  cancelRestoreFirst: (ctx) => !ctx.vault.session() && ctx.operations.cancel('restore'),

  updateSettings: (ctx, input) => {
    const { session } = ctx
    const previous = { warnAfterDays: session.settings.backupWarnDays() }
    // One transaction, as the other settings: a setting saved without its audit row was possible.
    session.db.transaction(() => {
      session.settings.saveBackupWarnDays(input.warnAfterDays)
      session.audit.append({
        actor: session.user.username,
        action: 'settings.updated',
        details: { ...input, previous },
      })
    })()
    return status(ctx)
  },

  autoStatus: (ctx) => autoStatus(ctx, ctx.session.settings.autoBackup()),

  updateAuto: (ctx, input) => {
    const { settings, audit, user } = ctx.session
    const current = settings.autoBackup()
    if (input.enabled && (current.folder === null || input.recipients.length === 0)) {
      throw new CaseVaultError('VALIDATION', 'Choose a folder and add at least one public key first.', {
        issues: [
          ...(current.folder === null ? [{ path: 'folder', code: 'missing', message: 'no folder' }] : []),
          ...(input.recipients.length === 0
            ? [{ path: 'recipients', code: 'missing', message: 'no key' }]
            : []),
        ],
      })
    }
    const next = { ...current, ...input }
    // One transaction, as the other settings: a change without its audit row (a full disk) is undone.
    ctx.session.db.transaction(() => {
      settings.saveAutoBackup(next)
      audit.append({
        actor: user.username,
        action: 'settings.updated',
        details: { autoBackup: input.enabled, keep: input.keep, recipients: input.recipients.length },
      })
    })()
    return autoStatus(ctx, next)
  },

  chooseAutoFolder: async (ctx) => {
    const session = ctx.session
    const folder = await ctx.files.chooseFolder()
    const { settings, audit, user } = session
    const current = settings.autoBackup()
    if (!folder) return autoStatus(ctx, current)
    const next = { ...current, folder }
    session.db.transaction(() => {
      settings.saveAutoBackup(next)
      audit.append({ actor: user.username, action: 'settings.updated', details: { autoBackupFolder: true } })
    })()
    return autoStatus(ctx, next)
  },

  rollbackCopies: (ctx) => listRollbackCopies(ctx.vault.dataDir),

  bringBackRollbackCopy: async (ctx, { name }) => {
    const { session, vault } = ctx
    return ctx.operations.run('restore', () =>
      guardedSwap(ctx, (atSwap) =>
        bringBackRollbackCopy(vault.dataDir, name, session.clock(), (movedAsideAt) => {
          // Recorded in the vault being moved aside (its log stays with it), as a restore is.
          session.audit.append({
            actor: session.user.username,
            action: 'backup.rollback_brought_back',
            details: { movedAsideAt },
          })
          atSwap()
        }),
      ),
    )
  },

  removeRollbackCopies: (ctx) => {
    const { session, vault } = ctx
    const removed = removeRollbackCopies(vault.dataDir)
    session.audit.append({
      actor: session.user.username,
      action: 'backup.rollbacks_removed',
      details: { removed },
    })
    return listRollbackCopies(vault.dataDir)
  },

  // The one named, else whichever is running. A restore can be cancelled only while the backup is
  // being checked, before anything in the vault changes.
  cancel: (ctx, operation) =>
    operation
      ? ctx.operations.cancel(operation)
      : ctx.operations.cancel('backup') ||
        ctx.operations.cancel('verify') ||
        ctx.operations.cancel('restore'),
}
