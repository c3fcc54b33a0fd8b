import type { AreaHandlers } from './handler'
import type { exportContract, ExportSettings } from './contract/export'
import { runExport } from '../core/export/export-service'
import { checkExport, exportFileName } from '../core/export/export-request'
import { exportWorkersFor } from '../core/export/export-worker-script'
import { yearsChangedSinceExport } from '../core/export/release-changes'

export const exportHandlers: AreaHandlers<typeof exportContract> = {
  run: async (ctx, input) => {
    const { session } = ctx
    // Role, k and passphrase are refused before the save dialog opens, not after.
    checkExport(session, input)
    const encrypted = !('plaintext' in input.protection)
    const name = exportFileName(
      session.settings.organisation() ?? 'vault',
      input.format,
      session.clock(),
      encrypted,
    )
    const file = await ctx.files.chooseSaveLocation(name)
    if (!file) return { file: null, rows: 0, encrypted, report: null }
    const outcome = await ctx.operations.run('export', (signal, report) =>
      runExport(session, input, file, {
        writePlaintext: (path, chunks, signal) => ctx.files.write(path, chunks, signal),
        // On worker threads when there is a built worker (always, in the app); else in one go.
        workers: exportWorkersFor(ctx.vault, session.db, ctx.exportWorker),
        signal,
        onProgress: report,
      }),
    )
    return { file, ...outcome }
  },

  cancel: (ctx) => ctx.operations.cancel('export'),

  changedYears: (ctx, scope) => yearsChangedSinceExport(ctx.session.db, scope),

  getSettings: (ctx): ExportSettings => ({ k: ctx.session.settings.anonymityK() }),

  updateSettings: (ctx, input) => {
    const { session } = ctx
    const previous = { k: session.settings.anonymityK() }
    session.db.transaction(() => {
      session.settings.saveAnonymityK(input.k)
      session.audit.append({
        actor: session.user.username,
        action: 'settings.updated',
        details: { ...input, previous },
      })
    })()
    return { k: session.settings.anonymityK() }
  },
}
