import { rm } from 'node:fs/promises'
import type { AreaHandlers } from './handler'
import type { VaultSession } from '../core/vault/vault-session'
import {
  MAX_DIRECTORY_IMPORT_ERRORS,
  type DirectoryImportReport,
  type directoryContract,
} from './contract/directory'
import { createDirectoryService, type DirectoryServiceApi } from '../core/directory/directory-service'
import { importHsds } from '../core/directory/hsds-import'
import { buildHsdsExport, hsdsExportFileName } from '../core/directory/hsds-export'

// One set of prepared statements per unlocked session; dropped with the session on lock.
const bySession = new WeakMap<VaultSession, DirectoryServiceApi>()

function directoryOf(session: VaultSession): DirectoryServiceApi {
  let service = bySession.get(session)
  if (!service) {
    service = createDirectoryService(session)
    bySession.set(session, service)
  }
  return service
}

/** Errors are capped for IPC; errorCount stays exact. */
function capped(report: DirectoryImportReport): DirectoryImportReport {
  return { ...report, errors: report.errors.slice(0, MAX_DIRECTORY_IMPORT_ERRORS) }
}

export const directoryHandlers: AreaHandlers<typeof directoryContract> = {
  listOrganisations: (ctx, input) => directoryOf(ctx.session).listOrganisations(input),
  getOrganisation: (ctx, input) => directoryOf(ctx.session).getOrganisation(input.id),
  saveOrganisation: (ctx, input) => directoryOf(ctx.session).saveOrganisation(input),
  setOrganisationActive: (ctx, input) =>
    directoryOf(ctx.session).setOrganisationActive(input.id, input.active),
  listServices: (ctx, input) => directoryOf(ctx.session).listServices(input),
  getService: (ctx, input) => directoryOf(ctx.session).getService(input.id),
  saveService: (ctx, input) => directoryOf(ctx.session).saveService(input),
  setServiceActive: (ctx, input) => directoryOf(ctx.session).setServiceActive(input.id, input.active),

  importPreview: async (ctx, input) =>
    capped(await importHsds(ctx.session, directoryOf(ctx.session), input.files, { dryRun: true })),
  importRun: async (ctx, input) =>
    capped(await importHsds(ctx.session, directoryOf(ctx.session), input.files, { dryRun: false })),

  export: async (ctx, input) => {
    const session = ctx.session
    const name = hsdsExportFileName(session.settings.organisation() ?? 'vault', input.format, session.clock())
    const file = await ctx.files.chooseSaveLocation(name)
    if (!file) return { file: null, organisations: 0, services: 0 }
    const built = await buildHsdsExport(session, input.format, input.includeInactive)
    // Plaintext on purpose: a service directory is public-facing organisation data meant for
    // partner networks, not survivor data, so it is not age-encrypted like case exports.
    await ctx.files.write(file, built.bytes)
    // Locked while writing (the audit cannot be written, ctx.session says LOCKED): the file is taken
    // back, as an attachment's copy is, so that nothing leaves the vault unlogged.
    try {
      ctx.session.audit.append({
        actor: session.user.username,
        action: 'directory.exported',
        details: { format: input.format, organisations: built.organisations, services: built.services },
      })
    } catch (error) {
      await rm(file, { force: true })
      throw error
    }
    return { file, organisations: built.organisations, services: built.services }
  },
}
